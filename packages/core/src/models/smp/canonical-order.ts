/**
 * An order of the actors that does not depend on how the scenario lists them: ascending by
 * initial position (dimension by dimension), then saliences, then capability; fully identical
 * actors keep their input order (they are interchangeable, so the run is the same either way).
 * Entente runs the SMP in this order under compat "corrected", so its deterministic tie rule
 * (the earlier actor's bargain wins an exact tie) and every floating-point summation are
 * independent of the input order. KTAB itself sums in input order and breaks ties by thread
 * timing (spec `docs/research/spec-ktab-smp.md` §5.13, source KTAB `SMPState::doBCN`,
 * examples/smp/libsrc/smpbcn.cpp, commit 3b5b063). Returns order[rank] = input index.
 * Source: KTAB `SMPState::doBCN` (examples/smp/libsrc/smpbcn.cpp; commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.13. Method: Wise, "An Introduction to KTAB".
 */
export function canonicalOrder(
  n: number,
  m: number,
  positions: Float64Array,
  saliences: Float64Array,
  capabilities: Float64Array,
): Int32Array {
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => {
    for (let k = 0; k < m; k++) {
      const d = (positions[a * m + k] as number) - (positions[b * m + k] as number);
      if (d !== 0) return d;
    }
    for (let k = 0; k < m; k++) {
      const d = (saliences[a * m + k] as number) - (saliences[b * m + k] as number);
      if (d !== 0) return d;
    }
    return (capabilities[a] as number) - (capabilities[b] as number);
  });
  return Int32Array.from(idx);
}

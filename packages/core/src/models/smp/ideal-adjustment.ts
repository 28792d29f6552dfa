/**
 * KTAB's ideal adjustment ("pragmatic affinity"): after moving, each actor's ideal shifts towards
 * the new positions of the actors it accommodates, y_i ← Σ_j A_ij·x_j + (1 − Σ_j A_ij)·y_i, per
 * dimension, with the row sum clipped to 1. A = I (KTAB's CSV default, the "cynical" actor)
 * makes ideals equal positions; A = 0 keeps the initial ideals ("sincere").
 * Source: KTAB `SMPState::newIdeals` (examples/smp/libsrc/smp.cpp, commit 3b5b063) and
 * examples/smp/doc/Pragmatic-Affinity-in-KTAB.tex; spec `docs/research/spec-ktab-smp.md` §5.7.
 * `A` is row-major n×n, or undefined for the identity. Returns the new ideals.
 * Method: KTAB examples/smp/doc/Pragmatic-Affinity-in-KTAB.tex; Wise, "An Introduction to KTAB"
 * (KAPSARC).
 */
export function adjustIdeals(
  n: number,
  m: number,
  x: Float64Array,
  y: Float64Array,
  A: Float64Array | undefined,
): Float64Array {
  if (A === undefined) return Float64Array.from(x);
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let j = 0; j < n; j++) rowSum += A[i * n + j] as number;
    if (rowSum > 1) rowSum = 1;
    const keep = 1 - rowSum;
    for (let k = 0; k < m; k++) {
      let v = 0;
      for (let j = 0; j < n; j++) v += (A[i * n + j] as number) * (x[j * m + k] as number);
      out[i * m + k] = v + keep * (y[i * m + k] as number);
    }
  }
  return out;
}

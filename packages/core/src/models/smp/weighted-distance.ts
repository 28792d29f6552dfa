/**
 * Salience-weighted normalised distance from actor a's ideal to a point p in [0,1]^m:
 * d = sqrt( Σ_k (s_ak·(y_ak − p_k))² / Σ_k s_ak² ), summed over k in order. With one dimension
 * the salience cancels. `s`, `y` hold actor rows of length m starting at `ao`; `p` a point at
 * `po`; `ss` is Σ_k s_ak² (see {@link salienceNorms}).
 * Source: KTAB `SMPModel::bvDiff` and `SMPState::setVDiff` (examples/smp/libsrc/smp.cpp, commit
 * 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2.
 * Method: Wise, "Multidimensional Bargaining Using KTAB" (KAPSARC).
 */
export function weightedDistance(
  s: Float64Array,
  y: Float64Array,
  ao: number,
  p: Float64Array,
  po: number,
  m: number,
  ss: number,
): number {
  let sum = 0;
  for (let k = 0; k < m; k++) {
    const t = (s[ao + k] as number) * ((y[ao + k] as number) - (p[po + k] as number));
    sum += t * t;
  }
  return Math.sqrt(sum / ss);
}

/**
 * Σ_k s_ik² for every actor (the denominator of {@link weightedDistance}), summed in order.
 * Source: KTAB `SMPModel::bvDiff` (smp.cpp); spec §5.2.
 * Method: Wise, "Multidimensional Bargaining Using KTAB" (KAPSARC).
 */
export function salienceNorms(s: Float64Array, n: number, m: number): Float64Array {
  const ss = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = 0; k < m; k++) {
      const v = s[i * m + k] as number;
      sum += v * v;
    }
    ss[i] = sum;
  }
  return ss;
}

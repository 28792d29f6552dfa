/**
 * Risk attitudes in KTAB's SMP: the most probable position is the most risk-averse.
 * Source: KTAB `Model::bigRfromProb` and `Model::estNRA` (KTAB/kmodel/libsrc/kmodel.cpp, commit
 * 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2. Method: Wise, "An Introduction to KTAB"
 * (KAPSARC).
 */

/**
 * R_i from the probabilities p_i that each actor's position prevails, pmin/pmax over p.
 * `range` (index into BigRRange): Min (0) (p − pmin)/(pmax − pmin) in [0,1]; Mid (1, default)
 * (3p − (pmax + 2pmin))/(2(pmax − pmin)) in [−½,1]; Max (2) (2p − (pmax + pmin))/(pmax − pmin)
 * in [−1,1]. When every p is equal KTAB divides 0 by 0 and gets NaN (spec §5.12 #7); with
 * `guardEqual` every R is 0 (risk-neutral) instead.
 * Source: KTAB `Model::bigRfromProb`, `Model::estNRA` (KTAB/kmodel/libsrc/kmodel.cpp; commit
 * 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2. Method: Wise, "An Introduction to KTAB".
 */
export function riskAttitudes(
  p: Float64Array,
  n: number,
  range: number,
  guardEqual: boolean,
  R: Float64Array,
): void {
  let pmin = Number.POSITIVE_INFINITY;
  let pmax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = p[i] as number;
    if (v < pmin) pmin = v;
    if (v > pmax) pmax = v;
  }
  if (guardEqual && !(pmax > pmin)) {
    R.fill(0, 0, n);
    return;
  }
  for (let i = 0; i < n; i++) {
    const v = p[i] as number;
    R[i] =
      range === 0
        ? (v - pmin) / (pmax - pmin)
        : range === 1
          ? (3 * v - (pmax + 2 * pmin)) / (2 * (pmax - pmin))
          : (2 * v - (pmax + pmin)) / (pmax - pmin);
  }
}

/**
 * h's estimate of i's risk attitude, by BigRAdjust index: None (0) R_h; OneThird (1, default)
 * (2R_h + R_i)/3; Half (2) (R_h + R_i)/2; TwoThirds (3) (R_h + 2R_i)/3; Full (4) R_i.
 * (KTAB always throws for Full, spec §5.12 #3; that check lives in the turn loop.)
 * Source: KTAB `Model::bigRfromProb`, `Model::estNRA` (KTAB/kmodel/libsrc/kmodel.cpp; commit
 * 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2. Method: Wise, "An Introduction to KTAB".
 */
export function perceivedRisk(adjust: number, Rh: number, Ri: number): number {
  switch (adjust) {
    case 0:
      return Rh;
    case 1:
      return (2 * Rh + Ri) / 3;
    case 2:
      return (Rh + Ri) / 2;
    case 3:
      return (Rh + 2 * Ri) / 3;
    default:
      return Ri;
  }
}

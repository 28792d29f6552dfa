/**
 * KTAB's spatial utility of a position at normalised distance d for risk attitude R:
 * u = (1 − d)(1 + d·R) for d ≤ 1, else (1 − d)(1 + R). R = 0 is risk-neutral (u = 1 − d),
 * R > 0 risk-averse (concave), R < 0 risk-seeking.
 * Source: KTAB `SMPModel::bsUtil` (examples/smp/libsrc/smp.cpp, commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.2. Method: Wise, "Multidimensional Bargaining Using KTAB".
 */
export function riskUtility(d: number, R: number): number {
  return d <= 1 ? (1 - d) * (1 + d * R) : (1 - d) * (1 + R);
}

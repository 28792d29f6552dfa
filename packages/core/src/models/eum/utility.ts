/*
 * Basic utilities and the expected utility of a challenge. Equation numbers: Scholz, Calbert &
 * Smith (2011), "Unravelling Bueno de Mesquita's group decision model", ICAART 2011, pp. 18–30.
 * Distances are already divided by the range R (eq. 14), so they lie in [0, 1].
 */

/** base^r, skipping the power for the common r = 1 (exact: x^1 = x). */
function power(base: number, r: number): number {
  return r === 1 ? base : base ** r;
}

/** Eq. 15: utility of success, U_s = 2 − 4·(0.5 − 0.5·d)^r, with d = |x_i − x_j| / R. */
export function successUtility(d: number, r: number): number {
  return 2 - 4 * power(0.5 - 0.5 * d, r);
}

/** Eq. 16: utility of failure, U_f = 2 − 4·(0.5 + 0.5·d)^r, with d = |x_i − x_j| / R. */
export function failureUtility(d: number, r: number): number {
  return 2 - 4 * power(0.5 + 0.5 * d, r);
}

/**
 * Eq. 22: utility of j moving with i better off, U_b = 2 − 4·(0.5 − 0.25·(dμ + d))^r, with
 * dμ = |x_i − μ| / R and d = |x_i − x_j| / R.
 */
export function betterUtility(dMu: number, d: number, r: number): number {
  return 2 - 4 * power(0.5 - 0.25 * (dMu + d), r);
}

/** Eq. 23: utility of j moving with i worse off, U_w = 2 − 4·(0.5 + 0.25·(dμ + d))^r. */
export function worseUtility(dMu: number, d: number, r: number): number {
  return 2 - 4 * power(0.5 + 0.25 * (dMu + d), r);
}

/** Eq. 24: utility of the status quo, U_sq = 2 − 4·0.5^r. */
export function statusQuoUtility(r: number): number {
  return 2 - 4 * power(0.5, r);
}

/**
 * The (1 − Q) branch of eq. 25a: T·U_b + (1 − T)·U_w (eqs. 22–23), with T = 1 when dμ < d — μ
 * lies nearer to the challenger than the target does, the operational form of Scholz's cases 1
 * and 3A (p. 22) used by the decisionmechanics and schelling replications.
 */
export function moveUtility(dMu: number, d: number, r: number): number {
  return dMu < d ? betterUtility(dMu, d, r) : worseUtility(dMu, d, r);
}

/**
 * Eq. 25a from its basic utilities:
 * s_t·[P·U_s + (1 − P)·U_f] + (1 − s_t)·U_s − Q·U_sq − (1 − Q)·`move`, where `move` is
 * {@link moveUtility} (ignored when Q = 1). For loops that reuse U_s, U_f and U_sq.
 */
export function combineExpectedUtility(
  p: number,
  sTarget: number,
  us: number,
  uf: number,
  usq: number,
  Q: number,
  move: number,
): number {
  const eu = sTarget * (p * us + (1 - p) * uf) + (1 - sTarget) * us - Q * usq;
  return Q === 1 ? eu : eu - (1 - Q) * move;
}

/**
 * Eq. 25a (with eqs. 5–7): the expected utility of a challenger against a target,
 *
 *   E = s_t·[P·U_s + (1 − P)·U_f] + (1 − s_t)·U_s − Q·U_sq − (1 − Q)·[T·U_b + (1 − T)·U_w]
 *
 * where `p` is the probability that the challenger prevails (eqs. 30–31), `sTarget` the salience
 * (0–1) of the actor that would resist, `d` = |x_challenger − x_target| / R, `dMu` =
 * |x_challenger − μ| / R, `r` the risk exponent of the actor whose view is taken, and T as in
 * {@link moveUtility}. With Q = 1 the last term vanishes.
 */
export function expectedUtility(
  p: number,
  sTarget: number,
  d: number,
  dMu: number,
  r: number,
  Q: number,
): number {
  return combineExpectedUtility(
    p,
    sTarget,
    successUtility(d, r),
    failureUtility(d, r),
    statusQuoUtility(r),
    Q,
    Q === 1 ? 0 : moveUtility(dMu, d, r),
  );
}

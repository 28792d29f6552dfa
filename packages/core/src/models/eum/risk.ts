import type { Salience25b, SecurityView } from "./options.ts";
import {
  combineExpectedUtility,
  failureUtility,
  moveUtility,
  statusQuoUtility,
  successUtility,
} from "./utility.ts";

/*
 * Security levels and risk exponents (§5). Equation numbers: Scholz, Calbert & Smith (2011),
 * ICAART 2011, pp. 18–30.
 */

/** What {@link securityLevels} reads (§5, eq. 34): one round's state and its security-pass exponents. */
export interface SecurityInput {
  /** Positions. */
  x: Float64Array;
  /** Saliences on 0–1. */
  s: Float64Array;
  /** P(i, j) at index i·n + j (eqs. 30–31), computed with the security-pass vote exponents. */
  prob: Float64Array;
  /** Risk exponent of each actor in this pass (all 1 in the paper's first pass). */
  exponents: Float64Array;
  /** |x_i − μ| / R per actor (eqs. 22–23). */
  dMu: Float64Array;
  R: number;
  Q: number;
  view: SecurityView;
  salience25b: Salience25b;
}

/**
 * Eq. 34: out[i] = Sec_i = Σ_{j≠i} E(U_ji), the expected utility i's adversaries j expect from
 * challenging i (eq. 25a with j as challenger). `view` = `adversary` evaluates each term with
 * j's exponent (the prose), `own` with i's (eq. 34 as printed, E^i(U_ji)); the resisting
 * salience is s_i, or s_j when `salience25b` = `printed` (eq. 25b as printed).
 */
export function securityLevels(input: SecurityInput, out: Float64Array): void {
  const { x, s, prob, exponents, dMu, R, Q, view, salience25b } = input;
  const n = x.length;
  const adversary = view === "adversary";
  const printed = salience25b === "printed";
  // U_sq depends on the exponent alone: once per actor rather than once per pair.
  const usq = new Float64Array(n);
  for (let k = 0; k < n; k++) usq[k] = statusQuoUtility(exponents[k] as number);
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    let sum = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = Math.abs((x[j] as number) - xi) / R;
      const who = adversary ? j : i;
      const r = exponents[who] as number;
      const sTarget = (printed ? s[j] : s[i]) as number;
      // Eq. 25a (expectedUtility) with U_sq looked up.
      sum += combineExpectedUtility(
        prob[j * n + i] as number,
        sTarget,
        successUtility(d, r),
        failureUtility(d, r),
        usq[who] as number,
        Q,
        Q === 1 ? 0 : moveUtility(dMu[j] as number, d, r),
      );
    }
    out[i] = sum;
  }
}

/**
 * Eqs. 32–33 (the 1985 mapping Scholz et al. adopt): from the security levels Sec,
 *
 *   R_i = (2·Sec_i − max Sec − min Sec) / (max Sec − min Sec) ∈ [−1, 1],
 *   r_i = (1 − R_i/3) / (1 + R_i/3) ∈ [0.5, 2],
 *
 * so the actor whose adversaries expect most from challenging it gets r = 0.5 (risk-acceptant)
 * and the one they expect least from gets r = 2 (risk-averse). When all Sec_i are equal,
 * r_i = 1.
 */
export function riskExponents(security: Float64Array, out: Float64Array): void {
  const n = security.length;
  let max = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = security[i] as number;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  const spread = max - min;
  for (let i = 0; i < n; i++) {
    if (!(spread > 0)) {
      out[i] = 1;
      continue;
    }
    const Ri = (2 * (security[i] as number) - max - min) / spread;
    out[i] = (1 - Ri / 3) / (1 + Ri / 3);
  }
}

import type { EumOptions } from "./options.ts";
import {
  createWorkspace,
  type EumActors,
  type EumRoundStage,
  type EumWorkspace,
  eumRound,
  medianVoter,
} from "./round.ts";
import type { EumIssueInput } from "./simulate.ts";
import { expectedUtility } from "./utility.ts";

/**
 * The inside of one round of Scholz et al. (2011, Appendix steps 1–12), as matrices indexed
 * [i][j] in the input's actor order.
 */
export interface EumRoundDiagnostics {
  /** R of eq. 14 for this round. */
  range: number;
  /** Median voter position μ (§3.2). */
  mu: number;
  /** The security pass (§5), present when `risk` is on. */
  security?: {
    /** P(i, j) with the security-pass vote exponents (eqs. 30–31). */
    probability: number[][];
    /** E^i(U_ij) with i's security-pass exponent (eq. 25a); null on the diagonal. */
    expectedUtility: (number | null)[][];
    /** Sec_i (eq. 34). */
    levels: number[];
  };
  /** r_i after the risk update (eqs. 32–33). */
  riskExponents: number[];
  /** P(i, j) with this round's vote exponents (eqs. 30–31). */
  probability: number[][];
  /** E^i(U_ij) with r_i (eq. 25a), what i expects from challenging j; null on the diagonal. */
  expectedUtility: (number | null)[][];
  /** Positions after the round. */
  positions: number[];
}

/**
 * Run one round of the expected-utility model (Scholz, Calbert & Smith 2011, ICAART pp. 18–30,
 * Appendix steps 1–12) from `positions` (default: the inputs) and return its probabilities
 * (eqs. 30–31), expected utilities (eq. 25a), security levels (eq. 34) and risk exponents
 * (eqs. 32–33) — the numbers behind the paper's round-1 quadrant plots. Actors stay in the
 * given order (`order` only selects the summation); when all positions coincide (R = 0) the
 * matrices are empty. For inspection and tests; it allocates freely. `previousRisk` feeds
 * `securityExponents` = `previous`.
 */
export function eumRoundDiagnostics(
  input: EumIssueInput,
  options: EumOptions,
  positions: ArrayLike<number> = input.positions,
  previousRisk?: ArrayLike<number>,
): EumRoundDiagnostics {
  const n = positions.length;
  const actors: EumActors = {
    c: Float64Array.from(input.capabilities),
    s: Float64Array.from(input.saliences, (v) => v / 100),
    cs: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) actors.cs[i] = (actors.c[i] as number) * (actors.s[i] as number);
  const x = Float64Array.from(positions);
  const spread = (v: ArrayLike<number>) => Math.max(...Array.from(v)) - Math.min(...Array.from(v));
  const R =
    options.range === "initial"
      ? spread(input.positions)
      : options.range === "current"
        ? spread(x)
        : input.max - input.min;
  const mu = medianVoter(x, actors, options.mu);
  const ws = createWorkspace(n);
  const prevR = previousRisk ? Float64Array.from(previousRisk) : new Float64Array(n).fill(1);
  const xOut = new Float64Array(n);
  const rOut = new Float64Array(n);
  const matrix = (m: Float64Array) =>
    Array.from({ length: n }, (_, i) => Array.from(m.subarray(i * n, (i + 1) * n)));
  const utilities = (ws: EumWorkspace, exponents: ArrayLike<number>) =>
    Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) =>
        i === j
          ? null
          : expectedUtility(
              ws.prob[i * n + j] as number,
              actors.s[j] as number,
              Math.abs((x[i] as number) - (x[j] as number)) / R,
              ws.dMu[i] as number,
              exponents[i] as number,
              options.Q,
            ),
      ),
    );
  let security: EumRoundDiagnostics["security"];
  let probability: number[][] = [];
  let eu: (number | null)[][] = [];
  const observe = (stage: EumRoundStage, w: EumWorkspace) => {
    if (stage === "security") {
      const exponents = options.securityExponents === "unit" ? w.ones : prevR;
      security = {
        probability: matrix(w.prob),
        expectedUtility: utilities(w, exponents),
        levels: Array.from(w.security),
      };
    } else {
      probability = matrix(w.prob);
      eu = utilities(w, rOut);
    }
  };
  eumRound({
    actors,
    positions: x,
    range: R,
    options,
    workspace: ws,
    previousRisk: prevR,
    positionsOut: xOut,
    riskOut: rOut,
    observe,
  });
  return {
    range: R,
    mu,
    ...(security ? { security } : {}),
    riskExponents: Array.from(rOut),
    probability,
    expectedUtility: eu,
    positions: Array.from(xOut),
  };
}

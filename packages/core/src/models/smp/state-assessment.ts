import { fillCoalitions } from "../pce/coalitions.ts";
import { pceFromCoalitions } from "../pce/probabilistic-condorcet.ts";
import { riskAttitudes } from "./risk-attitude.ts";
import { riskUtility } from "./risk-utility.ts";
import type { SmpSettings } from "./smp-settings.ts";
import { weightedDistance } from "./weighted-distance.ts";

/**
 * What every SMP turn starts from: distances, position probabilities and risk attitudes.
 * Source: KTAB `SMPState::setAllAUtil` (examples/smp/libsrc/smp.cpp; commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.3. Method: Wise & Bankes (2015), "Non-spatial Probabilistic
 * Condorcet Election Methodology".
 */
export interface StateAssessment {
  /** D[i·n+j]: distance from i's ideal to j's position. */
  D: Float64Array;
  /** The transpose of D: DT[j·n+i] = D[i·n+j] (contiguous columns for the hot loops). */
  DT: Float64Array;
  /** Probability that each actor's position prevails (risk-neutral PCE over the n positions). */
  p: Float64Array;
  /** Each actor's risk attitude R_i from p. */
  R: Float64Array;
}

/**
 * The start-of-turn quantities of KTAB's SMP (spec §5.3): D(i,j) = d(y_i → x_j) for all pairs,
 * risk-neutral utilities U0(k,j) = u(D(k,j), 0), a PCE over the n actor positions (duplicates
 * included) with raw capabilities as voting weights, and the risk attitudes R from its
 * probabilities. `s` are the saliences used for distances and `ss` their squared norms.
 * Source: KTAB `SMPState::setAllAUtil`, `SMPState::setVDiff` (examples/smp/libsrc/smp.cpp, commit
 * 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.3. Method: Wise, "Multidimensional Bargaining
 * Using KTAB"; Wise & Bankes (2015), "Non-spatial Probabilistic Condorcet Election Methodology".
 */
export function assessState(
  n: number,
  m: number,
  x: Float64Array,
  y: Float64Array,
  s: Float64Array,
  ss: Float64Array,
  c: Float64Array,
  settings: SmpSettings,
): StateAssessment {
  const D = new Float64Array(n * n);
  const DT = new Float64Array(n * n);
  const U = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ssi = ss[i] as number;
    for (let j = 0; j < n; j++) {
      const d = weightedDistance(s, y, i * m, x, j * m, m, ssi);
      D[i * n + j] = d;
      DT[j * n + i] = d;
      U[j * n + i] = riskUtility(d, 0);
    }
  }
  const C = new Float64Array(n * n);
  fillCoalitions(settings.votingRule, n, c, n, U, C);
  const p = new Float64Array(n);
  pceFromCoalitions(pceSettings(settings), C, n, p, U);
  const R = new Float64Array(n);
  riskAttitudes(p, n, settings.bigRRange, settings.compat === "corrected", R);
  return { D, DT, p, R };
}

/**
 * The PCE part of the SMP settings (KTAB's iteration limit only under compat "ktab").
 * Source: KTAB `SMPState::setAllAUtil` (examples/smp/libsrc/smp.cpp; commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.3. Method: Wise & Bankes (2015), "Non-spatial Probabilistic
 * Condorcet Election Methodology".
 */
export function pceSettings(settings: SmpSettings) {
  return {
    votingRule: settings.votingRule,
    victoryProbModel: settings.victoryProbModel,
    pceModel: settings.pceModel,
    ktabIterationLimit: settings.compat === "ktab" ? 1000 : 0,
  };
}

import { makeOffers } from "./bargain-offers.ts";
import { resolveBargains } from "./bargain-resolution.ts";
import { challengeContext } from "./challenge.ts";
import { adjustIdeals } from "./ideal-adjustment.ts";
import { KtabPrng } from "./ktab-prng.ts";
import { type PositionProbabilities, positionProbabilities } from "./position-probabilities.ts";
import type { SmpSettings } from "./smp-settings.ts";
import { assessState, type StateAssessment } from "./state-assessment.ts";
import { salienceNorms } from "./weighted-distance.ts";

/**
 * An SMP problem on KTAB's internal scale: n actors on m dimensions, all in [0,1].
 * Source: KTAB `Model::run`, `SMPModel::configExec` (KTAB/kmodel/libsrc/kmodel.cpp,
 * examples/smp/libsrc/smp.cpp; commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.1, §5.8.
 * Method: Wise, "An Introduction to KTAB".
 */
export interface SmpProblem {
  n: number;
  m: number;
  /** Capabilities (> 0), length n. */
  capabilities: Float64Array;
  /** Initial positions, actor-major n×m, in [0,1]. */
  positions: Float64Array;
  /** Saliences, actor-major n×m, in [0,1], each actor's row summing to at most 1. */
  saliences: Float64Array;
  /** Ideal-adjustment (accommodation) matrix, row-major n×n; undefined = identity. */
  accommodation?: Float64Array | undefined;
}

/** Placeholder outcome of the states that keep "last" drops. */
const NO_OUTCOME: PositionProbabilities = {
  representatives: [],
  probabilities: new Float64Array(0),
  cluster: new Int32Array(0),
  actorProbabilities: new Float64Array(0),
};

/**
 * One state of an SMP run.
 * Source: KTAB `Model::run`, `SMPModel::configExec` (KTAB/kmodel/libsrc/kmodel.cpp,
 * examples/smp/libsrc/smp.cpp; commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.1, §5.8.
 * Method: Wise, "An Introduction to KTAB".
 */
export interface SmpState {
  /** Positions, actor-major n×m on [0,1]. */
  positions: Float64Array;
  /** Ideals, actor-major n×m on [0,1] (equal to positions when the accommodation is I). */
  ideals: Float64Array;
  /** Distinct positions and the PCE probability that each prevails. */
  outcome: PositionProbabilities;
  /** Movement this turn relative to the first turn's (undefined for state 0). */
  ratio?: number;
  /** The bargain index that moved each actor this turn (−1 = stayed); undefined for state 0. */
  mover?: Int32Array;
}

/**
 * A whole SMP run: states 0..T and why it stopped.
 * Source: KTAB `Model::run`, `SMPModel::configExec` (KTAB/kmodel/libsrc/kmodel.cpp,
 * examples/smp/libsrc/smp.cpp; commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.1, §5.8.
 * Method: Wise, "An Introduction to KTAB".
 */
export interface SmpRun {
  states: SmpState[];
  stop: "converged" | "max-turns";
}

/**
 * Run KTAB's Spatial Model of Politics (SMP) on a problem already on [0,1]: every turn each
 * actor assesses challenges (§5.4), makes at most one offer (§5.5), resolves its queue of
 * bargains by a PCE (§5.6) and its ideal adjusts (§5.7); stop after `maxTurns` or, from turn
 * `minTurns` on, when Σ_i ||x_i(t) − x_i(t−1)|| / (first turn's movement + 1e-4) < `stopRatio`
 * (§5.8). Actors are processed in the given order (ties go to the earlier actor).
 *
 * Actors whose saliences are all zero: KTAB throws (its distance divides by Σs² = 0); compat
 * "ktab" throws a RangeError naming the actor index, "corrected" measures their distances with
 * equal weights. With `keep` "last" only the final state is returned (a forecast needs no
 * history), and its outcome distribution is the only one computed.
 * BigRAdjust=Full: KTAB always throws (§5.12 #3); compat "ktab" throws a
 * RangeError, "corrected" runs with r_hi = R_i.
 * Source: KTAB `Model::run`, `smpStopFn`, `SMPModel::configExec`, `SMPState::doBCN`
 * (examples/smp/libsrc/smp.cpp, smpbcn.cpp; KTAB/kmodel/libsrc/kmodel.cpp; commit 3b5b063);
 * spec `docs/research/spec-ktab-smp.md` §5. Method: Wise, "An Introduction to KTAB" and
 * "Multidimensional Bargaining Using KTAB"; Wise & Bankes (2015), "Non-spatial Probabilistic
 * Condorcet Election Methodology" (KAPSARC).
 */
export function runSmp(
  problem: SmpProblem,
  settings: SmpSettings,
  keep: "all" | "last" = "all",
): SmpRun {
  const { n, m, capabilities: c, saliences: s } = problem;
  if (settings.compat === "ktab" && settings.bigRAdjust === 4) {
    throw new RangeError(
      'BigRAdjust=Full always fails in KTAB ("SMPState::setAllAUtil: Estimate of change in utility by h out of valid range"); use compat=corrected',
    );
  }
  const sigma = new Float64Array(n);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let k = 0; k < m; k++) t += s[i * m + k] as number;
    sigma[i] = t;
    weight[i] = t * (c[i] as number);
  }
  // Saliences for distances: an actor with no salience at all measures with equal weights.
  const sDist = Float64Array.from(s);
  let ss = salienceNorms(s, n, m);
  for (let i = 0; i < n; i++) {
    if ((ss[i] as number) > 0) continue;
    if (settings.compat === "ktab") {
      throw new RangeError(
        `actor ${i} has zero salience on every dimension (KTAB cannot measure its distances)`,
      );
    }
    sDist.fill(1, i * m, i * m + m);
  }
  ss = salienceNorms(sDist, n, m);
  const prng = settings.stateTransitions === 1 ? new KtabPrng(settings.seed) : undefined;

  let x: Float64Array = Float64Array.from(problem.positions);
  let y: Float64Array = Float64Array.from(x);
  let state = assessState(n, m, x, y, sDist, ss, c, settings);
  // The outcome distribution is reported, never fed back: with keep "last" only the final
  // state's is computed.
  const outcomeOf = (px: Float64Array, st: StateAssessment) =>
    positionProbabilities(n, m, px, c, st, settings);
  const states: SmpState[] = [
    { positions: x, ideals: y, outcome: keep === "all" ? outcomeOf(x, state) : NO_OUTCOME },
  ];
  let first = 0;
  for (let turn = 1; ; turn++) {
    const ctx = challengeContext(n, state, sigma, weight, settings);
    const bargains = makeOffers(ctx, m, x, s, c);
    const moved = resolveBargains(n, m, x, y, sDist, ss, c, state, bargains, settings, prng);
    const nx = moved.positions;
    const ny = adjustIdeals(n, m, nx, y, problem.accommodation);
    state = assessState(n, m, nx, ny, sDist, ss, c, settings);
    let dist = 0;
    for (let i = 0; i < n; i++) {
      let q = 0;
      for (let k = 0; k < m; k++) {
        const d = (nx[i * m + k] as number) - (x[i * m + k] as number);
        q += d * d;
      }
      dist += Math.sqrt(q);
    }
    if (turn === 1) first = dist;
    const ratio = dist / (first + 1e-4);
    x = nx;
    y = ny;
    const stop =
      turn >= settings.maxTurns
        ? "max-turns"
        : turn >= settings.minTurns && ratio < settings.stopRatio
          ? "converged"
          : undefined;
    const last = stop !== undefined;
    const next: SmpState = {
      positions: x,
      ideals: y,
      outcome: keep === "all" || last ? outcomeOf(x, state) : NO_OUTCOME,
      ratio,
      mover: moved.mover,
    };
    if (keep === "all") states.push(next);
    else states[0] = next;
    if (stop !== undefined) return { states, stop };
  }
}

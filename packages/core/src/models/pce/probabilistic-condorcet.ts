import { fillCoalitions } from "./coalitions.ts";
import { conditionalPce, markovIncentivePce, markovUniformPce } from "./condorcet-solvers.ts";
import { fillVictoryMatrix } from "./victory-probability.ts";

/**
 * How to run one Probabilistic Condorcet Election (indices into KTAB's enum name lists).
 * Source: KTAB `Model::scalarPCE`, `Model::probCE2` (KTAB/kmodel/libsrc/kmodel.cpp; commit
 * 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2. Method: Wise & Bankes (2015), "Non-spatial
 * Probabilistic Condorcet Election Methodology".
 */
export interface PceSettings {
  /** Index into VOTING_RULES. */
  votingRule: number;
  /** Index into VICTORY_PROB_MODELS. */
  victoryProbModel: number;
  /** Index into PCE_MODELS. */
  pceModel: number;
  /** KTAB's Markov-uniform iteration limit (1000) to reproduce its error, or 0 for none. */
  ktabIterationLimit?: number;
}

/**
 * The probability that each of N options prevails, given the coalition strengths C (N×N,
 * row-major): victory matrix by the victory-probability model, then the chosen PCE solver.
 * Writes `p` (length ≥ N); `V` is an optional N×N scratch. Source: KTAB `Model::probCE2`
 * (KTAB/kmodel/libsrc/kmodel.cpp, commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2.
 * Method: Wise & Bankes (2015), "Non-spatial Probabilistic Condorcet Election Methodology".
 */
export function pceFromCoalitions(
  settings: PceSettings,
  C: Float64Array,
  N: number,
  p: Float64Array,
  V: Float64Array = new Float64Array(N * N),
): void {
  fillVictoryMatrix(settings.victoryProbModel, C, N, V);
  switch (settings.pceModel) {
    case 0:
      conditionalPce(V, N, p);
      return;
    case 1:
      markovIncentivePce(C, V, N, p);
      return;
    default:
      markovUniformPce(V, N, p, settings.ktabIterationLimit ?? 0);
  }
}

/**
 * KTAB's scalar PCE: nVoters voters with weights `weights` and utilities `U` (option-major,
 * U[o·nVoters + k]) vote over N options; returns the probability that each option prevails.
 * Coalitions ({@link fillCoalitions}), then {@link pceFromCoalitions}. With one option, p = [1].
 * Source: KTAB `Model::scalarPCE` (KTAB/kmodel/libsrc/kmodel.cpp); spec §5.2.
 * Method: Wise & Bankes (2015), "Non-spatial Probabilistic Condorcet Election Methodology"
 * (KAPSARC).
 */
export function scalarPce(
  settings: PceSettings,
  nVoters: number,
  N: number,
  weights: Float64Array,
  U: Float64Array,
  p: Float64Array = new Float64Array(N),
): Float64Array {
  if (N === 1) {
    p[0] = 1;
    return p;
  }
  const C = new Float64Array(N * N);
  fillCoalitions(settings.votingRule, nVoters, weights, N, U, C);
  pceFromCoalitions(settings, C, N, p);
  return p;
}

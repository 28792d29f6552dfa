import type { IssueData, ScenarioData } from "../../scenario/prepare.ts";
import { type IssueForecast, type Model, ModelInputError } from "../model.ts";
import { type ParamSpec, resolveParams } from "../params.ts";
import { scalarPce } from "./probabilistic-condorcet.ts";
import {
  VICTORY_PROB_MODELS,
  type VictoryProbModel,
  victoryProbModelCode,
} from "./victory-probability.ts";
import { VOTING_RULES, type VotingRule, votingRuleCode } from "./voting-rule.ts";

/**
 * The PCE solvers under their Entente names, in KTAB's order (Conditional, MarkovIncentive,
 * MarkovUniform).
 * Source: KTAB `Model::scalarPCE` (KTAB/kmodel/libsrc/kmodel.cpp; commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.2, §5.9; docs/ktab-differences.md. Method: Wise & Bankes
 * (2015), "Non-spatial Probabilistic Condorcet Election Methodology".
 */
export const PCE_SOLVERS = ["conditional", "markov-incentive", "markov-uniform"] as const;

/**
 * One of {@link PCE_SOLVERS}.
 * Source: KTAB `Model::scalarPCE` (KTAB/kmodel/libsrc/kmodel.cpp; commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.2, §5.9; docs/ktab-differences.md. Method: Wise & Bankes
 * (2015), "Non-spatial Probabilistic Condorcet Election Methodology".
 */
export type PceSolver = (typeof PCE_SOLVERS)[number];

/**
 * The `pce` model's parameters (KTAB's names for the voting rule and victory model).
 * Source: KTAB `Model::scalarPCE` (KTAB/kmodel/libsrc/kmodel.cpp; commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.2, §5.9; docs/ktab-differences.md. Method: Wise & Bankes
 * (2015), "Non-spatial Probabilistic Condorcet Election Methodology".
 */
export const PCE_PARAMS: readonly ParamSpec[] = [
  {
    name: "solver",
    kind: "enum",
    values: PCE_SOLVERS,
    default: "conditional",
    description:
      "conditional: p ∝ Π_j P[i beats j]; markov-uniform: stationary winner when uniformly drawn options challenge; markov-incentive: challengers drawn by their incentive (KTAB's PCEModel)",
  },
  {
    name: "VotingRule",
    kind: "enum",
    values: VOTING_RULES,
    default: "Prop",
    description:
      "how a vote scales with the utility difference Δ: Prop w·Δ, Binary w·sign, Cubic w·Δ³, …",
  },
  {
    name: "VictoryProbModel",
    kind: "enum",
    values: VICTORY_PROB_MODELS,
    default: "Linear",
    description:
      "pairwise victory probability from coalition strengths: odds ∝ s, s², s⁴, s⁸ or Binary",
  },
  {
    name: "weights",
    kind: "enum",
    values: ["capability-salience", "capability"],
    default: "capability-salience",
    description:
      "voting weight: capability × salience, or raw capability as KTAB's SMP uses in its position PCE (where salience only enters through distances)",
  },
];

/**
 * One held position and the probability that it prevails.
 * Source: KTAB `Model::scalarPCE` (KTAB/kmodel/libsrc/kmodel.cpp; commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.2, §5.9; docs/ktab-differences.md. Method: Wise & Bankes
 * (2015), "Non-spatial Probabilistic Condorcet Election Methodology".
 */
export interface PceOutcome {
  position: number;
  probability: number;
  /** Ids of the actors holding exactly this position. */
  actors: string[];
}

/**
 * The `pce` model's per-issue `details`.
 * Source: KTAB `Model::scalarPCE` (KTAB/kmodel/libsrc/kmodel.cpp; commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.2, §5.9; docs/ktab-differences.md. Method: Wise & Bankes
 * (2015), "Non-spatial Probabilistic Condorcet Election Methodology".
 */
export interface PceDetails {
  solver: PceSolver;
  /** Distinct held positions, ascending, with probabilities summing to 1. */
  outcomes: PceOutcome[];
  /** By actor id: the probability that the actor's position prevails (shared by equal positions). */
  probabilities: Record<string, number>;
  /** The most probable held position (lowest on a tie) and its probability. */
  modal: number;
  modalProbability: number;
  /** true when every voting weight was 0 and raw capabilities were used instead. */
  capabilityFallback?: boolean;
}

/**
 * The Probabilistic Condorcet Election over the actors' held positions on one issue (KTAB's
 * `Model::scalarPCE` as a forecast in its own right). Options are the distinct positions
 * (exactly equal positions merged). Each actor k votes between every two options with weight
 * c_k·s_k (or c_k) and risk-neutral utility u_k(x) = 1 − |x_k − x|/(max − min), as KTAB's SMP
 * does for risk-neutral utilities on one dimension; coalitions, pairwise victory probabilities
 * and the chosen solver give P[option prevails]. Forecast: the probability-weighted mean
 * position Σ p_o·x_o (the expected outcome of the election; `details.modal` is the most
 * probable held position). With all weights 0, raw capabilities are used.
 * Source: KTAB `Model::scalarPCE`, `Model::probCE2`, `Model::coalitions`, `Model::vProb`
 * (KTAB/kmodel/libsrc/kmodel.cpp, commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2,
 * §5.9. Method: Wise & Bankes (2015), "Non-spatial Probabilistic Condorcet Election
 * Methodology"; Wise, "Group Choice with Interdependent Sublinear Voting" (KAPSARC).
 */
export function pceIssue(
  issue: IssueData,
  actorIds: readonly string[],
  settings: {
    solver: PceSolver;
    votingRule: VotingRule;
    victoryProbModel: VictoryProbModel;
    weights: "capability-salience" | "capability";
  },
): Omit<IssueForecast, "issue"> {
  const n = issue.actors.length;
  if (n === 0) throw new ModelInputError(`model "pce": issue "${issue.id}" has no stances`);
  const width = issue.max - issue.min;
  if (!(width > 0)) {
    throw new ModelInputError(
      `model "pce": issue "${issue.id}" has an empty scale (${issue.min} to ${issue.max})`,
    );
  }
  // Voters in an order independent of the input: by position, salience, capability.
  const voters = Array.from({ length: n }, (_, r) => r).sort(
    (a, b) =>
      (issue.positions[a] as number) - (issue.positions[b] as number) ||
      (issue.saliences[a] as number) - (issue.saliences[b] as number) ||
      (issue.capabilities[a] as number) - (issue.capabilities[b] as number),
  );
  const options = [...new Set(voters.map((r) => issue.positions[r] as number))];
  const N = options.length;
  const w = new Float64Array(n);
  let total = 0;
  voters.forEach((r, k) => {
    const c = issue.capabilities[r] as number;
    w[k] = settings.weights === "capability" ? c : (c * (issue.saliences[r] as number)) / 100;
    total += w[k] as number;
  });
  const fallback = !(total > 0);
  if (fallback) {
    voters.forEach((r, k) => {
      w[k] = issue.capabilities[r] as number;
    });
  }
  const U = new Float64Array(N * n);
  for (let o = 0; o < N; o++) {
    const x = options[o] as number;
    voters.forEach((r, k) => {
      U[o * n + k] = 1 - Math.abs((issue.positions[r] as number) - x) / width;
    });
  }
  const p = scalarPce(
    {
      votingRule: votingRuleCode(settings.votingRule),
      victoryProbModel: victoryProbModelCode(settings.victoryProbModel),
      pceModel: PCE_SOLVERS.indexOf(settings.solver),
    },
    n,
    N,
    w,
    U,
  );
  const ranked = options.map((x, o) => ({ x, p: p[o] as number })).sort((a, b) => a.x - b.x);
  let forecast = 0;
  let modal = 0;
  ranked.forEach((o, u) => {
    forecast += o.p * o.x;
    if (o.p > (ranked[modal] as { p: number }).p) modal = u;
  });
  const outcomes: PceOutcome[] = ranked.map((o) => ({
    position: o.x,
    probability: o.p,
    actors: [],
  }));
  const probabilities: Record<string, number> = {};
  for (let r = 0; r < n; r++) {
    const id = actorIds[issue.actors[r] as number] ?? String(r);
    const u = ranked.findIndex((o) => o.x === issue.positions[r]);
    outcomes[u]?.actors.push(id);
    probabilities[id] = (ranked[u] as { p: number }).p;
  }
  const details: PceDetails = {
    solver: settings.solver,
    outcomes,
    probabilities,
    modal: (ranked[modal] as { x: number }).x,
    modalProbability: (ranked[modal] as { p: number }).p,
    ...(fallback ? { capabilityFallback: true } : {}),
  };
  return {
    forecast: Math.min(issue.max, Math.max(issue.min, forecast)),
    details: details as unknown as Record<string, unknown>,
  };
}

/**
 * {@link pceIssue} registered as the model `pce` (static; one issue at a time).
 * Source: KTAB `Model::scalarPCE` (KTAB/kmodel/libsrc/kmodel.cpp; commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.2, §5.9; docs/ktab-differences.md. Method: Wise & Bankes
 * (2015), "Non-spatial Probabilistic Condorcet Election Methodology".
 */
export const pceModel: Model = {
  id: "pce",
  label: "Probabilistic Condorcet election",
  reference:
    "Wise & Bankes 2015, Non-spatial Probabilistic Condorcet Election Methodology (KAPSARC; KTAB scalarPCE): probability-weighted held position",
  dynamic: false,
  params: PCE_PARAMS,
  run(data: ScenarioData, options) {
    const v = resolveParams(pceModel, options);
    const ids = data.actors.map((a) => a.id);
    const settings = {
      solver: v.solver as PceSolver,
      votingRule: v.VotingRule as VotingRule,
      victoryProbModel: v.VictoryProbModel as VictoryProbModel,
      weights: v.weights as "capability-salience" | "capability",
    };
    return {
      model: "pce",
      issues: data.issues.map((issue) => ({ issue: issue.id, ...pceIssue(issue, ids, settings) })),
    };
  },
};

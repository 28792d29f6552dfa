import type { ParamSpec, ParamValues } from "../params.ts";

/*
 * Equation numbers are those of the ICAART text: Scholz, Calbert & Smith (2011), "Unravelling
 * Bueno de Mesquita's group decision model", ICAART 2011, pp. 18–30, doi:10.5220/0003121500180030.
 * "A1"–"A12" name the ambiguities listed in the team's spec (docs/research/spec-eum.md §2.5).
 */

/** A1: the denominator of the probability of prevailing (eqs. 30–31). */
export type ProbabilityRule = "global" | "pairwise";
/** A3: whose risk exponent evaluates the counterpart's expected utility E^j(U_ji) (eq. 25b). */
export type Perspective = "receiver" | "own";
/** A4: which salience weights the counterpart's expected utility (eq. 25b). */
export type Salience25b = "responder" | "printed";
/** A5: the range R that normalises distances (eq. 14). */
export type RangeRule = "initial" | "current" | "scale";
/** A6: the median voter position μ used by U_b / U_w (eqs. 22–23, §3.2). */
export type MuRule = "median" | "mean";
/** A7: whose view of a challenge against i enters i's security level (eq. 34). */
export type SecurityView = "adversary" | "own";
/** A7 (companion): the exponents of the security pass (Appendix step 1). */
export type SecurityExponents = "unit" | "previous";
/** A8: what happens when both sides expect to gain from a conflict (Fig. 6). */
export type ConflictRule = "lower-moves" | "no-move";
/** A10: how an actor picks one of several offers (§6.2). */
export type SelectionRule = "scholz-code" | "least-move" | "highest-eu";
/** A12: when the bargaining rounds end. */
export type StopRule = "fixed" | "stable";
/**
 * The order actors are processed in (sums, exact ties) — not one of A1–A12: §6.2 leaves ties
 * between equally short moves open.
 */
export type OrderRule = "canonical" | "listed";

/**
 * Every choice of the expected-utility model, resolved from the parameters ({@link eumOptions}).
 * See {@link eumParams} for what each one means and which equation of Scholz, Calbert & Smith
 * (2011) it settles.
 */
export interface EumOptions {
  probability: ProbabilityRule;
  voteRisk: boolean;
  perspective: Perspective;
  salience25b: Salience25b;
  range: RangeRule;
  mu: MuRule;
  security: SecurityView;
  securityExponents: SecurityExponents;
  conflict: ConflictRule;
  capitulation: boolean;
  selection: SelectionRule;
  Q: number;
  risk: boolean;
  rounds: number;
  stop: StopRule;
  stableRounds: number;
  stableTolerance: number;
  order: OrderRule;
}

/**
 * The parameters of the `eum` model. Defaults are the `scholz-code` preset (the jmckib
 * replication of Scholz et al. 2011, spec §2.4). Every ambiguity A1–A12 of spec §2.5 has its
 * parameter (A7 and A12 several), named in the description with the equation it settles
 * (ICAART 2011 numbering); `risk` switches §5 off and `order` fixes what no text settles, the
 * processing order.
 */
export const eumParams: readonly ParamSpec[] = [
  {
    name: "probability",
    kind: "enum",
    values: ["global", "pairwise"],
    default: "global",
    description:
      "A1, eqs. 30–31: denominator of the probability P(i,j) that i prevails over j. " +
      "'pairwise' = eq. 31 as printed (votes on the pair only, P(i,j) + P(j,i) = 1); " +
      "'global' = Scholz's code (the sum of |votes| of every voter over every ordered pair of " +
      "actors, which makes P small)",
  },
  {
    name: "voteRisk",
    kind: "boolean",
    default: true,
    description:
      "A2, eqs. 26–29: true = each voter k's vote c_k·s_k·((|x_k−x_b|/R)^r_k − (|x_k−x_a|/R)^r_k) " +
      "uses its own risk exponent r_k (Scholz's code); false = r = 1 as eq. 28 prints",
  },
  {
    name: "perspective",
    kind: "enum",
    values: ["receiver", "own"],
    default: "receiver",
    description:
      "A3, eq. 25b: exponent used for the counterpart's expected utility E^j(U_ji) when actor i " +
      "weighs an offer from j. 'receiver' = i's r_i (Scholz's code); 'own' = j's r_j (eq. 25b)",
  },
  {
    name: "salience25b",
    kind: "enum",
    values: ["responder", "printed"],
    default: "responder",
    description:
      "A4, eq. 25b: salience weighting the resistance term of E^j(U_ji) (j challenging i). " +
      "'responder' = s_i, the challenged actor's (eq. 25a by symmetry; every implementation); " +
      "'printed' = s_j as eq. 25b prints (a typo); applies to the counterpart's EU in §6.1 and " +
      "to the security sum eq. 34",
  },
  {
    name: "range",
    kind: "enum",
    values: ["initial", "current", "scale"],
    default: "initial",
    description:
      "A5, eq. 14: R in the utility 1 − 2|x_i − x_j|/R. 'initial' = max − min of the input " +
      "positions, fixed for the run (Scholz's code); 'current' = max − min of the positions at " +
      "the start of each round; 'scale' = the issue's scale width max − min",
  },
  {
    name: "mu",
    kind: "enum",
    values: ["median", "mean"],
    default: "median",
    description:
      "A6, §3.2 and eqs. 22–23: the median voter position μ. 'median' = Condorcet winner of the " +
      "current positions with weights c·s (lower winner on an exact half split); 'mean' = the " +
      "weighted mean Σcsx/Σcs. μ only matters when Q < 1",
  },
  {
    name: "security",
    kind: "enum",
    values: ["adversary", "own"],
    default: "adversary",
    description:
      "A7, eq. 34: security Sec_i = Σ_j E(U_ji) of actor i, with each challenge evaluated from " +
      "the adversary j's view ('adversary', the prose and Scholz's code) or from i's own view " +
      "('own', eq. 34 as printed, E^i(U_ji)). Identical unless securityExponents = previous",
  },
  {
    name: "securityExponents",
    kind: "enum",
    values: ["unit", "previous"],
    default: "unit",
    description:
      "A7, Appendix step 1 and §5: exponents of the security pass. 'unit' = r = 1 for every " +
      "actor before the risk update (the paper and Scholz's code); 'previous' = the exponents of " +
      "the previous round (1 in round 1)",
  },
  {
    name: "conflict",
    kind: "enum",
    values: ["lower-moves", "no-move"],
    default: "lower-moves",
    description:
      "A8, §6.1 and Fig. 6: when E^i(U_ij) > 0 and E^j(U_ji) > 0 (confrontation). " +
      "'lower-moves' = the side with the lower expected utility moves to the other's position " +
      "(paper, Scholz's code); 'no-move' = nobody moves",
  },
  {
    name: "capitulation",
    kind: "boolean",
    default: false,
    description:
      "A9, §6.1 and Fig. 6 (Compel): true = when E^i(U_ij) < 0 < E^j(U_ji) and |E^i| > |E^j|, " +
      "i moves to j's position (the figure); false = no move (Scholz's code, where a bug " +
      "disables capitulation)",
  },
  {
    name: "selection",
    kind: "enum",
    values: ["scholz-code", "least-move", "highest-eu"],
    default: "scholz-code",
    description:
      "A10, §6.2: which of several offers an actor takes. All rules prefer a lost confrontation " +
      "to a compromise (eqs. 35–36) to a capitulation, except 'highest-eu'. 'scholz-code' = the " +
      "nearest confrontation, else the compromise with the smallest |a|·x_i + |b|·x_j over " +
      "|a| + |b| (a = E^i(U_ij), b = E^j(U_ji)), else the nearest capitulation; 'least-move' = " +
      "within the preferred type, the offer that moves the actor least; 'highest-eu' = any type, " +
      "the offer whose proposer expects most, ties by least move",
  },
  {
    name: "Q",
    kind: "number",
    min: 0,
    max: 1,
    default: 1,
    description:
      "A11, eqs. 5–7 and 25a: probability that the status quo persists if nobody challenges. " +
      "1 = Scholz's replication (the U_b / U_w term vanishes); 0.5 = Bueno de Mesquita & Lalman " +
      "(1986). The (1 − Q)·[T·U_b + (1 − T)·U_w] term is subtracted as eq. 25a prints, with " +
      "T = 1 when |x_i − μ| < |x_i − x_j|",
  },
  {
    name: "risk",
    kind: "boolean",
    default: true,
    description:
      "§5, eqs. 32–34: true = recompute each actor's risk exponent r_i ∈ [0.5, 2] every round " +
      "from its security level; false = r = 1 for every actor",
  },
  {
    name: "rounds",
    kind: "integer",
    min: 1,
    max: 1000,
    default: 10,
    description:
      "A12, Appendix step 13: the number of bargaining rounds τ (the most that are run when " +
      "stop = stable)",
  },
  {
    name: "stop",
    kind: "enum",
    values: ["fixed", "stable"],
    default: "fixed",
    description:
      "A12: 'fixed' = run all rounds (the paper and Scholz's code); 'stable' = stop once the " +
      "weighted median has not changed for stableRounds consecutive rounds",
  },
  {
    name: "stableRounds",
    kind: "integer",
    min: 1,
    max: 1000,
    default: 3,
    description:
      "A12, with stop = stable: how many consecutive rounds the weighted median must stay " +
      "unchanged before the run stops",
  },
  {
    name: "stableTolerance",
    kind: "number",
    min: 0,
    max: 1,
    default: 0,
    description:
      "A12, with stop = stable: a change of the median up to this fraction of the issue's " +
      "scale width counts as unchanged (0 = exactly equal)",
  },
  {
    name: "order",
    kind: "enum",
    values: ["canonical", "listed"],
    default: "canonical",
    description:
      "Not in the text (§6.2 leaves equal offers open): the order actors are processed in. " +
      "'canonical' = sorted by position, salience, capability, so the result never depends on " +
      "how the scenario lists the actors, and two offers that move an actor equally far go to " +
      "the first in that order; 'listed' = the scenario's order with the reference programs' " +
      "summation, so that exact ties go to the first-listed proposer and expected utilities " +
      "that differ only by rounding compare as in those programs (reproduces every reference " +
      "vector; the result can then depend on the listing order)",
  },
];

/**
 * Named parameter sets of the `eum` model; the first is the default.
 *
 * - `scholz-code`: the behaviour of the code Scholz et al. (2011) ran, as reproduced by jmckib's
 *   replication (spec §2.4): global probability denominator, voters' exponents in the votes, the
 *   receiver's exponent for both expected utilities, initial range, no capitulation and the
 *   weighted-average compromise key. Reproduces the reference run to 1e-9.
 * - `paper`: the printed equations — eq. 31 (P_i + P_j = 1), unit exponents in the votes (eq.
 *   28), E^j(U_ji) from j's own view (eq. 25b) but with the responder's salience (the printed s_j
 *   is taken as a typo), capitulation on (Fig. 6), least-move selection (§6.2), Q = 1. R is the
 *   range of the input positions, which the text does not pin down. On the emission example it
 *   collapses to 7 within four rounds.
 */
export const eumPresets = {
  "scholz-code": {
    probability: "global",
    voteRisk: true,
    perspective: "receiver",
    salience25b: "responder",
    range: "initial",
    mu: "median",
    security: "adversary",
    securityExponents: "unit",
    conflict: "lower-moves",
    capitulation: false,
    selection: "scholz-code",
    Q: 1,
    risk: true,
  },
  paper: {
    probability: "pairwise",
    voteRisk: false,
    perspective: "own",
    salience25b: "responder",
    range: "initial",
    mu: "median",
    security: "adversary",
    securityExponents: "unit",
    conflict: "lower-moves",
    capitulation: true,
    selection: "least-move",
    Q: 1,
    risk: true,
  },
} as const satisfies Readonly<Record<string, ParamValues>>;

/**
 * Typed options from resolved parameter values (see {@link eumParams}; values are assumed to have
 * been checked by `resolveParams`).
 */
export function eumOptions(values: ParamValues): EumOptions {
  return {
    probability: values.probability as ProbabilityRule,
    voteRisk: values.voteRisk as boolean,
    perspective: values.perspective as Perspective,
    salience25b: values.salience25b as Salience25b,
    range: values.range as RangeRule,
    mu: values.mu as MuRule,
    security: values.security as SecurityView,
    securityExponents: values.securityExponents as SecurityExponents,
    conflict: values.conflict as ConflictRule,
    capitulation: values.capitulation as boolean,
    selection: values.selection as SelectionRule,
    Q: values.Q as number,
    risk: values.risk as boolean,
    rounds: values.rounds as number,
    stop: values.stop as StopRule,
    stableRounds: values.stableRounds as number,
    stableTolerance: values.stableTolerance as number,
    order: values.order as OrderRule,
  };
}

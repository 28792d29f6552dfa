/**
 * One-call analysis of a deal space for any number of parties: the exact Pareto frontier (with
 * its distinct points), the Nash, Kalai–Smorodinsky, egalitarian and maximum-welfare points,
 * utility ranges, opposition, and how many packages beat no deal for everyone — plus
 * {@link assessOutcome} for the quality of one package (distance to the frontier and to Nash,
 * welfare), as Genius logs it.
 *
 * Conventions: reservation values are each party's `AdditiveUtility.reservation`; "rational" =
 * strictly above it for every party; the KS convention is chosen by `ks`
 * ({@link kalaiSmorodinskyPoint}). Sources: see the solution modules — Nash (1950),
 * Kalai & Smorodinsky (1975), Kalai (1977); `docs/research/deal-space.md` §3.3–§5.
 * @module
 */
import { type AdditiveUtility, utilityOf, utilityRanges } from "./additive-utility.ts";
import { DEFAULT_MAX_OUTCOMES, evaluateInto } from "./evaluate-outcomes.ts";
import { distanceToFrontier } from "./frontier-distance.ts";
import { type KsConvention, kalaiSmorodinskyPoint } from "./kalai-smorodinsky-point.ts";
import { nashPoint } from "./nash-point.ts";
import { opposition } from "./opposition.ts";
import { decodeOutcome, type OutcomeSpace, statusQuoOutcome } from "./outcome-space.ts";
import { type Frontier, frontierPoints, paretoOutcomes } from "./pareto-outcomes.ts";
import type { SolutionPoint } from "./solution-point.ts";
import { egalitarianPoint, maxWelfarePoint } from "./welfare-point.ts";

/** A solution point with the outcome it picks. */
export interface DealPoint extends SolutionPoint {
  /** Outcome index of the chosen package. */
  outcome: number;
}

/** Result of {@link analyseDeals}. */
export interface DealAnalysis {
  /** Number of packages. */
  size: number;
  /** Party ids, in utility order. */
  parties: string[];
  reservations: Float64Array;
  /** Each party's lowest and highest utility over the space. */
  ranges: { min: Float64Array; max: Float64Array };
  /** Pareto-optimal packages (ties kept) and their utilities. */
  frontier: Frontier;
  /** Number of distinct utility vectors on the frontier. */
  frontierPoints: number;
  /** Packages strictly above every reservation value (undefined when not enumerated). */
  rationalOutcomes: number | undefined;
  nash: DealPoint | undefined;
  kalaiSmorodinsky: DealPoint | undefined;
  egalitarian: DealPoint | undefined;
  maxWelfare: DealPoint | undefined;
  /** negmas opposition level (undefined when no package is acceptable to all). */
  opposition: number | undefined;
  /** The status-quo package, when every issue has a status-quo option. */
  statusQuo: number | undefined;
}

/**
 * Analyse the deal space of `utilities` (two or more parties) over `space`. The frontier is
 * found without full enumeration ({@link paretoOutcomes}); the count of rational packages needs
 * one pass over the space and is skipped (undefined) above `maxOutcomes` or with
 * `countRational: false`.
 */
export function analyseDeals(
  space: OutcomeSpace,
  utilities: readonly AdditiveUtility[],
  options: {
    ks?: KsConvention;
    ksUtopia?: "ideal" | "rational";
    maxOutcomes?: number;
    /** Count the packages acceptable to all (one pass over the space; default true). */
    countRational?: boolean;
  } = {},
): DealAnalysis {
  const maxOutcomes = options.maxOutcomes ?? DEFAULT_MAX_OUTCOMES;
  const reservations = Float64Array.from(utilities, (u) => u.reservation);
  const ranges = utilityRanges(utilities);
  const frontier = paretoOutcomes(space, utilities, maxOutcomes);
  const f = frontier.utilities;
  const withOutcome = (p: SolutionPoint | undefined): DealPoint | undefined =>
    p && { ...p, outcome: frontier.outcomes[p.at] as number };
  let rationalOutcomes: number | undefined;
  if ((options.countRational ?? true) && space.size <= maxOutcomes) {
    const acceptable = new Uint8Array(space.size).fill(1);
    const buffer = new Float64Array(space.size);
    for (const u of utilities) {
      evaluateInto(space, u, buffer);
      const r = u.reservation;
      for (let i = 0; i < space.size; i++) if (!((buffer[i] as number) > r)) acceptable[i] = 0;
    }
    rationalOutcomes = 0;
    for (const x of acceptable) rationalOutcomes += x;
  }
  return {
    size: space.size,
    parties: utilities.map((u) => u.id),
    reservations,
    ranges,
    frontier,
    frontierPoints: frontierPoints(frontier).first.length,
    rationalOutcomes,
    nash: withOutcome(nashPoint(f, reservations)),
    kalaiSmorodinsky: withOutcome(
      kalaiSmorodinskyPoint(f, reservations, {
        convention: options.ks ?? "textbook",
        utopia: options.ksUtopia ?? "ideal",
        ranges,
      }),
    ),
    egalitarian: withOutcome(egalitarianPoint(f, reservations)),
    maxWelfare: withOutcome(maxWelfarePoint(f)),
    opposition: opposition(f, ranges.max, reservations),
    statusQuo: statusQuoOutcome(space),
  };
}

/** How good one package is, relative to an analysis of its space. */
export interface OutcomeAssessment {
  outcome: number;
  utilities: number[];
  /** Every party strictly above its reservation value. */
  rational: boolean;
  /** Euclidean distance to the nearest frontier package (0 on the frontier). */
  distanceToFrontier: number;
  /** Euclidean distance to the Nash point (undefined without one). */
  distanceToNash: number | undefined;
  /** Sum of the parties' utilities. */
  welfare: number;
}

/**
 * Assess package `outcome` against `analysis` (Genius's per-agreement log: distance to Pareto,
 * distance to Nash, social welfare). England–Zimbabwe vector (§5.1): ($50B, half, Zimbabwe
 * increases tariffs, England increases imports, creation of fund) → utilities (0.679084, 0.880701),
 * distance 0 and 0.274768, welfare 1.559785.
 */
export function assessOutcome(
  space: OutcomeSpace,
  utilities: readonly AdditiveUtility[],
  analysis: Pick<DealAnalysis, "frontier" | "nash">,
  outcome: number,
): OutcomeAssessment {
  if (!Number.isInteger(outcome) || outcome < 0 || outcome >= space.size) {
    throw new RangeError(`outcome ${outcome} is not in the space (0–${space.size - 1})`);
  }
  const options = decodeOutcome(space, outcome);
  const values = utilities.map((u) => utilityOf(u, options));
  const point = values.map((x) => Float64Array.of(x));
  const nash = analysis.nash;
  return {
    outcome,
    utilities: values,
    rational: utilities.every((u, p) => (values[p] as number) > u.reservation),
    distanceToFrontier: distanceToFrontier(point, analysis.frontier.utilities)[0] as number,
    distanceToNash: nash
      ? Math.hypot(...values.map((x, p) => x - (nash.utilities[p] as number)))
      : undefined,
    welfare: values.reduce((s, x) => s + x, 0),
  };
}

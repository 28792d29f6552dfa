import type { IssueData } from "../scenario/prepare.ts";
import {
  bargainers,
  disagreementPoint,
  feasibleSet,
  gain,
  gainSlopes,
  LOSS_PARAM,
  type Loss,
  maximiseConcave,
} from "./bargaining.ts";
import { perIssueModel } from "./model.ts";

/** What an actor's bargaining power (its exponent in the Nash product) is made of. */
export type NashPower = "capability" | "capability-salience";

/** A bargaining solution on one issue. */
export interface BargainingSolution {
  /** The agreement; the status quo d when no agreement improves on it for every actor. */
  outcome: number;
  /** false when the feasible set is empty and the outcome is the status quo. */
  feasible: boolean;
  /** The open interval of outcomes every actor prefers to d (when feasible). */
  feasibleSet?: [number, number];
  /** Why the feasible set is empty (when not feasible). */
  reason?: string;
}

/**
 * The asymmetric Nash bargaining solution on one issue with the status quo d as the
 * disagreement point (Nash 1950, "The bargaining problem", Econometrica 18(2): 155–162; the
 * asymmetric form with bargaining powers as exponents; spec-eum.md §4):
 *
 *   O* = argmax_{O ∈ F} Σᵢ eᵢ · ln(uᵢ(O) − uᵢ(d)),   F = {O : uᵢ(O) > uᵢ(d) for every i},
 *
 * with uᵢ(O) = −sᵢ|O − xᵢ| (`linear`) or −sᵢ(O − xᵢ)² (`quadratic`) and eᵢ = cᵢ (`capability`)
 * or cᵢ·sᵢ (`capability-salience`). Salience as the scale of uᵢ cancels from the argmax
 * (ln(sᵢg) = ln sᵢ + ln g), so it enters only through the exponent: with `capability` it plays
 * no part. Actors with salience 0 are indifferent and take no part (see {@link bargainers}).
 *
 * Exact: F is an open interval (empty unless d lies strictly on one side of every position) on
 * which the objective is strictly concave, so it is maximised by bisection on the sign of its
 * one-sided derivatives to adjacent doubles ({@link maximiseConcave}) — no grid. With linear
 * loss the maximum can sit on the kink at an actor's position.
 *
 * Empty feasible set (d at or between the positions: the status quo is Pareto-optimal, every
 * move hurts someone): the outcome is d itself, with `feasible: false` and the reason.
 * @example nashSolution([10, 40, 70, 100], [1, 0.5, 0.8, 0.3], [90, 50, 60, 100], 0).outcome
 * // => 10.6735751295… (= 20.6 / 1.93)
 */
export function nashSolution(
  positions: ArrayLike<number>,
  capabilities: ArrayLike<number>,
  saliences: ArrayLike<number>,
  d: number,
  options: { power?: NashPower; loss?: Loss } = {},
): BargainingSolution {
  const power = options.power ?? "capability-salience";
  const loss = options.loss ?? "linear";
  const who = bargainers(capabilities, saliences);
  const xs = who.map((i) => positions[i] as number);
  const es = who.map((i) =>
    power === "capability"
      ? (capabilities[i] as number)
      : (capabilities[i] as number) * (saliences[i] as number),
  );
  const set = feasibleSet(xs, d);
  if ("empty" in set) return { outcome: d, feasible: false, reason: set.empty };

  const objective = (o: number) => {
    let sum = 0;
    for (let k = 0; k < xs.length; k++)
      sum += (es[k] as number) * Math.log(gain(loss, xs[k] as number, d, o));
    return Number.isNaN(sum) ? Number.NEGATIVE_INFINITY : sum;
  };
  const direction = (o: number) => {
    let left = 0;
    let right = 0;
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k] as number;
      const g = gain(loss, x, d, o);
      // Within an ulp of F's edge an actor's gain can round to 0: step back towards it.
      if (!(g > 0)) return x > o ? 1 : -1;
      const [sl, sr] = gainSlopes(loss, x, o);
      const e = es[k] as number;
      left += (e * sl) / g;
      right += (e * sr) / g;
    }
    if (right > 0) return 1;
    if (left < 0) return -1;
    return 0;
  };
  return {
    outcome: maximiseConcave(set.lo, set.hi, direction, objective),
    feasible: true,
    feasibleSet: [set.lo, set.hi],
  };
}

/** {@link nashSolution} registered as the model `nash` (parameters `power`, `loss`). */
export const nash = perIssueModel(
  {
    id: "nash",
    label: "Nash bargaining",
    reference:
      "Nash 1950 (Econometrica 18(2)): argmax Σ e·ln(u(O) − u(d)) over outcomes all prefer to the status quo d",
    fast: true,
    params: [
      {
        name: "power",
        kind: "enum",
        values: ["capability", "capability-salience"],
        default: "capability-salience",
        description:
          "bargaining power (exponent in the Nash product): capability c or c·s; salience cancels as a utility scale, so with capability it plays no part",
      },
      LOSS_PARAM,
    ],
  },
  (issue: IssueData, params) => {
    const d = disagreementPoint(issue, "nash");
    const solution = nashSolution(issue.positions, issue.capabilities, issue.saliences, d, {
      power: params.power as NashPower,
      loss: params.loss as Loss,
    });
    return { forecast: solution.outcome, details: solutionDetails(solution, d) };
  },
);

/** The `details` of a bargaining model's issue forecast. */
export function solutionDetails(
  solution: BargainingSolution,
  d: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return solution.feasible
    ? { feasible: true, disagreement: d, feasibleSet: solution.feasibleSet, ...extra }
    : { feasible: false, disagreement: d, reason: solution.reason };
}

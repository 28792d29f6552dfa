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
import { type BargainingSolution, solutionDetails } from "./nash.ts";

/** What a gain is normalised by: the gain at the actor's own position, or the best one in F. */
export type Utopia = "ideal" | "feasible";

/**
 * The Kalai–Smorodinsky bargaining solution on one issue with the status quo d as the
 * disagreement point (Kalai & Smorodinsky 1975, "Other solutions to Nash's bargaining problem",
 * Econometrica 43(3): 513–518), in the max–min form of spec-eum.md §4 for n actors on a line,
 * where equalising every ratio is generally impossible:
 *
 *   O* = argmax_{O ∈ F} minᵢ (uᵢ(O) − uᵢ(d)) / (Uᵢ − uᵢ(d)),   F = {O : uᵢ(O) > uᵢ(d) ∀ i},
 *
 * with uᵢ as in {@link nashSolution} (linear or quadratic loss). The utopia Uᵢ is uᵢ(xᵢ), the
 * actor's own position (`ideal`, the spec's form, which gives the reference value 200/11 on the
 * toy case), or sup_{O ∈ F} uᵢ(O), the best the actor can get in F (`feasible`, Kalai and
 * Smorodinsky's ideal point of the bargaining set). The solution is symmetric: capability plays
 * no part, and salience cancels from every ratio. Actors with salience 0 take no part.
 *
 * Exact: each normalised gain is concave on F and flat at most at one point, so their minimum
 * is concave with a unique maximum, found by bisection on its one-sided derivatives to adjacent
 * doubles ({@link maximiseConcave}) — no grid.
 * Empty F (the status quo is Pareto-optimal): the outcome is d, with `feasible: false`.
 * @example kalaiSmorodinskySolution([10, 40, 70, 100], [1, 0.5, 0.8, 0.3], [90, 50, 60, 100], 0)
 * // => { outcome: 18.1818… (= 200/11), minGain: 0.1818…, … }
 */
export function kalaiSmorodinskySolution(
  positions: ArrayLike<number>,
  capabilities: ArrayLike<number>,
  saliences: ArrayLike<number>,
  d: number,
  options: { loss?: Loss; utopia?: Utopia } = {},
): BargainingSolution & { minGain?: number } {
  const loss = options.loss ?? "linear";
  const utopia = options.utopia ?? "ideal";
  const xs = bargainers(capabilities, saliences).map((i) => positions[i] as number);
  const set = feasibleSet(xs, d);
  if ("empty" in set) return { outcome: d, feasible: false, reason: set.empty };
  const { lo, hi } = set;
  // Each actor's best outcome: its own position, or the nearest point of F to it.
  const best = xs.map((x) => (utopia === "ideal" ? x : Math.min(hi, Math.max(lo, x))));
  const scale = xs.map((x, k) => gain(loss, x, d, best[k] as number));
  // Work with each actor's normalised shortfall from its utopia, 1 − normalised gain, computed
  // directly: near an actor's utopia the gain ratio is 1 − tiny and would lose those digits.
  const shortfall = (k: number, o: number) => {
    const x = xs[k] as number;
    const b = best[k] as number;
    const s = loss === "linear" ? Math.abs(o - x) - Math.abs(b - x) : (o - b) * (o + b - 2 * x);
    return s / (scale[k] as number);
  };
  const worst = (o: number) => {
    let m = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < xs.length; k++) m = Math.max(m, shortfall(k, o));
    return m;
  };
  const direction = (o: number) => {
    const m = worst(o);
    // The largest shortfall's right derivative is the greatest right slope among the actors
    // that have it, its left derivative the least left slope (slopes of a shortfall are minus
    // those of the gain).
    let left = Number.POSITIVE_INFINITY;
    let right = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < xs.length; k++) {
      if (shortfall(k, o) !== m) continue;
      const [sl, sr] = gainSlopes(loss, xs[k] as number, o);
      const g = scale[k] as number;
      left = Math.min(left, -sl / g);
      right = Math.max(right, -sr / g);
    }
    if (right < 0) return 1;
    if (left > 0) return -1;
    return 0;
  };
  const minGain = (o: number) => 1 - worst(o);
  const outcome = maximiseConcave(lo, hi, direction, (o) => -worst(o));
  return { outcome, feasible: true, feasibleSet: [lo, hi], minGain: minGain(outcome) };
}

/** {@link kalaiSmorodinskySolution} registered as the model `kalai-smorodinsky`. */
export const kalaiSmorodinsky = perIssueModel(
  {
    id: "kalai-smorodinsky",
    label: "Kalai–Smorodinsky",
    reference:
      "Kalai & Smorodinsky 1975 (Econometrica 43(3)): max–min normalised gain over the status quo d",
    fast: true,
    params: [
      LOSS_PARAM,
      {
        name: "utopia",
        kind: "enum",
        values: ["ideal", "feasible"],
        default: "ideal",
        description:
          "what a gain is normalised by: the gain at the actor's own position (ideal) or the best gain within the feasible set (feasible)",
      },
    ],
  },
  (issue: IssueData, params) => {
    const d = disagreementPoint(issue, "kalai-smorodinsky");
    const solution = kalaiSmorodinskySolution(
      issue.positions,
      issue.capabilities,
      issue.saliences,
      d,
      { loss: params.loss as Loss, utopia: params.utopia as Utopia },
    );
    const extra = solution.minGain === undefined ? {} : { minGain: solution.minGain };
    return { forecast: solution.outcome, details: solutionDetails(solution, d, extra) };
  },
);

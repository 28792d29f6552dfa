/**
 * Shared one-issue machinery of the axiomatic bargaining models ({@link nash} and
 * {@link kalaiSmorodinsky}): the disagreement point, the actors' gains over it, the set of
 * outcomes every actor prefers to it, and an exact maximiser for concave objectives on a line.
 *
 * Spec: `docs/research/spec-eum.md` §4, "Nash bargaining solution (1-D, reference point d)" and
 * "Kalai–Smorodinsky".
 * @module
 */
import type { IssueData } from "../scenario/prepare.ts";
import { ModelInputError } from "./model.ts";

/** How an actor's utility falls with distance from its position: `−s|O−x|` or `−s(O−x)²`. */
export type Loss = "linear" | "quadratic";

/** The loss parameter both bargaining models share. */
export const LOSS_PARAM = {
  name: "loss",
  kind: "enum",
  values: ["linear", "quadratic"],
  default: "linear",
  description:
    "utility of outcome O to an actor at x with salience s: linear −s·|O−x| or quadratic −s·(O−x)²",
} as const;

/**
 * The status quo of an issue, which the bargaining models take as the disagreement point d.
 * Throws {@link ModelInputError} naming the issue when the scenario gives none.
 */
export function disagreementPoint(issue: IssueData, model: string): number {
  const d = issue.statusQuo;
  if (d === undefined || !Number.isFinite(d)) {
    throw new ModelInputError(
      `issue "${issue.id}" has no statusQuo; the ${model} model bargains from the status quo ` +
        "as the disagreement point: add statusQuo to the issue",
    );
  }
  return d;
}

/**
 * Indices of the actors that take part in the bargaining: salience > 0 and capability > 0.
 * An actor with zero salience has a constant utility `−0·|O−x|`: it is indifferent between all
 * outcomes, so it neither gains from nor blocks any agreement.
 */
export function bargainers(
  capabilities: ArrayLike<number>,
  saliences: ArrayLike<number>,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < saliences.length; i++) {
    const s = saliences[i] as number;
    const c = capabilities[i] as number;
    if (s > 0 && c > 0 && Number.isFinite(s) && Number.isFinite(c)) out.push(i);
  }
  return out;
}

/**
 * The gain `(u(O) − u(d)) / s` of an actor at `x` when the outcome is `O` rather than `d`.
 * Salience is left out: it multiplies every gain of the actor by the same factor, so it cancels
 * from the Nash argmax (ln(s·g) = ln s + ln g) and from every normalised gain.
 */
export function gain(loss: Loss, x: number, d: number, o: number): number {
  if (loss === "linear") return Math.abs(d - x) - Math.abs(o - x);
  // (d−x)² − (O−x)² factored, which keeps full precision near O = d.
  return (o - d) * (2 * x - d - o);
}

/** One-sided derivatives of {@link gain} in O: `[left, right]`. */
export function gainSlopes(loss: Loss, x: number, o: number): [number, number] {
  if (loss === "quadratic") {
    const s = 2 * (x - o);
    return [s, s];
  }
  if (o < x) return [1, 1];
  if (o > x) return [-1, -1];
  return [1, -1]; // the kink at the actor's position
}

/**
 * The feasible set F = {O : every bargainer gains over d}, an open interval, or why it is empty.
 * Each actor at x gains exactly on (x − |d−x|, x + |d−x|) under either loss, so F is non-empty
 * only when d lies strictly on one side of every position: then F runs from d to the reflection
 * of d in the position nearest to it.
 */
export function feasibleSet(
  positions: readonly number[],
  d: number,
): { lo: number; hi: number } | { empty: string } {
  if (positions.length === 0) {
    return { empty: "no actor attaches salience to the issue: there is nothing to bargain over" };
  }
  const lo = Math.min(...positions);
  const hi = Math.max(...positions);
  if (lo > d) return { lo: d, hi: Math.min(...positions.map((x) => x + (x - d))) };
  if (hi < d) return { lo: Math.max(...positions.map((x) => x - (d - x))), hi: d };
  return {
    empty:
      `the status quo ${d} lies within the actors' positions (${lo} to ${hi}): every move away ` +
      "from it makes some actor worse off, so no agreement improves on it for all (it is Pareto-optimal)",
  };
}

/**
 * The maximiser of a strictly concave function on the open interval (lo, hi), found by bisection
 * on its superdifferential. `direction(O)` returns > 0 when the right derivative at O is positive
 * (the maximum lies to the right), < 0 when the left derivative is negative (it lies to the
 * left), and 0 when 0 is a supergradient (O is the maximum). The bracket halves each step until
 * it holds two adjacent doubles — at most about 2,100 steps, typically 55–65 — so the result is
 * within one ulp of the maximiser of the objective as computed; of the two ends the one with the
 * larger `objective` is returned. `direction` is only called strictly inside (lo, hi).
 */
export function maximiseConcave(
  lo: number,
  hi: number,
  direction: (o: number) => number,
  objective: (o: number) => number,
): number {
  const lo0 = lo;
  const hi0 = hi;
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (!(mid > lo && mid < hi)) break;
    const dir = direction(mid);
    if (dir > 0) lo = mid;
    else if (dir < 0) hi = mid;
    else return mid;
  }
  const ends = [lo, hi].filter((o) => o > lo0 && o < hi0);
  if (ends.length === 0) return lo + (hi - lo) / 2;
  return ends.reduce((best, o) => (objective(o) > objective(best) ? o : best));
}

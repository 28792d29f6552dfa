/**
 * Utilitarian and egalitarian points on a finite set of outcomes.
 *
 * - Maximum welfare: argmax `Σᵢ uᵢ` of the raw utilities, reservation values ignored — Genius's
 *   "social welfare" point and negmas's `max_welfare` (`docs/research/deal-space.md` §3.3).
 * - Egalitarian (Kalai 1977; negmas "Kalai"): among outcomes strictly above every reservation
 *   value, maximise the smallest gain `minᵢ (uᵢ − rᵢ)`.
 *
 * Sources: Harsanyi (1955) / Raiffa (1982) ch. 16 (utilitarian sum); Kalai, "Proportional
 * Solutions to Bargaining Situations", *Econometrica* 45(7), 1977.
 * @module
 */
import {
  bestRationalPoint,
  candidateCount,
  type SolutionPoint,
  utilitiesAt,
} from "./solution-point.ts";

/** The candidate with the largest utility sum (first on ties); `undefined` for no candidates. */
export function maxWelfarePoint(points: readonly Float64Array[]): SolutionPoint | undefined {
  const m = candidateCount(points);
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (const u of points) s += u[j] as number;
    if (best < 0 || s > bestScore) [best, bestScore] = [j, s];
  }
  return best < 0
    ? undefined
    : { at: best, utilities: utilitiesAt(points, best), score: bestScore };
}

/**
 * The egalitarian point: maximise the smallest gain over reservation among the individually
 * rational candidates; `undefined` when there are none. `score` is that smallest gain.
 */
export function egalitarianPoint(
  points: readonly Float64Array[],
  reservations: ArrayLike<number>,
): SolutionPoint | undefined {
  return bestRationalPoint(points, reservations, (gain) => {
    let s = Number.POSITIVE_INFINITY;
    for (let p = 0; p < points.length; p++) s = Math.min(s, gain(p));
    return s;
  });
}

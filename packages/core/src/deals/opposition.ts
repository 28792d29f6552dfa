/**
 * Opposition of a negotiation (negmas definition, `docs/research/deal-space.md` §3.3): the
 * smallest Euclidean distance, over the outcomes every party strictly prefers to no deal, from
 * the normalised utilities `uᵢ / maxᵢ` to the ideal point `(1, …, 1)` — not divided by `√n`.
 * 0 means some outcome gives everyone its best; larger means more opposed interests.
 *
 * The minimiser is Pareto-optimal, so the frontier suffices as candidate set. negmas-app stores
 * opposition computed on raw Genius evaluations (England–Zimbabwe 0.9596); on Genius-normalised
 * utilities the value is 0.272117 (§5.6).
 *
 * Source: negmas `preferences/ops.py` `opposition_level` (doctest √41/9 = 0.7114582486036499).
 * @module
 */
import { candidateCount, isRational } from "./solution-point.ts";

/**
 * Opposition level of the candidates `points` (normally the frontier) given each party's
 * maximum utility over the space `max`; `undefined` when no candidate is individually rational.
 */
export function opposition(
  points: readonly Float64Array[],
  max: ArrayLike<number>,
  reservations: ArrayLike<number>,
): number | undefined {
  const m = candidateCount(points);
  let best = Number.POSITIVE_INFINITY;
  for (let j = 0; j < m; j++) {
    if (!isRational(points, j, reservations)) continue;
    let s = 0;
    for (let p = 0; p < points.length; p++) {
      const top = max[p] as number;
      const d = 1 - (top === 0 ? 1 : ((points[p] as Float64Array)[j] as number) / top);
      s += d * d;
    }
    if (s < best) best = s;
  }
  return best === Number.POSITIVE_INFINITY ? undefined : Math.sqrt(best);
}

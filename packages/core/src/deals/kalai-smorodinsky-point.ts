/**
 * Kalai–Smorodinsky solution on a finite set of outcomes, in three conventions
 * (`docs/research/deal-space.md` §3.3 and §5):
 *
 * - `"textbook"` (default; Kalai & Smorodinsky 1975): among the outcomes every party strictly
 *   prefers to no deal, maximise `minᵢ (uᵢ − rᵢ) / (bᵢ − rᵢ)` — the discrete counterpart of the
 *   point where the segment from the disagreement point to the utopia point `b` leaves the
 *   feasible set. The utopia is by default each party's best utility over the whole space
 *   (`utopia: "ideal"`, the reading that reproduces `docs/research/deal-space.md` §5, e.g.
 *   England10/Zimbabwe10 (0.586458, 0.946695)); `utopia: "rational"` takes the best over the
 *   individually rational outcomes only, as in Kalai & Smorodinsky's `b(S)` of the set
 *   `S ∩ {u ≥ d}` (England10/Zimbabwe10: (0.565323, 0.956161)).
 * - `"negmas"` (negmas `ops.py`): the disagreement point is each party's reservation value, or
 *   its minimum utility over the space when the reservation is below that minimum; among the
 *   frontier outcomes at or above it, minimise the spread `maxᵢ gᵢ − minᵢ gᵢ` of the normalised
 *   gains `gᵢ = (uᵢ − dᵢ) / (maxᵢ − dᵢ)`, `maxᵢ` the party's best utility over the whole space.
 * - `"genius"` (Genius `BidSpace`): the frontier outcome minimising `Σ_{i<j} |uᵢ − uⱼ|` of the raw
 *   utilities — reservation values and the ideal point are ignored, so it can fall outside the
 *   zone of agreement (England10/Zimbabwe10: (0.822323, 0.786533), irrational for Zimbabwe).
 *
 * All three agree on England–Zimbabwe with reservation 0 (0.822286, 0.786570) and differ on the
 * `*10` variant (textbook (0.586458, 0.946695), negmas (0.611656, 0.924526)).
 *
 * Sources: Kalai & Smorodinsky, "Other Solutions to Nash's Bargaining Problem", *Econometrica*
 * 43(3), 1975; negmas and Genius conventions per `docs/research/deal-space.md` §3.3.
 * @module
 */
import { candidateCount, isRational, type SolutionPoint, utilitiesAt } from "./solution-point.ts";

/** Which definition of the Kalai–Smorodinsky point to use (see the module comment). */
export type KsConvention = "textbook" | "negmas" | "genius";

/**
 * The Kalai–Smorodinsky point among the candidates `points` (normally the Pareto frontier), or
 * `undefined` when no candidate qualifies. `ranges` (each party's minimum and maximum utility
 * over the whole outcome space) is required by the `"negmas"` convention and used as the textbook utopia when given. `score` is the
 * objective: the smallest normalised gain (textbook), the spread of normalised gains (negmas) or
 * the sum of pairwise utility differences (genius).
 */
export function kalaiSmorodinskyPoint(
  points: readonly Float64Array[],
  reservations: ArrayLike<number>,
  options: {
    convention?: KsConvention;
    /** Textbook convention: utopia over all candidates (`"ideal"`, default) or rational ones. */
    utopia?: "ideal" | "rational";
    ranges?: { min: ArrayLike<number>; max: ArrayLike<number> };
  } = {},
): SolutionPoint | undefined {
  const convention = options.convention ?? "textbook";
  const m = candidateCount(points);
  const n = points.length;
  let best = -1;
  let bestScore = Number.NaN;
  const better = (score: number) =>
    best < 0 || (convention === "textbook" ? score > bestScore : score < bestScore);
  if (convention === "genius") {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let a = 0; a < n; a++) {
        for (let b = a + 1; b < n; b++) {
          s += Math.abs(
            ((points[a] as Float64Array)[j] as number) - ((points[b] as Float64Array)[j] as number),
          );
        }
      }
      if (better(s)) [best, bestScore] = [j, s];
    }
  } else if (convention === "textbook") {
    // The ideal point is attained on the frontier, so the candidates' maxima give it when the
    // candidates are the frontier; `ranges.max` overrides them when given.
    const utopia = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
    const rationalOnly = options.utopia === "rational";
    for (let j = 0; j < m; j++) {
      if (rationalOnly && !isRational(points, j, reservations)) continue;
      for (let p = 0; p < n; p++) {
        utopia[p] = Math.max(utopia[p] as number, (points[p] as Float64Array)[j] as number);
      }
    }
    for (let j = 0; j < m; j++) {
      if (!isRational(points, j, reservations)) continue;
      let s = Number.POSITIVE_INFINITY;
      for (let p = 0; p < n; p++) {
        const r = reservations[p] as number;
        const top = rationalOnly
          ? (utopia[p] as number)
          : (options.ranges?.max[p] ?? (utopia[p] as number));
        const g = (((points[p] as Float64Array)[j] as number) - r) / (top - r);
        if (g < s) s = g;
      }
      if (better(s)) [best, bestScore] = [j, s];
    }
  } else {
    const ranges = options.ranges;
    if (ranges === undefined) {
      throw new RangeError('Kalai–Smorodinsky: the "negmas" convention needs the utility ranges');
    }
    const d = Float64Array.from({ length: n }, (_, p) => {
      const r = reservations[p] as number;
      const lo = ranges.min[p] as number;
      return Number.isFinite(r) && r >= lo ? r : lo;
    });
    for (let j = 0; j < m; j++) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      let rational = true;
      for (let p = 0; p < n && rational; p++) {
        const u = (points[p] as Float64Array)[j] as number;
        const dp = d[p] as number;
        if (u < dp) rational = false;
        const span = (ranges.max[p] as number) - dp;
        const g = span > 0 ? (u - dp) / span : 0;
        if (g < lo) lo = g;
        if (g > hi) hi = g;
      }
      if (rational && better(hi - lo)) [best, bestScore] = [j, hi - lo];
    }
  }
  return best < 0
    ? undefined
    : { at: best, utilities: utilitiesAt(points, best), score: bestScore };
}

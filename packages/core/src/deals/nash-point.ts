/**
 * Nash bargaining solution on a finite set of outcomes: maximise `Π (uᵢ − rᵢ)` over the outcomes
 * every party strictly prefers to no deal (`uᵢ > rᵢ`). The maximiser of a product of positive
 * gains is Pareto-optimal, so the frontier suffices as candidate set.
 *
 * Conventions (`docs/research/deal-space.md` §3.3): negmas maximises the same product over the
 * whole frontier without the rationality filter (two parties below their reservation make a
 * positive product); Genius uses the reservation values, default 0, also without the filter. We
 * filter first, so the result is always a deal both prefer — with reservation 0 and positive
 * utilities all three agree (England–Zimbabwe, Itex–Cypress, AMPO vs City, Politics).
 *
 * Source: Nash, "The Bargaining Problem", *Econometrica* 18(2), 1950.
 * @module
 */
import { bestRationalPoint, type SolutionPoint } from "./solution-point.ts";

/**
 * The Nash point among the candidates `points` (one array per party), or `undefined` when no
 * candidate is strictly above every reservation value. `score` is the Nash product.
 */
export function nashPoint(
  points: readonly Float64Array[],
  reservations: ArrayLike<number>,
): SolutionPoint | undefined {
  return bestRationalPoint(points, reservations, (gain) => {
    let prod = 1;
    for (let p = 0; p < points.length; p++) prod *= gain(p);
    return prod;
  });
}

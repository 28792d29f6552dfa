import type { IssueData } from "../scenario/prepare.ts";
import { perIssueModel } from "./model.ts";

/**
 * The compromise model: the capability × salience weighted mean of positions,
 * x̂ = Σ cᵢ sᵢ xᵢ / Σ cᵢ sᵢ.
 *
 * Source: Achen (2006), "Institutional realism and bargaining models", in Thomson et al. (eds.),
 * *The European Union Decides*, ch. 4 — derived there as an asymmetric Nash bargaining solution
 * with quadratic loss; also the "weighted mean, round 1" baseline of Bueno de Mesquita (2011).
 * When every weight is zero (no actor cares), the unweighted mean of positions is returned.
 * @example weightedMean([4, 10], [1, 1], [80, 60]) // => 6.571428571428571
 */
export function weightedMean(
  positions: ArrayLike<number>,
  capabilities: ArrayLike<number>,
  saliences: ArrayLike<number>,
): number {
  let sum = 0;
  let weights = 0;
  let plain = 0;
  const n = positions.length;
  for (let i = 0; i < n; i++) {
    const w = (capabilities[i] as number) * (saliences[i] as number);
    sum += w * (positions[i] as number);
    weights += w;
    plain += positions[i] as number;
  }
  return weights > 0 ? sum / weights : plain / n;
}

/** {@link weightedMean} registered as the model `compromise`. */
export const compromise = perIssueModel(
  {
    id: "compromise",
    simulateByDefault: true,
    label: "Compromise",
    reference: "Achen 2006 (The European Union Decides, ch. 4): Σ c·s·x / Σ c·s",
    fast: true,
  },
  (issue: IssueData) => ({
    forecast: weightedMean(issue.positions, issue.capabilities, issue.saliences),
  }),
);

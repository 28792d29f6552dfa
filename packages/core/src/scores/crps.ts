import type { DiscreteDistribution } from "../calibration/discrete-distribution.ts";

/**
 * The continuous ranked probability score of a discrete predictive distribution at outcome y,
 * CRPS(F, y) = E|X − y| − ½·E|X − X′| (Gneiting & Raftery 2007, eq. 21), computed exactly in one
 * pass over the sorted values. In the outcome's units; lower is better; for a point forecast it
 * is the absolute error.
 * @example crps({ values: Float64Array.of(0, 10), weights: Float64Array.of(0.5, 0.5) }, 0) // => 2.5
 */
export function crps(d: DiscreteDistribution, y: number): number {
  let absolute = 0;
  let spread = 0;
  let below = 0;
  let belowValue = 0;
  for (let j = 0; j < d.values.length; j++) {
    const v = d.values[j] as number;
    const w = d.weights[j] as number;
    absolute += w * Math.abs(v - y);
    // Σ over pairs below j of wⱼwₖ(vⱼ − vₖ): values are ascending.
    spread += w * (v * below - belowValue);
    below += w;
    belowValue += w * v;
  }
  return absolute - spread;
}

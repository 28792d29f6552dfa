import { type Distribution, distributionOf } from "./distribution.ts";
import { INTERVAL_LEVELS, type IntervalLevel } from "./model-calibration.ts";

/**
 * The baseline a calibration must beat: one global error quantile around the forecast. Its
 * predictive distribution is forecast ± each training absolute error (equal weights, clamped to
 * the scale); its interval at level α is forecast ± the ⌈(n+1)α⌉-th smallest absolute error
 * (split-conformal with the absolute residual as score; Lei et al. 2018, JASA 113(523)).
 */
export function baselinePredictive(
  absoluteErrors: readonly number[],
  forecast: number,
  min: number,
  max: number,
): { distribution: Distribution; intervals: Record<IntervalLevel, [number, number]> } {
  const n = absoluteErrors.length;
  const clamp = (x: number) => (x < min ? min : Math.min(x, max));
  const values: number[] = [];
  for (const e of absoluteErrors) values.push(clamp(forecast - e), clamp(forecast + e));
  const sorted = [...absoluteErrors].sort((a, b) => a - b);
  const intervals = {} as Record<IntervalLevel, [number, number]>;
  for (const level of INTERVAL_LEVELS) {
    const k = Math.ceil((n + 1) * (Number(level) / 100));
    const q = k > n ? Number.POSITIVE_INFINITY : (sorted[k - 1] as number);
    intervals[level] = [clamp(forecast - q), clamp(forecast + q)];
  }
  return {
    distribution: distributionOf(values, new Array<number>(2 * n).fill(1 / (2 * n))),
    intervals,
  };
}

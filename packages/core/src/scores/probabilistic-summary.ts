import { centralInterval, type Distribution } from "../calibration/distribution.ts";
import { INTERVAL_LEVELS, type IntervalLevel } from "../calibration/model-calibration.ts";
import { crps } from "./crps.ts";
import { addPit } from "./pit-histogram.ts";

/** One probabilistic forecast of a decision and its outcome. */
export interface ProbabilisticForecast {
  /** The model's point forecast. */
  point: number;
  outcome: number;
  distribution: Distribution;
  /** The interval reported at each nominal level. */
  intervals: Record<IntervalLevel, [number, number]>;
}

/** How good probabilistic forecasts were: accuracy, coverage, sharpness and calibration. */
export interface ProbabilisticSummary {
  n: number;
  /** Mean absolute error of the point forecasts. */
  mae: number;
  /** Share of outcomes inside each nominal interval (closed ends). */
  coverage: Record<IntervalLevel, number>;
  /** Mean width of each nominal interval, in the outcome's units. */
  width: Record<IntervalLevel, number>;
  /** Mean continuous ranked probability score ({@link crps}). */
  crps: number;
  /** Non-randomised PIT histogram, 10 bins ({@link addPit}); flat when calibrated. */
  pit: number[];
}

/** Summarise probabilistic forecasts; sums run in input order (same input, same bits). */
export function summariseProbabilistic(
  forecasts: readonly ProbabilisticForecast[],
): ProbabilisticSummary {
  const n = forecasts.length;
  const pit = new Array<number>(10).fill(0);
  const coverage = {} as Record<IntervalLevel, number>;
  const width = {} as Record<IntervalLevel, number>;
  for (const level of INTERVAL_LEVELS) {
    coverage[level] = 0;
    width[level] = 0;
  }
  let absolute = 0;
  let score = 0;
  for (const f of forecasts) {
    absolute += Math.abs(f.point - f.outcome);
    score += crps(f.distribution, f.outcome);
    addPit(pit, f.distribution, f.outcome);
    for (const level of INTERVAL_LEVELS) {
      const [lo, hi] = f.intervals[level];
      if (lo <= f.outcome && f.outcome <= hi) coverage[level]++;
      width[level] += hi - lo;
    }
  }
  for (const level of INTERVAL_LEVELS) {
    coverage[level] = n > 0 ? coverage[level] / n : Number.NaN;
    width[level] = n > 0 ? width[level] / n : Number.NaN;
  }
  return {
    n,
    mae: n > 0 ? absolute / n : Number.NaN,
    coverage,
    width,
    crps: n > 0 ? score / n : Number.NaN,
    pit,
  };
}

/** The central intervals of a distribution at the given levels, keyed by nominal level. */
export function intervalsAt(
  distribution: Distribution,
  levels: Record<IntervalLevel, number>,
): Record<IntervalLevel, [number, number]> {
  const out = {} as Record<IntervalLevel, [number, number]>;
  for (const level of INTERVAL_LEVELS) out[level] = centralInterval(distribution, levels[level]);
  return out;
}

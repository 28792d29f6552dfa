import type { ForecasterKind } from "@entente/core";
import type { GroupScores } from "entente/wire-types";

/** One non-empty calibration bin of one forecaster, ready for a reliability diagram. */
export interface ReliabilityPoint {
  forecaster: string;
  kind: ForecasterKind;
  /** The bin's forecasts lie in [from, to). */
  from: number;
  to: number;
  /** How many resolved forecasts fell in the bin. */
  n: number;
  /** Mean forecast of the bin (x). */
  meanForecast: number;
  /** Share of the bin's events that happened (y). */
  observed: number;
  /** The Wilson interval of `observed` (the server's: 90 %). */
  lo: number;
  hi: number;
}

/**
 * The points of a reliability (calibration) diagram: for each group with scored yes/no
 * forecasts, each calibration bin that holds any, as x = mean forecast, y = observed frequency
 * with its interval. Empty bins are left out, so nothing is drawn where nothing was forecast.
 * Groups keep their order; a group's bins go up [0, 1], so its points come by increasing mean
 * forecast, ready for a line.
 * @example
 * reliabilityPoints(scores.groups).filter((p) => p.forecaster === "compromise");
 * // => [{ forecaster: "compromise", meanForecast: 0.23, observed: 0, lo: 0, hi: 0.73, n: 1, … }]
 */
export function reliabilityPoints(groups: readonly GroupScores[]): ReliabilityPoint[] {
  const out: ReliabilityPoint[] = [];
  for (const g of groups) {
    for (const bin of g.binary?.calibration ?? []) {
      if (bin.n === 0 || bin.meanForecast === null || bin.observed === null) continue;
      const [lo, hi] = bin.interval ?? [bin.observed, bin.observed];
      out.push({
        forecaster: g.forecaster,
        kind: g.kind,
        from: bin.from,
        to: bin.to,
        n: bin.n,
        meanForecast: bin.meanForecast,
        observed: bin.observed,
        lo,
        hi,
      });
    }
  }
  return out;
}

import { checkBinaryForecasts } from "./binary-forecasts.ts";
import { wilsonInterval, Z_90 } from "./wilson-interval.ts";

/** One bin of a {@link calibrationTable}. */
export interface CalibrationBin {
  /** The bin's forecasts lie in [from, to) ([from, to] for the last). */
  from: number;
  to: number;
  n: number;
  /** Mean forecast of the bin (null when empty). */
  meanForecast: number | null;
  /** Share of the bin's events that happened (null when empty). */
  observed: number | null;
  /** Wilson interval of the observed share (null when empty). */
  interval: [number, number] | null;
}

/**
 * A calibration (reliability) table: forecasts binned into `bins` equal bins of [0, 1], each
 * with its count, mean forecast, observed frequency and Wilson interval (default 90 %,
 * {@link wilsonInterval}). A calibrated forecaster's observed frequencies lie near the mean
 * forecasts (Murphy & Winkler 1977, Applied Statistics 26(1)).
 */
export function calibrationTable(
  p: readonly number[],
  o: readonly boolean[],
  options: { bins?: number; z?: number } = {},
): CalibrationBin[] {
  const { bins = 10, z = Z_90 } = options;
  if (!(Number.isSafeInteger(bins) && bins >= 1)) {
    throw new RangeError(`bins: expected a whole number ≥ 1, got ${bins}`);
  }
  if (p.length > 0) checkBinaryForecasts(p, o);
  const n = new Array<number>(bins).fill(0);
  const sum = new Array<number>(bins).fill(0);
  const yes = new Array<number>(bins).fill(0);
  for (let i = 0; i < p.length; i++) {
    const q = p[i] as number;
    const b = Math.min(bins - 1, Math.floor(q * bins));
    n[b] = (n[b] as number) + 1;
    sum[b] = (sum[b] as number) + q;
    if (o[i]) yes[b] = (yes[b] as number) + 1;
  }
  return n.map((count, b) => ({
    from: b / bins,
    to: (b + 1) / bins,
    n: count,
    meanForecast: count > 0 ? (sum[b] as number) / count : null,
    observed: count > 0 ? (yes[b] as number) / count : null,
    interval: count > 0 ? wilsonInterval(yes[b] as number, count, z) : null,
  }));
}

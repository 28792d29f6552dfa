import {
  type Distribution,
  distributionOf,
  type Piece,
  quantileAt,
} from "../calibration/distribution.ts";
import type { RecordedDistribution } from "./ledger-entry.ts";

/** The levels a {@link RecordedDistribution} keeps: 0.01, 0.02, …, 0.99. */
export const PERCENTILE_LEVELS: readonly number[] = Array.from(
  { length: 99 },
  (_, i) => (i + 1) / 100,
);

/**
 * A recorded distribution as a {@link Distribution}: the scale's minimum, the 99 percentiles and
 * the maximum cut [min, max] into 100 stretches of probability 1 % each, uniform within a
 * stretch (a stretch of zero length, where percentiles coincide, is an atom).
 */
export function recordedDistribution(r: RecordedDistribution): Distribution {
  const knots = [r.min, ...r.percentiles, r.max];
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < knots.length; i++) {
    pieces.push({ lo: knots[i] as number, hi: knots[i + 1] as number, weight: 0.01 });
  }
  return distributionOf([], [], pieces);
}

/** The percentiles of a distribution to record, from its quantile function. */
export function recordDistribution(
  min: number,
  max: number,
  quantile: (p: number) => number,
): RecordedDistribution {
  return { min, max, percentiles: PERCENTILE_LEVELS.map((p) => quantile(p)) };
}

/** The median of a recorded distribution. */
export function recordedMedian(r: RecordedDistribution): number {
  return quantileAt(recordedDistribution(r), 0.5);
}

/**
 * Problems with a recorded distribution, as messages (none when it is well formed): finite
 * min < max, exactly 99 percentiles, ascending, inside [min, max].
 */
export function recordedDistributionProblems(r: unknown): string[] {
  const d = r as Partial<RecordedDistribution> | null;
  if (typeof d !== "object" || d === null) return ["expected { min, max, percentiles }"];
  const { min, max, percentiles } = d;
  if (
    typeof min !== "number" ||
    typeof max !== "number" ||
    !Number.isFinite(min) ||
    !Number.isFinite(max) ||
    !(min < max)
  ) {
    return [`min and max: expected finite numbers with min < max, got ${min} and ${max}`];
  }
  if (!Array.isArray(percentiles) || percentiles.length !== 99) {
    return [
      `percentiles: expected 99 numbers (levels 1 % … 99 %), got ${Array.isArray(percentiles) ? percentiles.length : typeof percentiles}`,
    ];
  }
  for (let i = 0; i < 99; i++) {
    const v = percentiles[i];
    const prev = i === 0 ? min : (percentiles[i - 1] as number);
    if (typeof v !== "number" || !(v >= prev && v <= max)) {
      return [
        `percentiles[${i}]: expected a number from ${prev} to ${max} (ascending, on the scale), got ${v}`,
      ];
    }
  }
  return [];
}

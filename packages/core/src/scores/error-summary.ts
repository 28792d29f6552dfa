/** How far forecasts fell from outcomes: count, mean and median absolute error. */
export interface ErrorSummary {
  n: number;
  /** Mean absolute error. */
  mae: number;
  /** Median absolute error (mean of the two middle values for even n). */
  medianAE: number;
}

/**
 * Summarise absolute errors |forecast − outcome|. The mean is summed in input order, so the
 * same errors in the same order always give the same bits.
 * @example summariseErrors([1, 3, 2]) // => { n: 3, mae: 2, medianAE: 2 }
 */
export function summariseErrors(errors: ArrayLike<number>): ErrorSummary {
  const n = errors.length;
  if (n === 0) return { n: 0, mae: Number.NaN, medianAE: Number.NaN };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(errors[i] as number);
  const sorted = Float64Array.from(errors, Math.abs).sort();
  const mid = n >> 1;
  const median =
    n % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { n, mae: sum / n, medianAE: median };
}

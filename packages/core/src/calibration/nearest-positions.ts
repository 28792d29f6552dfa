/**
 * The distinct positions actors hold on an issue, ascending; positions closer than `tolerance`
 * count as one (the lowest of them).
 */
export function distinctPositions(positions: ArrayLike<number>, tolerance = 0): Float64Array {
  const sorted = Float64Array.from(positions).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i] as number;
    if (n === 0 || p - (sorted[n - 1] as number) > tolerance) sorted[n++] = p;
  }
  return sorted.subarray(0, n);
}

/**
 * Write into `out` the `out.length` (or fewer) distinct positions nearest to `forecast`, nearest
 * first (ties: the lower position first), from `distinct` (ascending, {@link distinctPositions});
 * returns how many were written. O(log n + count). These are the candidate outcomes of a
 * predictive distribution: on DEU III, 64 % of outcomes equal a position some actor held, 36 %
 * the one nearest the compromise forecast.
 */
export function nearestPositions(
  distinct: Float64Array,
  forecast: number,
  out: Float64Array,
): number {
  // First index with a value ≥ forecast.
  let lo = 0;
  let hi = distinct.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((distinct[mid] as number) < forecast) lo = mid + 1;
    else hi = mid;
  }
  let left = lo - 1;
  let right = lo;
  let n = 0;
  while (n < out.length && (left >= 0 || right < distinct.length)) {
    const dl = left >= 0 ? forecast - (distinct[left] as number) : Number.POSITIVE_INFINITY;
    const dr =
      right < distinct.length ? (distinct[right] as number) - forecast : Number.POSITIVE_INFINITY;
    if (dl <= dr) out[n++] = distinct[left--] as number;
    else out[n++] = distinct[right++] as number;
  }
  return n;
}

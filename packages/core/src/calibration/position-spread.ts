/**
 * The weighted standard deviation of the actors' positions on an issue: how far apart they
 * stand, the scale of the models' error (on DEU III the compromise model's absolute error grows
 * with it: median 17 in the lowest quarter of spreads, 32 in the highest). Weights are the
 * actors' capability × salience — the compromise model's weights; when every weight is 0 the
 * actors count equally. Never less than `floor` (default 5 % of the scale's length), so that
 * unanimous actors still leave room for error.
 * @example positionSpread([0, 100], [1, 1], 100) // => 50
 */
export function positionSpread(
  positions: ArrayLike<number>,
  weights: ArrayLike<number>,
  scaleLength: number,
  floor = 0.05,
): number {
  const n = positions.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i] as number;
  const equal = !(total > 0);
  if (equal) total = n;
  let mean = 0;
  for (let i = 0; i < n; i++)
    mean += (equal ? 1 : (weights[i] as number)) * (positions[i] as number);
  mean /= total;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const d = (positions[i] as number) - mean;
    variance += (equal ? 1 : (weights[i] as number)) * d * d;
  }
  const sd = n > 0 ? Math.sqrt(variance / total) : 0;
  return Math.max(sd, floor * scaleLength);
}

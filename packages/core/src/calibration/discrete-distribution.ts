/**
 * A probability distribution on finitely many values: `values` ascending (repeats allowed),
 * `weights` ≥ 0 summing to 1. The predictive distributions of {@link predictiveDistribution}
 * and their mixtures over agreement or breakdown are of this kind, so quantiles, interval
 * coverage and the CRPS are computed exactly, without integration.
 */
export interface DiscreteDistribution {
  values: Float64Array;
  weights: Float64Array;
}

/** Sort `values` with their `weights` (stable: equal values keep their order). */
export function discreteDistribution(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
): DiscreteDistribution {
  const order = Array.from({ length: values.length }, (_, i) => i).sort(
    (a, b) => (values[a] as number) - (values[b] as number) || a - b,
  );
  return {
    values: Float64Array.from(order, (i) => values[i] as number),
    weights: Float64Array.from(order, (i) => weights[i] as number),
  };
}

/** The mixture Σ pₖ·Dₖ of distributions with mixing weights pₖ (summing to 1). */
export function mixDiscrete(
  parts: ReadonlyArray<{ distribution: DiscreteDistribution; weight: number }>,
): DiscreteDistribution {
  const values: number[] = [];
  const weights: number[] = [];
  for (const { distribution, weight } of parts) {
    if (!(weight > 0)) continue;
    for (let j = 0; j < distribution.values.length; j++) {
      values.push(distribution.values[j] as number);
      weights.push(weight * (distribution.weights[j] as number));
    }
  }
  return discreteDistribution(values, weights);
}

/** P(X ≤ t), or P(X < t) when `strict`. */
export function discreteCdf(d: DiscreteDistribution, t: number, strict = false): number {
  let p = 0;
  for (let j = 0; j < d.values.length; j++) {
    const v = d.values[j] as number;
    if (strict ? v >= t : v > t) break;
    p += d.weights[j] as number;
  }
  return Math.min(1, p);
}

/**
 * The p-quantile Q(p) = min{v : P(X ≤ v) ≥ p}, the smallest value whose cumulative weight
 * reaches p (p in [0, 1]; Q(0) is the smallest value with weight).
 */
export function discreteQuantile(d: DiscreteDistribution, p: number): number {
  let cumulative = 0;
  let last = Number.NaN;
  for (let j = 0; j < d.values.length; j++) {
    const w = d.weights[j] as number;
    if (!(w > 0)) continue;
    cumulative += w;
    last = d.values[j] as number;
    // A relative tolerance, so that weights summing to 1 − ε still reach p = 1.
    if (cumulative >= p - 1e-12) return last;
  }
  return last;
}

/**
 * The central interval holding probability `level`: [Q((1 − level)/2), Q((1 + level)/2)]. For
 * a distribution with atoms it holds at least `level`; {@link ModelCalibration.levels} gives
 * the level whose interval covers the nominal share of real outcomes.
 */
export function centralInterval(d: DiscreteDistribution, level: number): [number, number] {
  return [discreteQuantile(d, (1 - level) / 2), discreteQuantile(d, (1 + level) / 2)];
}

/**
 * The smallest central level whose interval ({@link centralInterval}) contains y:
 * max(1 − 2F(y), 2F(y⁻) − 1), the conformity score of a central-interval predictor.
 */
export function centralLevelOf(d: DiscreteDistribution, y: number): number {
  return Math.max(0, 1 - 2 * discreteCdf(d, y), 2 * discreteCdf(d, y, true) - 1);
}

/**
 * A probability distribution on the real line made of atoms (probability on single values) and
 * uniform pieces (probability spread evenly over an interval), held as its distribution function
 * F at its knots: F jumps at an atom and is linear between knots. The predictive distributions
 * of {@link predictiveDistribution} and their mixtures over agreement or breakdown are of this
 * kind, so probabilities, quantiles, interval coverage and the CRPS are computed exactly.
 */
export interface Distribution {
  /** The knots, strictly ascending: every atom and both ends of every piece. */
  x: Float64Array;
  /** F(x⁻) at each knot: the probability strictly below it. */
  below: Float64Array;
  /** F(x) at each knot; from there F rises linearly to `below` of the next knot. */
  at: Float64Array;
}

/** Probability `weight` on the interval [lo, hi] (on the value lo when hi = lo). */
export interface Piece {
  lo: number;
  hi: number;
  weight: number;
}

/**
 * The distribution of atoms (`values` with `weights`) and uniform `pieces`; weights ≥ 0 summing
 * to 1. A piece of zero length is an atom.
 */
export function distributionOf(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  pieces: readonly Piece[] = [],
): Distribution {
  const all: number[] = [];
  for (let j = 0; j < values.length; j++)
    if ((weights[j] as number) > 0) all.push(values[j] as number);
  for (const p of pieces) if (p.weight > 0) all.push(p.lo, p.hi);
  const x = Float64Array.from(new Set(all)).sort();
  const m = x.length;
  const jump = new Float64Array(m);
  const slope = new Float64Array(m); // change of F's slope at each knot
  const index = (v: number) => {
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((x[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let j = 0; j < values.length; j++) {
    const w = weights[j] as number;
    if (w > 0) {
      const i = index(values[j] as number);
      jump[i] = (jump[i] as number) + w;
    }
  }
  for (const p of pieces) {
    if (!(p.weight > 0)) continue;
    const a = index(p.lo);
    if (p.hi > p.lo) {
      const s = p.weight / (p.hi - p.lo);
      slope[a] = (slope[a] as number) + s;
      const b = index(p.hi);
      slope[b] = (slope[b] as number) - s;
    } else jump[a] = (jump[a] as number) + p.weight;
  }
  const below = new Float64Array(m);
  const at = new Float64Array(m);
  let f = 0;
  let rate = 0;
  for (let i = 0; i < m; i++) {
    if (i > 0) f += rate * ((x[i] as number) - (x[i - 1] as number));
    below[i] = Math.min(1, f);
    f += jump[i] as number;
    at[i] = Math.min(1, f);
    rate += slope[i] as number;
  }
  return { x, below, at };
}

/**
 * The mixture Σ pₖ·Dₖ of distributions with mixing weights pₖ (summing to 1): each one's atoms
 * and pieces, weighted.
 */
export function mixDistributions(
  parts: ReadonlyArray<{ distribution: Distribution; weight: number }>,
): Distribution {
  const values: number[] = [];
  const weights: number[] = [];
  const pieces: Piece[] = [];
  for (const { distribution: d, weight } of parts) {
    if (!(weight > 0)) continue;
    for (let i = 0; i < d.x.length; i++) {
      const atom = (d.at[i] as number) - (d.below[i] as number);
      if (atom > 0) {
        values.push(d.x[i] as number);
        weights.push(weight * atom);
      }
      const spread = i + 1 < d.x.length ? (d.below[i + 1] as number) - (d.at[i] as number) : 0;
      if (spread > 0) {
        pieces.push({ lo: d.x[i] as number, hi: d.x[i + 1] as number, weight: weight * spread });
      }
    }
  }
  return distributionOf(values, weights, pieces);
}

/** Index of the last knot ≤ t, or −1. */
function knotAtOrBelow(d: Distribution, t: number): number {
  let lo = 0;
  let hi = d.x.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((d.x[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** F(t) = P(X ≤ t), or P(X < t) when `strict`. */
export function cdfAt(d: Distribution, t: number, strict = false): number {
  const i = knotAtOrBelow(d, t);
  if (i < 0) return 0;
  const xi = d.x[i] as number;
  if (xi === t) return (strict ? d.below[i] : d.at[i]) as number;
  if (i === d.x.length - 1) return d.at[i] as number;
  const next = d.x[i + 1] as number;
  const a = d.at[i] as number;
  return a + ((d.below[i + 1] as number) - a) * ((t - xi) / (next - xi));
}

/**
 * The p-quantile Q(p) = min{v : F(v) ≥ p}, the smallest value whose cumulative probability
 * reaches p (p in [0, 1]; Q(0) is the smallest value in the support).
 */
export function quantileAt(d: Distribution, p: number): number {
  // A tolerance, so that probabilities summing to 1 − ε still reach p = 1.
  const target = p - 1e-12;
  for (let i = 0; i < d.x.length; i++) {
    const below = d.below[i] as number;
    if (i > 0 && below > (d.at[i - 1] as number) && below >= target) {
      // Inside the piece that ends here: F is linear from at[i − 1] to below[i].
      const a = d.at[i - 1] as number;
      const x0 = d.x[i - 1] as number;
      const share = Math.max(0, Math.min(1, (p - a) / (below - a)));
      return x0 + share * ((d.x[i] as number) - x0);
    }
    const atom = (d.at[i] as number) > below;
    const spreadAfter = i + 1 < d.x.length && (d.below[i + 1] as number) > (d.at[i] as number);
    if ((atom || spreadAfter) && (d.at[i] as number) >= target) return d.x[i] as number;
  }
  return d.x[d.x.length - 1] ?? Number.NaN;
}

/**
 * The central interval holding probability `level`: [Q((1 − level)/2), Q((1 + level)/2)]. With
 * atoms it may hold more than `level`; {@link ModelCalibration.levels} gives the level whose
 * interval covers the nominal share of real outcomes.
 */
export function centralInterval(d: Distribution, level: number): [number, number] {
  return [quantileAt(d, (1 - level) / 2), quantileAt(d, (1 + level) / 2)];
}

/**
 * The smallest central level whose interval ({@link centralInterval}) contains y:
 * max(1 − 2F(y), 2F(y⁻) − 1), the conformity score of a central-interval predictor.
 */
export function centralLevelOf(d: Distribution, y: number): number {
  return Math.max(0, 1 - 2 * cdfAt(d, y), 2 * cdfAt(d, y, true) - 1);
}

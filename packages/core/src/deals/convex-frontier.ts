/**
 * The convex-hull frontier `P∞` of two parties: the Pareto-optimal part of the convex hull of the
 * outcomes' utility pairs — what the parties can reach by lotteries (mixtures) over outcomes — and
 * the solution concepts on it (negmas "convex-hull" variants, `docs/research/deal-space.md` §3.3):
 * Nash, egalitarian (Kalai), Kalai–Smorodinsky, and the distance from a point to it.
 *
 * Vector (§5.7, negmas mixture test): outcomes (4,1), (1,4), (2,2), disagreement (1,1) — the
 * discrete Nash point is (2,2); on the hull Nash = Kalai = (2.5, 2.5), and (2.5, 2.6) lies
 * 0.1/√2 from the hull frontier.
 *
 * Sources: Nash (1950) and Kalai & Smorodinsky (1975) define their solutions on convex sets —
 * this is the set they assume; Andrew's monotone chain (1979) for the hull.
 * @module
 */

/** Vertices of the hull frontier, from the best point for party 1 to the best for party 0. */
export interface HullFrontier {
  /** Party 0's utility at each vertex (ascending). */
  u0: Float64Array;
  /** Party 1's utility at each vertex (descending). */
  u1: Float64Array;
}

/** A point on the hull frontier: its utilities, the objective, and where on the hull it lies. */
export interface HullPoint {
  utilities: [number, number];
  score: number;
  /** Segment from vertex `segment` to `segment + 1` (the last vertex for a vertex solution). */
  segment: number;
  /** Position along that segment, 0–1. */
  t: number;
}

/**
 * The hull frontier of the two-party utility pairs `(u0[j], u1[j])` — typically the discrete
 * Pareto frontier's points. Collinear middle points are dropped.
 */
export function convexFrontier(u0: ArrayLike<number>, u1: ArrayLike<number>): HullFrontier {
  const m = u0.length;
  if (u1.length !== m) throw new RangeError(`hull: ${m} and ${u1.length} utilities`);
  const idx = Array.from({ length: m }, (_, j) => j);
  // Ascending in u0, descending in u1 for equal u0.
  idx.sort(
    (a, b) => (u0[a] as number) - (u0[b] as number) || (u1[b] as number) - (u1[a] as number),
  );
  const xs: number[] = [];
  const ys: number[] = [];
  let bestY = Number.NEGATIVE_INFINITY;
  // Keep only Pareto-optimal points (scan from high u0 down), then reverse to ascending.
  const front: number[] = [];
  for (let k = m - 1; k >= 0; k--) {
    const j = idx[k] as number;
    if ((u1[j] as number) > bestY) {
      front.push(j);
      bestY = u1[j] as number;
    }
  }
  front.reverse();
  for (const j of front) {
    const x = u0[j] as number;
    const y = u1[j] as number;
    while (xs.length >= 2) {
      const ax = xs[xs.length - 2] as number;
      const ay = ys[ys.length - 2] as number;
      const bx = xs[xs.length - 1] as number;
      const by = ys[ys.length - 1] as number;
      // Drop b unless a→b→(x,y) turns clockwise (the chain must stay concave).
      if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) >= 0) {
        xs.pop();
        ys.pop();
      } else break;
    }
    xs.push(x);
    ys.push(y);
  }
  return { u0: Float64Array.from(xs), u1: Float64Array.from(ys) };
}

/** Nash point on the hull frontier: maximise `(x − d₀)(y − d₁)` with both factors positive. */
export function hullNashPoint(
  hull: HullFrontier,
  d: readonly [number, number],
): HullPoint | undefined {
  return bestOnHull(
    hull,
    (x, y) => (x > d[0] && y > d[1] ? (x - d[0]) * (y - d[1]) : Number.NEGATIVE_INFINITY),
    (ax, ay, bx, by) => {
      // Stationary point of the concave quadratic along the segment.
      const dx = bx - ax;
      const dy = by - ay;
      const den = 2 * dx * dy;
      return den === 0 ? [] : [-((ax - d[0]) * dy + (ay - d[1]) * dx) / den];
    },
  );
}

/** Egalitarian (Kalai) point on the hull frontier: maximise `min(x − d₀, y − d₁)`. */
export function hullEgalitarianPoint(
  hull: HullFrontier,
  d: readonly [number, number],
): HullPoint | undefined {
  return hullRayPoint(hull, d, [1, 1]);
}

/**
 * Kalai–Smorodinsky point on the hull frontier: where the segment from `d` to the utopia point
 * (each party's best on the hull, or `utopia` when given) meets the frontier — maximise
 * `min((x − d₀)/(b₀ − d₀), (y − d₁)/(b₁ − d₁))`.
 */
export function hullKalaiSmorodinskyPoint(
  hull: HullFrontier,
  d: readonly [number, number],
  utopia?: readonly [number, number],
): HullPoint | undefined {
  const n = hull.u0.length;
  if (n === 0) return undefined;
  const b0 = utopia?.[0] ?? (hull.u0[n - 1] as number);
  const b1 = utopia?.[1] ?? (hull.u1[0] as number);
  return hullRayPoint(hull, d, [b0 - d[0], b1 - d[1]]);
}

/** Maximise `min((x − d₀)/s₀, (y − d₁)/s₁)` over the hull frontier (both gains positive). */
function hullRayPoint(
  hull: HullFrontier,
  d: readonly [number, number],
  s: readonly [number, number],
): HullPoint | undefined {
  if (!(s[0] > 0 && s[1] > 0)) return undefined;
  const f = (x: number, y: number) => {
    const g = Math.min((x - d[0]) / s[0], (y - d[1]) / s[1]);
    return g > 0 ? g : Number.NEGATIVE_INFINITY;
  };
  return bestOnHull(hull, f, (ax, ay, bx, by) => {
    // Where the two normalised gains are equal along the segment.
    const ga = (ax - d[0]) / s[0] - (ay - d[1]) / s[1];
    const gb = (bx - d[0]) / s[0] - (by - d[1]) / s[1];
    return ga === gb ? [] : [ga / (ga - gb)];
  });
}

/**
 * Evaluate `f` at every vertex and at the candidate interior points `inner` proposes for each
 * segment (clamped to it); return the best (first on ties).
 */
function bestOnHull(
  hull: HullFrontier,
  f: (x: number, y: number) => number,
  inner: (ax: number, ay: number, bx: number, by: number) => number[],
): HullPoint | undefined {
  const n = hull.u0.length;
  let best: HullPoint | undefined;
  const consider = (x: number, y: number, segment: number, t: number) => {
    const score = f(x, y);
    if (score === Number.NEGATIVE_INFINITY) return;
    if (!best || score > best.score) best = { utilities: [x, y], score, segment, t };
  };
  for (let j = 0; j < n; j++) {
    const ax = hull.u0[j] as number;
    const ay = hull.u1[j] as number;
    consider(ax, ay, j, 0);
    if (j + 1 < n) {
      const bx = hull.u0[j + 1] as number;
      const by = hull.u1[j + 1] as number;
      for (const t of inner(ax, ay, bx, by)) {
        if (t > 0 && t < 1) consider(ax + t * (bx - ax), ay + t * (by - ay), j, t);
      }
    }
  }
  return best;
}

/** Euclidean distance from `point` to the nearest point of the hull frontier (its segments). */
export function distanceToHull(hull: HullFrontier, point: readonly [number, number]): number {
  const n = hull.u0.length;
  if (n === 0) return Number.POSITIVE_INFINITY;
  const [px, py] = point;
  let best = Number.POSITIVE_INFINITY;
  for (let j = 0; j < n; j++) {
    const ax = hull.u0[j] as number;
    const ay = hull.u1[j] as number;
    best = Math.min(best, Math.hypot(px - ax, py - ay));
    if (j + 1 < n) {
      const dx = (hull.u0[j + 1] as number) - ax;
      const dy = (hull.u1[j + 1] as number) - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
      if (t > 0 && t < 1) best = Math.min(best, Math.hypot(px - (ax + t * dx), py - (ay + t * dy)));
    }
  }
  return best;
}

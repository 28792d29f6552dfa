/**
 * Exact Pareto frontier of a finite set of utility vectors: the outcomes no other outcome
 * weakly improves for every party and strictly for one. Outcomes with identical utility vectors
 * are all kept ("ties kept", the counting convention of `docs/research/deal-space.md` §5).
 *
 * - 2 parties: sort-and-sweep (Kung, Luccio & Preparata 1975) — order by `u₀` descending then
 *   `u₁` descending ({@link descendingOrder}, a radix sort) and keep each outcome whose `u₁` beats
 *   every earlier one (or equals the last kept vector exactly). A linear bucket pre-pass first
 *   drops outcomes beaten by the best `u₁` of a strictly higher `u₀` bucket, which is exact and
 *   leaves only a few percent of a large space to sort.
 * - n ≥ 3 parties: sort-filter-skyline (Chomicki, Godfrey, Gryz & Liang 2003) — order by the
 *   utility sum, ties lexicographically, so every dominating outcome comes first; keep an outcome
 *   unless a kept one dominates it. Exact, `O(N log N + N·F)` for `F` frontier points.
 *
 * Frontier indices come back ordered by party 0's utility descending, ties by party 1's, …,
 * then by outcome index.
 * @module
 */
import { descendingOrder } from "./descending-order.ts";

const BUCKETS = 1 << 14;

/**
 * True when utility vector `a` Pareto-dominates `b`: `aᵢ ≥ bᵢ` for every party and `aᵢ > bᵢ`
 * for at least one. `a` and `b` are outcome indices into the per-party arrays `utilities`.
 */
export function dominates(utilities: readonly Float64Array[], a: number, b: number): boolean {
  let strict = false;
  for (const u of utilities) {
    const x = u[a] as number;
    const y = u[b] as number;
    if (x < y) return false;
    if (x > y) strict = true;
  }
  return strict;
}

/**
 * Indices of the Pareto-optimal outcomes among `candidates` (default: all outcomes), given one
 * `Float64Array` of utilities per party. Throws RangeError for no parties, arrays of different
 * lengths, or NaN utilities.
 */
export function paretoFrontier(
  utilities: readonly Float64Array[],
  candidates?: Uint32Array,
): Uint32Array {
  const n = utilities.length;
  if (n === 0) throw new RangeError("Pareto frontier: expected at least one party");
  const size = (utilities[0] as Float64Array).length;
  for (const u of utilities) {
    if (u.length !== size) {
      throw new RangeError(`Pareto frontier: utility arrays of lengths ${size} and ${u.length}`);
    }
  }
  const items = candidates ?? allOutcomes(size);
  for (const u of utilities) {
    for (const i of items) {
      if (Number.isNaN(u[i] as number))
        throw new RangeError(`Pareto frontier: NaN utility at ${i}`);
    }
  }
  if (items.length === 0) return new Uint32Array(0);
  if (n === 1) return single(utilities[0] as Float64Array, items);
  if (n === 2) return sweep2(utilities[0] as Float64Array, utilities[1] as Float64Array, items);
  return skyline(utilities, items);
}

function allOutcomes(size: number): Uint32Array {
  const out = new Uint32Array(size);
  for (let i = 0; i < size; i++) out[i] = i;
  return out;
}

function single(u: Float64Array, items: Uint32Array): Uint32Array {
  let best = Number.NEGATIVE_INFINITY;
  for (const i of items) if ((u[i] as number) > best) best = u[i] as number;
  return Uint32Array.from(
    items.filter((i) => u[i] === best),
    (i) => i,
  ).sort();
}

/** Exact pre-pass: drop outcomes whose `u₁` is ≤ the best `u₁` of a strictly higher `u₀` bucket. */
function prefilter2(u0: Float64Array, u1: Float64Array, items: Uint32Array): Uint32Array {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const i of items) {
    const x = u0[i] as number;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (!(hi > lo) || !Number.isFinite(hi - lo)) return items;
  const scale = BUCKETS / (hi - lo);
  const bucket = (x: number) => Math.min(BUCKETS - 1, Math.floor((x - lo) * scale));
  const best = new Float64Array(BUCKETS + 1).fill(Number.NEGATIVE_INFINITY);
  for (const i of items) {
    const b = bucket(u0[i] as number);
    if ((u1[i] as number) > (best[b] as number)) best[b] = u1[i] as number;
  }
  // above[b] = best u₁ over buckets > b (each such outcome has a strictly larger u₀).
  const above = new Float64Array(BUCKETS + 1).fill(Number.NEGATIVE_INFINITY);
  for (let b = BUCKETS - 1; b >= 0; b--) {
    above[b] = Math.max(above[b + 1] as number, best[b + 1] as number);
  }
  let kept = 0;
  const out = new Uint32Array(items.length);
  for (const i of items) {
    if ((u1[i] as number) > (above[bucket(u0[i] as number)] as number)) out[kept++] = i;
  }
  return out.subarray(0, kept);
}

function sweep2(u0: Float64Array, u1: Float64Array, items: Uint32Array): Uint32Array {
  const order = descendingOrder([u0, u1], items.length > 4096 ? prefilter2(u0, u1, items) : items);
  const out: number[] = [];
  let best1 = Number.NEGATIVE_INFINITY;
  let last0 = Number.NaN;
  for (const i of order) {
    const x = u0[i] as number;
    const y = u1[i] as number;
    if (y > best1 || (y === best1 && x === last0)) {
      out.push(i);
      best1 = y;
      last0 = x;
    }
  }
  return Uint32Array.from(out);
}

function skyline(utilities: readonly Float64Array[], items: Uint32Array): Uint32Array {
  const n = utilities.length;
  const m = items.length;
  // Local copies of the candidates' utilities, plus their sum as the leading sort key.
  const local = utilities.map((u) => Float64Array.from(items, (i) => u[i] as number));
  const sum = new Float64Array(m);
  for (const u of local) for (let j = 0; j < m; j++) sum[j] = (sum[j] as number) + (u[j] as number);
  const order = descendingOrder([sum, ...local]);
  const kept: number[] = [];
  const front = new Float64Array(m * n);
  let f = 0;
  let lastHit = 0;
  const dominatedBy = (q: number, p: number): boolean => {
    let strict = false;
    for (let d = 0; d < n; d++) {
      const a = front[q * n + d] as number;
      const b = (local[d] as Float64Array)[p] as number;
      if (a < b) return false;
      if (a > b) strict = true;
    }
    return strict;
  };
  for (const p of order) {
    let dominated = f > 0 && dominatedBy(lastHit, p);
    for (let q = 0; q < f && !dominated; q++) {
      if (dominatedBy(q, p)) {
        dominated = true;
        lastHit = q;
      }
    }
    if (dominated) continue;
    for (let d = 0; d < n; d++) front[f * n + d] = (local[d] as Float64Array)[p] as number;
    kept.push(p);
    f++;
  }
  const result = Uint32Array.from(kept, (j) => items[j] as number);
  return descendingOrder(utilities, result);
}

/**
 * Pareto frontier of an additive outcome space without enumerating all of it.
 *
 * For additive utilities, an outcome that uses option `o` of issue `k` where another option
 * `o'` of the same issue is at least as good for every party and better for one is dominated by
 * the same outcome with `o'` instead (everything else equal). Dropping such options issue by
 * issue therefore loses no frontier outcome, and the frontier of the remaining product — usually
 * a small fraction of the space — is the frontier of the whole space. Options whose utility
 * vectors are equal are all kept, so duplicated utility vectors are counted as in a full
 * enumeration. An option is dropped only when it loses by more than the rounding error of a sum
 * over all issues, so the result is bit-identical to {@link paretoFrontier} on the full
 * enumeration. A cap (Genius `min(1, Σ)`) that some sum can exceed (weights summing above 1)
 * could turn a dominated outcome into a tie, so no option is dropped then.
 *
 * Source: the decomposition of Pareto sets of sums (Minkowski sums) — e.g. Ehrgott,
 * *Multicriteria Optimization* (2005), §2 — applied to Raiffa's additive scoring systems.
 * @module
 */
import type { AdditiveUtility } from "./additive-utility.ts";
import { assertEnumerable, DEFAULT_MAX_OUTCOMES } from "./evaluate-outcomes.ts";
import { type OutcomeSpace, outcomeSpace } from "./outcome-space.ts";
import { paretoFrontier } from "./pareto-frontier.ts";

/** Frontier outcomes with each party's utility of each, aligned. */
export interface Frontier {
  /** Outcome indices, ordered by party 0's utility descending (ties: party 1, …, index). */
  outcomes: Uint32Array;
  /** `utilities[p][j]` = party `p`'s utility of `outcomes[j]`. */
  utilities: Float64Array[];
}

/**
 * The options of issue `k` that no other option of the same issue dominates (by a margin above
 * rounding), ascending. Every Pareto-optimal outcome uses only such options.
 */
export function undominatedOptions(utilities: readonly AdditiveUtility[], k: number): Int32Array {
  const n = utilities.length;
  const issues = utilities[0]?.contributions.length ?? 0;
  const cols = utilities.map((u) => u.contributions[k] as Float64Array);
  const r = cols[0]?.length ?? 0;
  // Worst-case rounding of a left-to-right sum of `issues` terms, per party.
  let capBites = false;
  const margin = utilities.map((u) => {
    let t = 0;
    let top = 0;
    for (const c of u.contributions) {
      let m = 0;
      let best = Number.NEGATIVE_INFINITY;
      for (const x of c) {
        m = Math.max(m, Math.abs(x));
        best = Math.max(best, x);
      }
      t += m;
      top += best;
    }
    const margin = 8 * (issues + 1) * (issues + 1) * Number.EPSILON * t;
    // A cap below the best sum could turn a dominated outcome into a tie: keep every option then.
    if (top - margin / 2 > u.cap) capBites = true;
    return margin;
  });
  if (capBites) return Int32Array.from({ length: r }, (_, o) => o);
  const kept: number[] = [];
  for (let o = 0; o < r; o++) {
    let dominated = false;
    for (let q = 0; q < r && !dominated; q++) {
      if (q === o) continue;
      let ge = true;
      let clear = false;
      for (let p = 0; p < n && ge; p++) {
        const a = (cols[p] as Float64Array)[q] as number;
        const b = (cols[p] as Float64Array)[o] as number;
        if (a < b) ge = false;
        else if (a - b > (margin[p] as number)) clear = true;
      }
      dominated = ge && clear;
    }
    if (!dominated) kept.push(o);
  }
  return Int32Array.from(kept);
}

/**
 * The exact Pareto frontier of `space` under `utilities`, found on the product of each issue's
 * {@link undominatedOptions}. Throws RangeError when that product still has more than
 * `maxOutcomes` outcomes.
 */
export function paretoOutcomes(
  space: OutcomeSpace,
  utilities: readonly AdditiveUtility[],
  maxOutcomes: number = DEFAULT_MAX_OUTCOMES,
): Frontier {
  const k = space.issues.length;
  const kept = space.issues.map((_, i) => undominatedOptions(utilities, i));
  const reduced = outcomeSpace(
    space.issues.map((issue, i) => ({
      ...issue,
      labels: Array.from(kept[i] as Int32Array, (o) => issue.labels[o] as string),
      values:
        issue.values &&
        Float64Array.from(kept[i] as Int32Array, (o) => issue.values?.[o] as number),
    })),
  );
  assertEnumerable(reduced, maxOutcomes);
  const m = reduced.size;
  // Full-space index of every reduced outcome, and utilities summed in issue order.
  const full = new Float64Array(m);
  const local = utilities.map(() => new Float64Array(m));
  let width = 1;
  for (let i = 0; i < k; i++) {
    const opts = kept[i] as Int32Array;
    const r = opts.length;
    const stride = space.strides[i] as number;
    for (let j = width - 1; j >= 0; j--) {
      const base = full[j] as number;
      for (let o = r - 1; o >= 0; o--) full[j * r + o] = base + (opts[o] as number) * stride;
    }
    utilities.forEach((u, p) => {
      const arr = local[p] as Float64Array;
      const c = u.contributions[i] as Float64Array;
      for (let j = width - 1; j >= 0; j--) {
        const base = arr[j] as number;
        for (let o = r - 1; o >= 0; o--) arr[j * r + o] = base + (c[opts[o] as number] as number);
      }
    });
    width *= r;
  }
  utilities.forEach((u, p) => {
    const arr = local[p] as Float64Array;
    if (u.cap !== Number.POSITIVE_INFINITY)
      for (let j = 0; j < m; j++) arr[j] = Math.min(arr[j] as number, u.cap);
  });
  const front = paretoFrontier(local);
  return {
    outcomes: Uint32Array.from(front, (j) => full[j] as number),
    utilities: local.map((arr) => Float64Array.from(front, (j) => arr[j] as number)),
  };
}

/** The frontier of fully enumerated utilities (`evaluateOutcomes`), as a {@link Frontier}. */
export function frontierOf(utilities: readonly Float64Array[], candidates?: Uint32Array): Frontier {
  const outcomes = paretoFrontier(utilities, candidates);
  return {
    outcomes,
    utilities: utilities.map((u) => Float64Array.from(outcomes, (i) => u[i] as number)),
  };
}

/** The distinct utility vectors of a frontier, with how many outcomes share each. */
export interface FrontierPoints {
  /** `utilities[p][j]` = party `p`'s utility at distinct point `j` (frontier order). */
  utilities: Float64Array[];
  /** Position in `frontier.outcomes` of the first outcome with each point. */
  first: Uint32Array;
  /** Number of frontier outcomes with each point (> 1 for packages the parties value equally). */
  count: Uint32Array;
}

/**
 * Group the frontier's outcomes by identical utility vectors. `docs/research/deal-space.md` §5
 * counts frontier *points* this way for AMPO vs City: 283 Pareto-optimal outcomes, 192 distinct
 * points (last-occurrence duplicates; 286 and 195 with first occurrence); the other §5 domains
 * have no ties, so outcomes and points coincide there (England–Zimbabwe 25, Itex–Cypress 18,
 * Politics 124).
 */
export function frontierPoints(frontier: Frontier): FrontierPoints {
  const f = frontier.outcomes.length;
  const first: number[] = [];
  const count: number[] = [];
  for (let j = 0; j < f; j++) {
    const same =
      j > 0 && frontier.utilities.every((u) => (u[j] as number) === (u[j - 1] as number));
    if (same) count[count.length - 1] = (count[count.length - 1] as number) + 1;
    else {
      first.push(j);
      count.push(1);
    }
  }
  return {
    utilities: frontier.utilities.map((u) => Float64Array.from(first, (j) => u[j] as number)),
    first: Uint32Array.from(first),
    count: Uint32Array.from(count),
  };
}

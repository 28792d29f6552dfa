import type { Arithmetic } from "./arithmetic.ts";

/** How a run departs from the reference implementation (spec-exchange §7). */
export interface ExchangeRules {
  /**
   * Distance on the 0–100 scale within which a position counts as *at* an outcome (for "left of"
   * and the outcome-crossing check, §2 and §4.6); 0 compares exactly, as the reference does.
   */
  tolerance: number;
  /** Bound the signed sum of an actor's moves below as well as above (§6, §7). */
  boundBelow: boolean;
  /**
   * Gains within this relative distance of the largest are ties, realised in the order the
   * candidates were made; 0 sorts by exact gain, as the reference does (§3.5, §7).
   */
  tieTolerance: number;
  /** An issue no actor weighs (D = 0) lands at the plain mean of positions, not at 0 (§2). */
  meanWhenUnweighted: boolean;
  /** The most candidate exchanges a round may weigh (the work grows with their number). */
  maxCandidates: number;
}

/** An issue's actors and their weights, normalised, in the model's arithmetic. */
export interface ExchangeIssue<T> {
  /** Actor indices, in input order. */
  actors: Int32Array;
  /** Salience on 0–1, aligned with `actors`. */
  s: T[];
  /** Capability on this issue, aligned with `actors`. */
  c: T[];
  /** D = Σ s·c (§2), summed in input order. */
  weight: T;
}

/** What one round computes on: the issues, the round's start positions and the rules. */
export interface RoundContext<T> {
  A: Arithmetic<T>;
  rules: ExchangeRules;
  issues: ExchangeIssue<T>[];
  /** Start positions on 0–100, per issue aligned with its `actors`. */
  x: T[][];
  /** Index of actor a within issue k at `slot[a * issues.length + k]`, or -1. */
  slot: Int32Array;
  nActors: number;
  /** Constants in T: 0, 100, the smallest move and gain that count (1e-10), the tolerance. */
  zero: T;
  hundred: T;
  epsilon: T;
  tolerance: T;
}

/** Where actor `a` sits in issue `k`'s arrays, or -1. */
export function slotOf<T>(ctx: RoundContext<T>, a: number, k: number): number {
  return ctx.slot[a * ctx.issues.length + k] as number;
}

/**
 * O_e = Σ x·s·c / D over issue e's actors in input order (§2, §9: each term (x·s)·c), with
 * positions from `position(j)` for slot j. When D = 0: 0, as the reference, or the plain mean of
 * the positions under `rules.meanWhenUnweighted`.
 */
export function outcomeOf<T>(ctx: RoundContext<T>, e: number, position: (j: number) => T): T {
  const { A } = ctx;
  const issue = ctx.issues[e] as ExchangeIssue<T>;
  if (A.cmp(issue.weight, ctx.zero) !== 0)
    return A.div(weightedSum(ctx, e, position), issue.weight);
  if (!ctx.rules.meanWhenUnweighted || issue.actors.length === 0) return ctx.zero;
  let sum = ctx.zero;
  for (let j = 0; j < issue.actors.length; j++) sum = A.add(sum, position(j));
  return A.div(sum, A.of(issue.actors.length));
}

/** Σ (x·s)·c over issue e's actors in input order. */
function weightedSum<T>(ctx: RoundContext<T>, e: number, position: (j: number) => T): T {
  const { A } = ctx;
  const issue = ctx.issues[e] as ExchangeIssue<T>;
  let sum = ctx.zero;
  for (let j = 0; j < issue.actors.length; j++) {
    sum = A.add(sum, A.mul(A.mul(position(j), issue.s[j] as T), issue.c[j] as T));
  }
  return sum;
}

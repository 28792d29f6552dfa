import { ModelInputError } from "../model.ts";
import { type Candidate, computeEqualGain, type Side } from "./equal-gain.ts";
import { recompute } from "./recompute.ts";
import { type ExchangeIssue, outcomeOf, type RoundContext, slotOf } from "./round-context.ts";

/** What one round of the exchange model produces. */
export interface RoundResult<T> {
  /** The realised exchanges, in the order they were realised. */
  exchanges: Candidate<T>[];
  /** Voting positions on 0–100, per issue aligned with its actors (§3.6). */
  voting: T[][];
  /** Each issue's outcome on the voting positions: the round's forecast (§3.6). */
  outcomes: T[];
  /** Where the next round starts (§3.7). */
  next: T[][];
  /**
   * How many times the exchange realised had a rival of equal gain (within the tie tolerance):
   * then the order the candidates were made in decided, and a reordered input may not agree.
   */
  ties: number;
}

/**
 * One round of the exchange model (spec-exchange §3): candidate exchanges on every pair of
 * issues between actors on opposite sides of both outcomes, realised best gain first while they
 * stay valid; the voting positions after them and the outcomes on those; and the next round's
 * start, each supplier part of the way to its voting position: x₀ + w·(y − x₀) with
 * w = salienceWeight·(1 − s) + fixedWeight. Throws {@link ModelInputError} when the round would
 * weigh more than `rules.maxCandidates` candidates.
 */
export function exchangeRound<T>(
  ctx: RoundContext<T>,
  weights: { salience: T; fixed: T },
): RoundResult<T> {
  const { A, issues } = ctx;
  const n = issues.length;
  const start = (k: number) => (j: number) => (ctx.x[k] as T[])[j] as T;
  const outcomes0 = issues.map((_, k) => outcomeOf(ctx, k, start(k)));
  const tol = ctx.tolerance;
  // left[k][j]: actor in slot j is at or left of issue k's outcome (§2).
  const left = issues.map((issue, k) =>
    Array.from(
      issue.actors,
      (_, j) => A.cmp(A.sub((ctx.x[k] as T[])[j] as T, tol), outcomes0[k] as T) <= 0,
    ),
  );
  // Group the actors of every pair of issues by side (§3.2), count the candidates, then make them.
  const pairs: Array<{ p: number; q: number; groups: number[][] }> = [];
  let count = 0;
  for (let p = 0; p < n; p++) {
    for (let q = p + 1; q < n; q++) {
      const groups: number[][] = [[], [], [], []];
      for (const a of (issues[p] as ExchangeIssue<T>).actors) {
        const jp = slotOf(ctx, a, p);
        const jq = slotOf(ctx, a, q);
        if (jq < 0 || !takesPart(ctx, p, jp) || !takesPart(ctx, q, jq)) continue;
        const lp = (left[p] as boolean[])[jp] ? 1 : 0;
        const lq = (left[q] as boolean[])[jq] ? 2 : 0;
        (groups[lp + lq] as number[]).push(a);
      }
      const [none, onlyP, onlyQ, both] = groups as [number[], number[], number[], number[]];
      count += none.length * both.length + onlyP.length * onlyQ.length;
      pairs.push({ p, q, groups });
    }
  }
  if (count > ctx.rules.maxCandidates) {
    throw new ModelInputError(
      `the exchange model would weigh ${count.toLocaleString("en")} candidate trades in a round (every pair of actors on opposite sides of two issues' outcomes); it runs on at most ${ctx.rules.maxCandidates.toLocaleString("en")} (parameter maxCandidates), because the time grows with the candidates times the trades: fewer actors or issues at the table, or phases that seat fewer at once, bring it within reach`,
    );
  }
  let candidates: Candidate<T>[] = [];
  for (const { p, q, groups } of pairs) {
    const [none, onlyP, onlyQ, both] = groups as [number[], number[], number[], number[]];
    for (const u of none) for (const v of both) candidates.push(candidate(ctx, p, q, u, v));
    for (const u of onlyP) for (const v of onlyQ) candidates.push(candidate(ctx, p, q, u, v));
  }
  const realised: Candidate<T>[] = [];
  let ties = 0;
  while (candidates.length > 0) {
    const { index: b, tied } = best(ctx, candidates);
    const r = candidates[b] as Candidate<T>;
    if (!r.valid) {
      candidates.splice(b, 1);
      continue;
    }
    if (tied) ties++;
    realised.push(r);
    const kept: Candidate<T>[] = [];
    for (let k = 0; k < candidates.length; k++) {
      const e = candidates[k] as Candidate<T>;
      if (k === b || !e.valid) continue;
      recompute(ctx, e, r);
      if (e.valid) kept.push(e);
    }
    candidates = kept;
  }
  const voting = ctx.x.map((xs) => xs.slice());
  const next = ctx.x.map((xs) => xs.slice());
  const one = A.of(1);
  for (const r of realised) {
    for (const side of [r.I, r.J]) {
      const k = side.supply;
      const j = slotOf(ctx, side.actor, k);
      (voting[k] as T[])[j] = side.y;
      // (1 − s)·0.4·y + 0.1·y + (1 − (1 − s)·0.4 − 0.1)·x₀, summed in this order (§9).
      const rest = A.mul(A.sub(one, (issues[k] as ExchangeIssue<T>).s[j] as T), weights.salience);
      const moved = A.add(A.mul(rest, side.y), A.mul(weights.fixed, side.y));
      const stay = A.mul(A.sub(A.sub(one, rest), weights.fixed), side.start);
      (next[k] as T[])[j] = A.add(moved, stay);
    }
  }
  const outcomes = issues.map((_, k) => outcomeOf(ctx, k, (j) => (voting[k] as T[])[j] as T));
  return { exchanges: realised, voting, outcomes, next, ties };
}

/**
 * The index of the candidate to realise next: the largest gain; `tied` when another valid
 * candidate's gain ties with it. With `rules.tieTolerance` 0 it is the reference's rule, a
 * stable sort by descending gain, so exact ties keep the order the last sort left (the list is
 * sorted in place). Otherwise gains within that relative distance of the largest are ties, and
 * the earliest-made candidate among them wins: the choice then does not hang on rounding
 * residues (§7).
 */
function best<T>(
  ctx: RoundContext<T>,
  candidates: Candidate<T>[],
): { index: number; tied: boolean } {
  const { A } = ctx;
  if (ctx.rules.tieTolerance === 0) {
    candidates.sort((e, f) => A.cmp(f.gain, e.gain));
    const top = (candidates[0] as Candidate<T>).gain;
    let tied = false;
    for (let k = 1; k < candidates.length; k++) {
      const e = candidates[k] as Candidate<T>;
      if (A.cmp(e.gain, top) !== 0) break;
      tied ||= e.valid;
    }
    return { index: 0, tied };
  }
  let top = (candidates[0] as Candidate<T>).gain;
  for (const e of candidates) if (A.cmp(e.gain, top) > 0) top = e.gain;
  const floor = A.sub(top, A.mul(A.abs(top), A.of(ctx.rules.tieTolerance)));
  let index = -1;
  let tied = false;
  for (let k = 0; k < candidates.length; k++) {
    const e = candidates[k] as Candidate<T>;
    if (A.cmp(e.gain, floor) < 0) continue;
    if (index < 0) index = k;
    else tied ||= e.valid;
  }
  return { index, tied };
}

/** Whether the actor in slot j of issue k can trade on it: it must care and carry weight (§7). */
function takesPart<T>(ctx: RoundContext<T>, k: number, j: number): boolean {
  const { A } = ctx;
  const issue = ctx.issues[k] as ExchangeIssue<T>;
  return A.cmp(issue.s[j] as T, ctx.zero) > 0 && A.cmp(issue.c[j] as T, ctx.zero) > 0;
}

/** A new candidate for actors u and v on issues p < q, with roles by salience ratio (§3.3). */
function candidate<T>(
  ctx: RoundContext<T>,
  p: number,
  q: number,
  u: number,
  v: number,
): Candidate<T> {
  const { A } = ctx;
  const ratioU = A.div(salience(ctx, u, p), salience(ctx, u, q));
  const ratioV = A.div(salience(ctx, v, p), salience(ctx, v, q));
  const [i, j] = A.cmp(ratioU, ratioV) < 0 ? [v, u] : [u, v];
  const e: Candidate<T> = {
    p,
    q,
    I: side(ctx, i, q, p),
    J: side(ctx, j, p, q),
    gain: ctx.zero,
    valid: false,
    updates: undefined,
  };
  computeEqualGain(ctx, e);
  return e;
}

const salience = <T>(ctx: RoundContext<T>, a: number, k: number): T =>
  (ctx.issues[k] as ExchangeIssue<T>).s[slotOf(ctx, a, k)] as T;

const startPos = <T>(ctx: RoundContext<T>, a: number, k: number): T =>
  (ctx.x[k] as T[])[slotOf(ctx, a, k)] as T;

/** A side moving on `supply` towards a partner that moves on `demand`, at the round's start. */
function side<T>(ctx: RoundContext<T>, actor: number, supply: number, demand: number): Side<T> {
  const at = startPos(ctx, actor, supply);
  return {
    actor,
    supply,
    demand,
    supplyPos: at,
    demandPos: startPos(ctx, actor, demand),
    start: at,
    moves: [],
    y: at,
  };
}

import type { ExchangeIssue, RoundContext } from "./round-context.ts";
import { slotOf } from "./round-context.ts";

/** One side of a candidate exchange: the actor, what it gives (supply) and what it gets. */
export interface Side<T> {
  actor: number;
  /** The issue this side moves on. */
  supply: number;
  /** The issue on which the other side moves towards it. */
  demand: number;
  supplyPos: T;
  demandPos: T;
  /** The supply position when the candidate was made (the round's start position). */
  start: T;
  /** Every shift computed for this side, in order (the move test, §6, checks them together). */
  moves: T[];
  /** Voting position: where the side stands on its supply issue if the exchange happens. */
  y: T;
}

/**
 * A candidate exchange between two actors on issues p < q: I supplies q and demands p; J supplies
 * p and demands q (spec-exchange §3.3).
 */
export interface Candidate<T> {
  p: number;
  q: number;
  I: Side<T>;
  J: Side<T>;
  gain: T;
  valid: boolean;
  /**
   * Positions this candidate knows other actors vote at, after exchanges realised earlier in the
   * round (§5.2), keyed `issue * nActors + actor`.
   */
  updates: Map<number, T> | undefined;
}

const s = <T>(ctx: RoundContext<T>, a: number, k: number): T =>
  (ctx.issues[k] as ExchangeIssue<T>).s[slotOf(ctx, a, k)] as T;
const c = <T>(ctx: RoundContext<T>, a: number, k: number): T =>
  (ctx.issues[k] as ExchangeIssue<T>).c[slotOf(ctx, a, k)] as T;
const D = <T>(ctx: RoundContext<T>, k: number): T => (ctx.issues[k] as ExchangeIssue<T>).weight;

/**
 * The equal-gain shifts of a candidate (spec-exchange §4; Stokman & Van Oosten 1994): J moves all
 * the way to I on p and I moves on q as far as gives I the same gain, unless that overshoots J,
 * in which case I moves all the way on q and J as far as the equal gain asks. Then the move test
 * (§6) and, when valid, the outcome-crossing check for I then J (§4.6). Appends a move to each
 * side's list; sets the voting positions, the gain and the validity.
 */
export function computeEqualGain<T>(ctx: RoundContext<T>, e: Candidate<T>): void {
  const { A } = ctx;
  const { I, J, p, q } = e;
  const a = I.supplyPos;
  const bigA = J.demandPos;
  const b = J.supplyPos;
  const bigB = I.demandPos;
  const sIp = s(ctx, I.actor, p);
  const sIq = s(ctx, I.actor, q);
  const sJp = s(ctx, J.actor, p);
  const sJq = s(ctx, J.actor, q);
  const cIq = c(ctx, I.actor, q);
  const cJp = c(ctx, J.actor, p);
  const Dp = D(ctx, p);
  const Dq = D(ctx, q);
  const dB = A.abs(A.sub(bigB, b));
  let rp = A.div(A.mul(A.mul(dB, sJp), cJp), Dp);
  let rq = A.mul(A.div(A.add(sJp, sIp), A.add(sJq, sIq)), rp);
  let mI = A.div(A.mul(rq, Dq), A.mul(cIq, sIq));
  let mJ = dB;
  const dA = A.abs(A.sub(bigA, a));
  if (A.cmp(A.abs(mI), dA) > 0) {
    rq = A.div(A.mul(A.mul(dA, sIq), cIq), Dq);
    rp = A.mul(A.div(A.add(sIq, sJq), A.add(sIp, sJp)), rq);
    mI = dA;
    mJ = A.div(A.mul(rp, Dp), A.mul(cJp, sJp));
  }
  if (A.cmp(a, bigA) > 0) mI = A.neg(mI);
  if (A.cmp(b, bigB) > 0) mJ = A.neg(mJ);
  I.moves.push(mI);
  J.moves.push(mJ);
  I.y = A.add(a, mI);
  J.y = A.add(b, mJ);
  e.gain = A.abs(A.sub(A.mul(rq, sIq), A.mul(rp, sIp)));
  e.valid =
    passesMoveTest(ctx, I, mI) && passesMoveTest(ctx, J, mJ) && A.cmp(e.gain, ctx.epsilon) >= 0;
  if (e.valid) checkCrossing(ctx, e, I, J);
  if (e.valid) checkCrossing(ctx, e, J, I);
}

/**
 * The move test (§6): a shift m of a side fails when |m| > 100 or |m| ≤ 1e-10, when it leaves
 * [0, 100], or when the side's moves sum past 100 (above only, as the reference; in both
 * directions under the corrected rules); otherwise it passes when all the side's moves have one
 * strict sign (an actor does not move both ways on an issue in one round).
 */
export function passesMoveTest<T>(ctx: RoundContext<T>, side: Side<T>, m: T): boolean {
  const { A } = ctx;
  const size = A.abs(m);
  if (A.cmp(size, ctx.hundred) > 0 || A.cmp(size, ctx.epsilon) <= 0) return false;
  const to = A.add(side.supplyPos, m);
  if (A.cmp(to, ctx.zero) < 0 || A.cmp(to, ctx.hundred) > 0) return false;
  let sum = ctx.zero;
  for (const move of side.moves) sum = A.add(sum, move);
  if (A.cmp(ctx.rules.boundBelow ? A.abs(sum) : sum, ctx.hundred) > 0) return false;
  const sign = A.cmp(side.moves[0] as T, ctx.zero);
  if (sign === 0) return false;
  for (const move of side.moves) if (A.cmp(move, ctx.zero) !== sign) return false;
  return true;
}

/**
 * Σ (x·s)·c over issue k's actors in input order (§9), with x as candidate `e` sees it: `pos` for
 * the actor in slot `mine`, else its recorded update, else the round start. With `updateFirst`,
 * an update for the actor in `mine` overrides `pos` (the δ of §4.6; in o₀ and o₁ `pos` wins).
 */
function seenSum<T>(
  ctx: RoundContext<T>,
  e: Candidate<T>,
  k: number,
  mine: number,
  pos: T,
  updateFirst: boolean,
): T {
  const { A } = ctx;
  const issue = ctx.issues[k] as ExchangeIssue<T>;
  const xs = ctx.x[k] as T[];
  const updates = e.updates;
  const base = k * ctx.nActors;
  let sum = ctx.zero;
  for (let j = 0; j < issue.actors.length; j++) {
    let x: T;
    if (j === mine && !updateFirst) x = pos;
    else {
      const u = updates?.get(base + (issue.actors[j] as number));
      x = u ?? (j === mine ? pos : (xs[j] as T));
    }
    sum = A.add(sum, A.mul(A.mul(x, issue.s[j] as T), issue.c[j] as T));
  }
  return sum;
}

/**
 * The outcome-crossing check (§4.6) for side S, whose partner T wants issue e (S's supply issue)
 * at X: when S's shift would carry e's outcome past X, S shifts only as far as brings the outcome
 * to X, T's shift follows from the equal gain, and the candidate is re-tested.
 */
function checkCrossing<T>(ctx: RoundContext<T>, e: Candidate<T>, S: Side<T>, T_: Side<T>): void {
  const { A } = ctx;
  const issue = S.supply;
  const other = S.demand;
  const mine = slotOf(ctx, S.actor, issue);
  const De = D(ctx, issue);
  const o0 = A.div(seenSum(ctx, e, issue, mine, S.supplyPos, false), De);
  const o1 = A.div(seenSum(ctx, e, issue, mine, S.y, false), De);
  const X = T_.demandPos;
  // X ≥ o (or ≤ o), counting |X − o| ≤ tolerance as both.
  const up = A.add(X, ctx.tolerance);
  const down = A.sub(X, ctx.tolerance);
  if (A.cmp(up, o0) >= 0 && A.cmp(up, o1) >= 0) return;
  if (A.cmp(down, o0) <= 0 && A.cmp(down, o1) <= 0) return;
  const sum = seenSum(ctx, e, issue, mine, S.supplyPos, true);
  const sSe = s(ctx, S.actor, issue);
  const cSe = c(ctx, S.actor, issue);
  const sTe = s(ctx, T_.actor, issue);
  const sSf = s(ctx, S.actor, other);
  const sTf = s(ctx, T_.actor, other);
  const cTf = c(ctx, T_.actor, other);
  const delta = A.abs(A.div(A.sub(A.mul(X, De), sum), A.mul(sSe, cSe)));
  const r1 = A.div(A.mul(A.mul(delta, sSe), cSe), De);
  const r2 = A.mul(A.div(A.add(sSe, sTe), A.add(sSf, sTf)), r1);
  let mT = A.div(A.mul(r2, D(ctx, other)), A.mul(cTf, sTf));
  let mS = delta;
  if (A.cmp(T_.supplyPos, S.demandPos) > 0) mT = A.neg(mT);
  if (A.cmp(S.supplyPos, X) > 0) mS = A.neg(mS);
  S.moves[S.moves.length - 1] = mS;
  T_.moves[T_.moves.length - 1] = mT;
  S.y = A.add(S.supplyPos, mS);
  T_.y = A.add(T_.supplyPos, mT);
  e.gain = A.abs(A.sub(A.mul(r2, sTf), A.mul(r1, sTe)));
  e.valid = passesMoveTest(ctx, S, mS) && passesMoveTest(ctx, T_, mT);
}

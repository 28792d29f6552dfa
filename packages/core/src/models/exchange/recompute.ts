import { type Candidate, computeEqualGain, type Side } from "./equal-gain.ts";
import type { RoundContext } from "./round-context.ts";

/**
 * Re-compute candidate `e` after exchange `r` was realised (spec-exchange §5): a side that
 * supplies the same issue as one of r's actors now starts from that actor's voting position and
 * carries its move; a side that demands what one of r's sides demands records where r's other
 * actor now votes. When either applies, the candidate's last shifts are withdrawn and it is
 * computed again (§4).
 */
export function recompute<T>(ctx: RoundContext<T>, e: Candidate<T>, r: Candidate<T>): void {
  let changed = false;
  changed = shareSupply(e.I, r) || changed;
  changed = shareSupply(e.J, r) || changed;
  const withdrawn = changed;
  if (withdrawn) {
    e.I.moves.pop();
    e.J.moves.pop();
  }
  const afterJ = sharesDemand(e.I, r.J) || sharesDemand(e.J, r.J);
  const afterI = sharesDemand(e.I, r.I) || sharesDemand(e.J, r.I);
  if (afterJ) record(ctx, e, r.J.demand, r.I);
  if (afterI) record(ctx, e, r.I.demand, r.J);
  if ((afterJ || afterI) && !withdrawn) {
    e.I.moves.pop();
    e.J.moves.pop();
  }
  changed ||= afterJ || afterI;
  if (changed) computeEqualGain(ctx, e);
}

/** §5.1: a side supplying what one of r's sides supplies moves to where that side votes. */
function shareSupply<T>(mine: Side<T>, r: Candidate<T>): boolean {
  let shared = false;
  for (const theirs of [r.I, r.J]) {
    if (mine.actor === theirs.actor && mine.supply === theirs.supply) {
      mine.supplyPos = theirs.y;
      mine.moves.push(theirs.moves[theirs.moves.length - 1] as T);
      shared = true;
    }
  }
  return shared;
}

function sharesDemand<T>(side: Side<T>, other: Side<T>): boolean {
  return side.actor === other.actor && side.demand === other.demand;
}

/**
 * Record in `e` that `supplier` votes at its voting position on issue k (§5.2). A second record
 * for the same actor keeps the one nearer its start: min(u, y) when it started at or below the
 * recorded u, else max(u, y).
 */
function record<T>(ctx: RoundContext<T>, e: Candidate<T>, k: number, supplier: Side<T>): void {
  const { A } = ctx;
  const key = k * ctx.nActors + supplier.actor;
  e.updates ??= new Map();
  const u = e.updates.get(key);
  let y = supplier.y;
  if (u !== undefined) {
    const fromBelow = A.cmp(supplier.start, u) <= 0;
    y = fromBelow ? (A.cmp(u, y) <= 0 ? u : y) : A.cmp(u, y) >= 0 ? u : y;
  }
  e.updates.set(key, y);
}

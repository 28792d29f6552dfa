import { type ConsistencyContext, checkEstimate, checkRefs } from "./consistency-context.ts";
import { duplicate } from "./duplicate-ids.ts";
import { isRec, list, type Rec } from "./raw-document.ts";

/**
 * Every shock: a unique id, a probability from 0 to 1, and effects that name declared actors
 * and issues.
 */
export function checkShocks(doc: Rec, ctx: ConsistencyContext): void {
  const shockIds = new Map<string, number>();
  for (const [i, shock] of list(doc.shocks).entries()) {
    if (!isRec(shock)) continue;
    duplicate(shock.id, shockIds, ["shocks", i, "id"], "shocks", "shock", ctx.issues);
    checkEstimate(ctx, shock.probability, ["shocks", i, "probability"], {
      min: 0,
      max: 1,
      what: "a probability from 0 to 1",
    });
    for (const [e, effect] of list(shock.effects).entries()) {
      if (!isRec(effect)) continue;
      checkRefs(ctx, effect.actors, ["shocks", i, "effects", e, "actors"], ctx.actorIds, "actor");
      checkRefs(ctx, effect.issues, ["shocks", i, "effects", e, "issues"], ctx.issueIds, "issue");
    }
  }
}

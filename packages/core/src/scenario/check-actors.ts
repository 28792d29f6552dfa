import { type ConsistencyContext, checkEstimate } from "./consistency-context.ts";
import { isRec, list, type Rec } from "./raw-document.ts";
import { CAPABILITY_BOUNDS } from "./value-bounds.ts";

/** Every actor's capability: an estimate greater than 0 with declared sources. */
export function checkActorCapabilities(doc: Rec, ctx: ConsistencyContext): void {
  for (const [i, actor] of list(doc.actors).entries()) {
    if (!isRec(actor)) continue;
    checkEstimate(ctx, actor.capability, ["actors", i, "capability"], CAPABILITY_BOUNDS);
  }
}

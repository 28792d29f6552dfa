/**
 * The assumption that matters most: the input whose range moves the lead model's forecast most.
 * @module
 */
import type { Issue } from "@entente/core";
import type { BriefContext } from "./brief-context.ts";
import { scaleWidth } from "./issue-decimals.ts";

/** The input with the largest one-at-a-time swing relative to its issue's scale (lead model). */
export function topSwing(ctx: BriefContext) {
  let best: { input: string; issue: Issue; swing: number; share: number } | undefined;
  for (const s of ctx.d.sensitivity) {
    if (s.model !== ctx.lead.id) continue;
    const t = s.tornado[0];
    const issue = ctx.scenario.issues.find((i) => i.id === s.issue);
    if (!t || t.swing === 0 || !issue) continue;
    const share = Math.abs(t.swing) / scaleWidth(issue);
    if (!best || share > best.share) best = { input: t.input, issue, swing: t.swing, share };
  }
  return best;
}

/**
 * The brief's deal-space section: the packages both principals prefer to no deal, the Nash and
 * Kalai–Smorodinsky packages, and the win-set under ratification.
 * @module
 */
import { dealPlotOptions } from "@entente/charts";
import type { DealsDocument, DescribedPart } from "../format/deals.ts";
import { bindingRatifier } from "./binding-ratifier.ts";
import type { Block, Section } from "./brief.ts";
import { p } from "./brief-blocks.ts";
import type { BriefContext } from "./brief-context.ts";

/** One part of a package: "Issue: value (status quo) — meaning". */
const partText = (part: DescribedPart, ctx: BriefContext): string => {
  const title = ctx.issueTitle(part.issue);
  return `${title}: ${part.value}${part.statusQuo ? " (status quo)" : ""}${part.meaning ? ` — ${part.meaning}` : ""}`;
};

/** The section on the deal space between the two principals (or why there is none). */
export function dealSection(ctx: BriefContext): Section {
  const deals = ctx.d.deals;
  if (typeof deals === "string") {
    return { id: "deals", title: "The deal space", blocks: [p([`No deal space: ${deals}.`])] };
  }
  const [a, b] = deals.parties.map(ctx.actorName) as [string, string];
  const blocks: Block[] = [
    p([
      `Between ${a} and ${b}, the two principals: every package of the issues on a grid of ${deals.grid ?? "?"} points per issue (${deals.packages.toLocaleString("en-GB")} packages${deals.gridNote ? `; ${deals.gridNote}` : ""}). A party's utility of a package is 1 at its own positions and falls with the salience-weighted distance from them; no deal${deals.hasStatusQuo ? "" : " (the status quo; an issue without one counts at its scale's midpoint)"} is worth ${deals.reservations[0].toFixed(2)} to ${a} and ${deals.reservations[1].toFixed(2)} to ${b}.`,
    ]),
    {
      kind: "chart",
      id: "deal-frontier",
      caption: `Both parties' utilities: no deal, the region both prefer to it (green), the Nash, Kalai–Smorodinsky and welfare packages, and (orange) the path of single-issue steps from the status quo.`,
      options: dealPlotOptions(deals, [a, b], 640),
    },
  ];
  const pkg = (title: string, x: DealsDocument["nash"], what: string) => {
    if (!x) return;
    blocks.push(
      p([
        { strong: title },
        ` (${what}): ${a} ${(x.utilities[0] ?? 0).toFixed(2)}, ${b} ${(x.utilities[1] ?? 0).toFixed(2)}.`,
      ]),
      { kind: "list", items: x.package.map((part) => [partText(part, ctx)]) },
    );
  };
  pkg("Nash bargaining package", deals.nash, "the largest product of both gains over no deal");
  pkg(
    "Kalai–Smorodinsky package",
    deals.kalaiSmorodinsky,
    "gains in proportion to what each could at best get",
  );
  const w = deals.winSet;
  if (w) {
    const required = w.required.map(ctx.actorName).join(", ");
    blocks.push(
      p([
        { strong: "Win-set under ratification" },
        `: ${w.size.toLocaleString("en-GB")} packages are preferred to no deal by every party whose consent they need (${required}).`,
      ]),
    );
    const binding = bindingRatifier(w, deals.parties, ctx);
    if (binding) blocks.push(p([binding]));
    const robust = w.robust ?? w.nearest;
    if (robust) {
      blocks.push(
        p([
          w.robust
            ? `The most robust package (every required party gains at least ${robust.minSlack.toFixed(3)}):`
            : `The nearest miss (the package with the smallest shortfall, ${(-robust.minSlack).toFixed(3)}):`,
        ]),
        { kind: "list", items: robust.package.map((part) => [partText(part, ctx)]) },
      );
    }
  }
  for (const note of deals.notes) blocks.push(p([`Note: ${note}.`], "note"));
  return { id: "deals", title: `The deal space between ${a} and ${b}`, blocks };
}

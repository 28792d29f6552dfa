/**
 * The brief's "What each side can offer" section: single-issue moves from the status quo, best
 * value first, and logrolls.
 * @module
 */
import type { DescribedConcession } from "../format/deals.ts";
import type { Block, Section, Text } from "./brief.ts";
import { p } from "./brief-blocks.ts";
import type { BriefContext } from "./brief-context.ts";
import { signed } from "./brief-numbers.ts";

/** The section on what each principal can offer the other (or why none can be measured). */
export function offersSection(ctx: BriefContext): Section {
  const deals = ctx.d.deals;
  if (typeof deals === "string" || !deals.hasStatusQuo) {
    return {
      id: "offers",
      title: "What each side can offer",
      blocks: [p(["No status quo package, so no offers can be measured against it."])],
    };
  }
  const [a, b] = deals.parties.map(ctx.actorName) as [string, string];
  const offer = (
    c: DescribedConcession,
    gives: string,
    gets: string,
    dGive: number,
    dGet: number,
  ): Text => {
    const title = ctx.issueTitle(c.issue);
    return [
      `${title}: ${c.from} → ${c.to}${c.meaning ? ` (${c.meaning})` : ""}; ${gets} ${signed(dGet, 3)}, ${gives} ${signed(dGive, 3)}`,
    ];
  };
  const blocks: Block[] = [
    p(
      [
        "Single-issue moves away from the status quo, best value first: the most gain for the other side per unit of one's own loss (a move that costs nothing is listed first).",
      ],
      "note",
    ),
    p([{ strong: `What ${a} can offer ${b}` }]),
    deals.offers.aToB.length
      ? { kind: "list", items: deals.offers.aToB.map((c) => offer(c, a, b, c.deltaA, c.deltaB)) }
      : p([`Nothing: no single move gains ${b} anything.`]),
    p([{ strong: `What ${b} can offer ${a}` }]),
    deals.offers.bToA.length
      ? { kind: "list", items: deals.offers.bToA.map((c) => offer(c, b, a, c.deltaA, c.deltaB)) }
      : p([`Nothing: no single move gains ${a} anything.`]),
  ];
  if (deals.offers.logrolls.length) {
    blocks.push(
      p([{ strong: "Logrolls" }, ` (${a} gives on one issue, ${b} on another, both gain)`]),
      {
        kind: "list",
        items: deals.offers.logrolls.slice(0, 5).map((l) => {
          const t = (c: DescribedConcession) => `${ctx.issueTitle(c.issue)} ${c.from} → ${c.to}`;
          return [
            `${a}: ${t(l.give)}; ${b}: ${t(l.take)}; ${a} ${signed(l.deltaA, 3)}, ${b} ${signed(l.deltaB, 3)}`,
          ];
        }),
      },
    );
  }
  return { id: "offers", title: "What each side can offer", blocks };
}

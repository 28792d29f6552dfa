/**
 * The brief's "Which assumption matters most" section: per issue, the input that moves the lead
 * model's forecast most, with a tornado chart.
 * @module
 */
import { tornadoPlotOptions, tornadoRows } from "@entente/charts";
import type { Block, Section, Text } from "./brief.ts";
import { p } from "./brief-blocks.ts";
import type { BriefContext } from "./brief-context.ts";
import { issueDecimals } from "./issue-decimals.ts";

/** The section on the one-at-a-time sensitivity of the lead model's forecasts. */
export function sensitivitySection(ctx: BriefContext): Section {
  const rows = ctx.d.sensitivity.filter((s) => s.model === ctx.lead.id);
  const blocks: Block[] = [
    p(
      [
        `Which assumption matters most: the ${ctx.lead.label} forecast with each uncertain input (a range, or the spread of disagreeing sources) at its low and at its high end while every other input stays central. Bars run from the forecast at the low end to the forecast at the high end; the black line is the forecast with every input central.`,
      ],
      "note",
    ),
  ];
  const items: Text[] = [];
  const charts: Block[] = [];
  for (const s of rows) {
    const info = ctx.scenario.issues.find((i) => i.id === s.issue);
    const issue = ctx.issueTitle(s.issue);
    const d = info ? issueDecimals(info) : 1;
    const top = tornadoRows(s, 8);
    const first = top[0];
    if (!first) {
      items.push([`${issue}: no single uncertain input moves this forecast`]);
      continue;
    }
    items.push([
      `${issue}: ${ctx.inputName(first.input)} (forecast ${first.atLow.toFixed(d)} → ${first.atHigh.toFixed(d)})`,
    ]);
    charts.push({
      kind: "chart",
      id: `tornado-${s.issue}`,
      caption: `Tornado for “${issue}” (${ctx.lead.label}): the eight inputs that move the forecast most.`,
      options: tornadoPlotOptions(s, {
        width: 880,
        limit: 8,
        marginLeft: 300,
        label: ctx.inputName,
      }),
    });
  }
  blocks.push({ kind: "list", items }, ...charts);
  return { id: "sensitivity", title: "Which assumption matters most", blocks };
}

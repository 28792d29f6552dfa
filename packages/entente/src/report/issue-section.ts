/**
 * One issue's section of the brief: its headline, charts, the models' numbers and the actors'
 * inputs, with the status quo and who must ratify.
 * @module
 */
import {
  distributionPlotOptions,
  issueActors,
  issueMarkers,
  issuePlotOptions,
} from "@entente/charts";
import { centralValue, estimateSources, type Issue, issueHeadline, percent } from "@entente/core";
import type { Block, Inline, Section } from "./brief.ts";
import { cite, p } from "./brief-blocks.ts";
import type { BriefContext } from "./brief-context.ts";
import { fixedTo } from "./brief-numbers.ts";
import { decimalsOf, estimateText } from "./estimate-text.ts";
import { issueDecimals } from "./issue-decimals.ts";

/** The headline of an issue: its most likely named outcome from the lead model's distribution. */
function headline(ctx: BriefContext, issue: Issue): string | undefined {
  const o = ctx.leadOutcome(issue.id);
  if (!o) return undefined;
  const checked = ctx.d.simulation.agreement && (ctx.scenario.phases?.length ?? 0) > 0;
  return issueHeadline(
    issue,
    {
      bands: o.outcome.bands,
      median: o.outcome.median,
      interval80: o.outcome.intervals["80"],
      statusQuoHolds: checked ? o.outcome.statusQuoHolds : undefined,
    },
    issueDecimals(issue),
  );
}

/** The section of issue `issue` (the `k`-th of the scenario). */
export function issueSection(ctx: BriefContext, issue: Issue, k: number): Section {
  const { scenario, d } = ctx;
  const row = d.forecast.issues[k];
  const decimals = issueDecimals(issue);
  const fixed = fixedTo(decimals);
  const stances = scenario.stances.filter((s) => s.issue === issue.id);
  const cited = [...new Set(stances.flatMap((s) => estimateSources(s.position)))];
  const blocks: Block[] = [];
  const line = headline(ctx, issue);
  if (line) {
    blocks.push(
      p(
        [line, ` (${ctx.lead.label}; computed from the positions below`, ...cite(cited), ")"],
        "headline",
      ),
    );
  }
  if (issue.description) blocks.push(p([issue.description], "note"));
  const dist = d.simulation.report.issues.find((i) => i.issue === issue.id);
  const lead = ctx.leadOutcome(issue.id);
  if (row) {
    blocks.push({
      kind: "chart",
      id: `issue-${issue.id}`,
      caption: `Actors on “${issue.title}”, every model's forecast and the status quo; shaded: the ${ctx.lead.label} model's 80 % range.`,
      options: issuePlotOptions({
        min: row.min,
        max: row.max,
        minLabel: row.minLabel,
        maxLabel: row.maxLabel,
        unit: row.unit,
        marks: issue.scale.marks,
        actors: issueActors(scenario, issue.id),
        markers: issueMarkers(
          row,
          d.forecast.models.filter((m) => m.unavailable === undefined),
          new Set(),
        ),
        maxCapability: Math.max(...scenario.actors.map((a) => centralValue(a.capability))),
        band: lead
          ? { low: lead.outcome.intervals["80"][0], high: lead.outcome.intervals["80"][1] }
          : undefined,
        width: 880,
      }),
    });
  }
  if (dist) {
    blocks.push({
      kind: "chart",
      id: `distribution-${issue.id}`,
      caption: `The predictive distribution of the outcome per model (input ranges, shocks, ${ctx.d.calibration === "none" ? "no model error" : "the model's own error"} and the chance that no phase agrees); shaded: 80 % interval; black: median; red: mean point forecast.`,
      options: distributionPlotOptions({
        min: issue.scale.min ?? 0,
        max: issue.scale.max ?? 100,
        models: dist.models,
        label: ctx.label,
        width: 880,
      }),
    });
    const checked = d.simulation.report.phases.length > 0;
    blocks.push({
      kind: "table",
      caption:
        "Each model: point forecast (inputs at their central values), median and 80 % range of the outcome",
      head: ["Model", "forecast", "median", "80 % range", ...(checked ? ["status quo holds"] : [])],
      numeric: [false, true, true, true, true],
      rows: dist.models
        .filter((m) => m.n > 0)
        .map((m) => [
          [ctx.label(m.model)],
          [fixed(row?.forecasts[m.model] ?? m.mean)],
          [fixed(m.outcome.median)],
          [`${fixed(m.outcome.intervals["80"][0])}–${fixed(m.outcome.intervals["80"][1])}`],
          ...(checked ? [[percent(m.outcome.statusQuoHolds)]] : []),
        ]),
    });
  }
  blocks.push({
    kind: "table",
    caption: `Actors' inputs on “${issue.title}”`,
    head: ["Actor", "position", "salience", "capability"],
    numeric: [false, true, true, true],
    rows: stances.map((s) => {
      const actor = scenario.actors.find((a) => a.id === s.actor);
      return [
        [actor?.name ?? s.actor],
        estimateText(s.position, fixed),
        estimateText(s.salience, fixedTo(decimalsOf(s.salience))),
        actor ? estimateText(actor.capability, fixedTo(decimalsOf(actor.capability))) : ["–"],
      ];
    }),
  });
  if (issue.statusQuo !== undefined || issue.ratifiers?.length) {
    const parts: Inline[] = [];
    if (issue.statusQuo !== undefined) {
      parts.push("Status quo: ", ...estimateText(issue.statusQuo, fixed), ".");
    }
    if (issue.ratifiers?.length) {
      parts.push(
        `${parts.length ? " " : ""}A deal on this issue must be ratified by ${issue.ratifiers.map(ctx.actorName).join(", ")}.`,
      );
    }
    blocks.push(p(parts, "note"));
  }
  return { id: `issue-${issue.id}`, title: issue.title, blocks };
}

/**
 * The words of a report: from the computed {@link ReportData} to a {@link Brief} — summary, one
 * section per issue with its headline and charts, the phases, the questions beside the sources'
 * figures, the deal space, what each side can offer, which assumption matters most, the models
 * with their measured accuracy, and the sources. Every input number carries its citations.
 * @module
 */
import {
  dealPlotOptions,
  distributionPlotOptions,
  issueActors,
  issueMarkers,
  issuePlotOptions,
  tornadoPlotOptions,
  tornadoRows,
} from "@entente/charts";
import {
  centralValue,
  type DistributionReport,
  type Estimate,
  estimateSources,
  type Issue,
  inputName,
  issueHeadline,
  percent,
  type Scenario,
} from "@entente/core";
import type { DealsDocument, DescribedConcession, DescribedPart } from "../format/deals.ts";
import { decimalsFor } from "../format/number.ts";
import type { Block, Brief, BriefSource, Inline, Section, Text } from "./brief.ts";
import type { ReportData } from "./report-data.ts";

/** Build the brief of a report. */
export function buildBrief(d: ReportData, version: string): Brief {
  const { scenario } = d;
  const sources = scenario.sources.map((s, k): BriefSource => {
    const url = /^https?:\/\//.test(s.locator);
    return {
      id: s.id,
      n: k + 1,
      text: [
        s.title,
        [s.author, s.outlet, s.date].filter(Boolean).join(", "),
        url ? undefined : s.locator,
        s.note,
      ]
        .filter(Boolean)
        .join(". "),
      ...(url ? { href: s.locator } : {}),
    };
  });
  const ctx = context(d);
  const sim = d.simulation;
  return {
    title: scenario.title,
    asOf: scenario.asOf,
    run: [
      `${sim.samples.toLocaleString("en-GB")} Monte Carlo samples, seed ${sim.seed}`,
      `models simulated: ${d.models.map((m) => m.label).join(", ")}`,
      sim.calibration ?? "no model error (input uncertainty only)",
      `Entente ${version}, scenario hash ${sim.scenarioHash}`,
    ].join("; "),
    summary: summary(ctx),
    sections: [
      ...(scenario.description
        ? [{ id: "background", title: "Background", blocks: [p([scenario.description])] }]
        : []),
      {
        id: "issues",
        title: "Issues: where each one lands",
        blocks: [
          p(
            [
              `Each issue is a scale with named ends. The headline gives the most likely named outcome, the 80 % range and the chance that no agreement changes the status quo, from the ${ctx.lead.label} model ${errorClause(ctx)}. Dots are actors (size: capability; colour: salience), grey whiskers the range of a position, ticks each source's reading; vertical lines are each model's point forecast and the status quo; the shaded band is the 80 % range.`,
            ],
            "note",
          ),
        ],
        sections: scenario.issues.map((issue, k) => issueSection(ctx, issue, k)),
      },
      phasesSection(ctx),
      ...(scenario.questions?.length ? [questionsSection(ctx)] : []),
      dealSection(ctx),
      offersSection(ctx),
      sensitivitySection(ctx),
      modelsSection(ctx),
    ],
    sources,
  };
}

interface Context {
  d: ReportData;
  scenario: Scenario;
  lead: { id: string; label: string };
  actorName: (id: string) => string;
  issueTitle: (id: string) => string;
  /** An uncertain input's label ("usa / territory position") in names and titles. */
  inputName: (input: string) => string;
  label: (modelId: string) => string;
  leadOutcome: (issue: string) => DistributionReport | undefined;
}

function context(d: ReportData): Context {
  const lead = d.models[0] ?? { id: "", label: "" };
  const labels = new Map(d.forecast.models.map((m) => [m.id, m.label]));
  const actorName = (id: string) => d.scenario.actors.find((a) => a.id === id)?.name ?? id;
  const issueTitle = (id: string) => d.scenario.issues.find((i) => i.id === id)?.title ?? id;
  return {
    d,
    scenario: d.scenario,
    lead: { id: lead.id, label: lead.label },
    actorName,
    issueTitle,
    label: (id) => labels.get(id) ?? id,
    inputName: (input) => inputName(d.scenario, input),
    leadOutcome: (issue) =>
      d.simulation.report.issues
        .find((i) => i.issue === issue)
        ?.models.find((m) => m.model === lead.id && m.n > 0),
  };
}

const p = (text: Text, role?: "headline" | "note"): Block => ({
  kind: "p",
  text,
  ...(role ? { role } : {}),
});
const cite = (ids: readonly string[]): Inline[] => (ids.length ? [" ", { cite: ids }] : []);
const scaleWidth = (issue: Issue) => (issue.scale.max ?? 100) - (issue.scale.min ?? 0);
const issueDecimals = (issue: Issue) => decimalsFor(scaleWidth(issue));
const signed = (x: number, decimals = 1) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(decimals)}`;

/** 0 decimals for an estimate of whole numbers, else 2. */
function decimalsOf(e: Estimate): number {
  const values =
    typeof e === "number"
      ? [e]
      : Array.isArray(e)
        ? e.map((x) => x.value)
        : [e.value, e.low ?? 0, e.high ?? 0];
  return values.every(Number.isInteger) ? 0 : 2;
}

/** How the distributions treat each model's error, as a clause ("with its error …"). */
function errorClause(ctx: Context): string {
  switch (ctx.d.calibration) {
    case "shipped":
      return "with its error measured on real decisions (see Models)";
    case "custom":
      return `with its error from the calibration file in use (${ctx.d.simulation.calibration})`;
    default:
      return "with input uncertainty only (no model error: ranges are too narrow on real decisions)";
  }
}

/**
 * An input estimate for reading: its central value, then its range or each source's reading,
 * then its citations; `format` writes one number, `to` joins a range's ends.
 */
function estimateText(e: Estimate, format: (x: number) => string, to = "–"): Text {
  const value = format(centralValue(e));
  if (typeof e === "number") return [value];
  if (Array.isArray(e)) {
    const readings = e.map((x) => format(x.value)).join(" / ");
    return [`${value} (sources: ${readings})`, ...cite(estimateSources(e))];
  }
  const range =
    e.low !== undefined || e.high !== undefined
      ? ` (${format(e.low ?? e.value)}${to}${format(e.high ?? e.value)})`
      : "";
  return [`${value}${range}`, ...cite(estimateSources(e))];
}

/** Numbers with `decimals` places. */
const fixedTo = (decimals: number) => (x: number) => x.toFixed(decimals);

function headline(ctx: Context, issue: Issue): string | undefined {
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

function summary(ctx: Context): Text {
  const { scenario, d } = ctx;
  const out: Inline[] = [
    `${scenario.actors.length} actors negotiate ${scenario.issues.length} issue${scenario.issues.length === 1 ? "" : "s"}`,
    scenario.phases?.length
      ? ` over ${scenario.phases.length} phase${scenario.phases.length === 1 ? "" : "s"}. `
      : ". ",
  ];
  const phases = d.simulation.report.phases;
  if (phases.length) {
    const hardest = phases.reduce((a, b) => (b.probability < a.probability ? b : a));
    const title = scenario.phases?.find((x) => x.id === hardest.phase)?.title ?? hardest.phase;
    out.push(
      phases.length === 1
        ? `The one phase, “${title}”, ends in an agreement with a probability of ${percent(hardest.probability)}. `
        : `The least likely step is “${title}”, which ends in an agreement with a probability of ${percent(hardest.probability)}. `,
    );
  }
  const sq = scenario.issues
    .map((issue) => ({ issue, o: ctx.leadOutcome(issue.id) }))
    .filter((x) => x.o && x.issue.statusQuo !== undefined && phases.length > 0);
  if (sq.length) {
    const most = sq.reduce((a, b) =>
      (b.o?.outcome.statusQuoHolds ?? 0) > (a.o?.outcome.statusQuoHolds ?? 0) ? b : a,
    );
    const least = sq.reduce((a, b) =>
      (b.o?.outcome.statusQuoHolds ?? 1) < (a.o?.outcome.statusQuoHolds ?? 1) ? b : a,
    );
    const hold = (x: typeof most) => percent(x.o?.outcome.statusQuoHolds ?? Number.NaN);
    out.push(
      hold(most) === hold(least)
        ? `Without an agreement the status quo holds; the chance of that is ${hold(most)} on every issue. `
        : `The status quo is most likely to hold on “${most.issue.title}” (${hold(most)}) and least likely on “${least.issue.title}” (${hold(least)}). `,
    );
  }
  const questions = d.simulation.report.questions;
  if (questions.length) {
    const top = questions
      .map((q) => ({
        q,
        p: q.models.find((m) => m.model === ctx.lead.id)?.probability ?? Number.NaN,
      }))
      .reduce((a, b) => (b.p > a.p ? b : a));
    const question = scenario.questions?.find((x) => x.id === top.q.question);
    const said = (question?.estimates ?? []).map((e) => percent(e.probability));
    out.push(
      questions.length === 1
        ? `“${question?.title ?? top.q.question}”: `
        : `Of the questions, the likeliest is “${question?.title ?? top.q.question}”: `,
      `${percent(top.p)}${said.length ? ` (the sources say ${said.join(", ")}` : ""}`,
      ...(said.length ? [...cite(question?.estimates?.map((e) => e.source) ?? []), ")"] : []),
      ". ",
    );
  }
  if (typeof d.deals !== "string") {
    const [a, b] = d.deals.parties.map(ctx.actorName);
    const rational = d.deals.rationalPackages;
    out.push(
      rational === undefined
        ? `Between ${a} and ${b} there are too many packages to count those both prefer to no deal. `
        : rational > 0
          ? `${a} and ${b} both prefer ${rational.toLocaleString("en-GB")} of ${d.deals.packages.toLocaleString("en-GB")} packages to no deal`
          : `No package is better than no deal for both ${a} and ${b}`,
    );
    const w = d.deals.winSet;
    if (rational !== undefined && w) {
      out.push(
        w.size > 0
          ? `; ${w.size.toLocaleString("en-GB")} of them also satisfy every required ratifier. `
          : `, but none satisfies every required ratifier${w.nearest?.binding.length ? ` (${w.nearest.binding.map((x) => ctx.actorName(x.party)).join(", ")} would block the nearest)` : ""}. `,
      );
    } else if (rational !== undefined) out.push(". ");
  }
  const top = topSwing(ctx);
  if (top) {
    out.push(
      `The assumption that matters most is “${ctx.inputName(top.input)}”: across its range it moves the forecast on “${top.issue.title}” by ${Math.abs(top.swing).toFixed(issueDecimals(top.issue))}${top.issue.scale.unit ? ` ${top.issue.scale.unit}` : ""} (${(top.share * 100).toFixed(0)} % of the scale).`,
    );
  }
  return out;
}

function issueSection(ctx: Context, issue: Issue, k: number): Section {
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

function phasesSection(ctx: Context): Section {
  const { scenario, d } = ctx;
  const phases = scenario.phases ?? [];
  if (phases.length === 0) {
    return {
      id: "phases",
      title: "Phases",
      blocks: [p(["The scenario has no phases: every model settles all issues at once."])],
    };
  }
  const reported = d.simulation.report.phases;
  return {
    id: "phases",
    title: "Phases",
    blocks: [
      p(
        [
          "The talks run through these phases in order. A phase ends in an agreement when every party whose consent its issues need prefers some package to no deal, combined with the analysts' prior where the scenario gives one; otherwise the status quo holds on its issues.",
        ],
        "note",
      ),
      {
        kind: "table",
        caption:
          "Each phase: who takes part, on which issues, and the chance it ends in an agreement",
        head: ["Phase", "actors", "issues", "agreement", "analysts' prior"],
        numeric: [false, false, false, true, true],
        rows: phases.map((ph) => {
          const r = reported.find((x) => x.phase === ph.id);
          const prior = ph.agreement?.probability;
          return [
            [ph.title, ...cite(ph.sources ?? [])],
            [ph.actors.map(ctx.actorName).join(", ")],
            [ph.issues.map(ctx.issueTitle).join("; ")],
            [r ? `${percent(r.probability)} ± ${(r.se * 100).toFixed(1)} pp` : "not checked"],
            prior === undefined ? ["–"] : estimateText(prior, percent, " to "),
          ];
        }),
      },
    ],
  };
}

function questionsSection(ctx: Context): Section {
  const { scenario, d } = ctx;
  const models = d.models;
  return {
    id: "questions",
    title: "Questions",
    blocks: [
      {
        kind: "table",
        caption:
          "Each question: each model's probability of yes (Monte Carlo), and the sources' own figures",
        head: ["Question", ...models.map((m) => m.label), "sources say"],
        numeric: [false, ...models.map(() => true), false],
        rows: (scenario.questions ?? []).map((q) => {
          const r = d.simulation.report.questions.find((x) => x.question === q.id);
          const said: Inline[] = [];
          for (const [k, e] of (q.estimates ?? []).entries()) {
            if (k > 0) said.push("; ");
            said.push(percent(e.probability), " ", { cite: [e.source] });
          }
          return [
            [q.title],
            ...models.map((m) => [
              percent(r?.models.find((x) => x.model === m.id)?.probability ?? Number.NaN),
            ]),
            said.length ? said : ["–"],
          ];
        }),
      },
    ],
  };
}

const partText = (part: DescribedPart, ctx: Context): string => {
  const title = ctx.issueTitle(part.issue);
  return `${title}: ${part.value}${part.statusQuo ? " (status quo)" : ""}${part.meaning ? ` — ${part.meaning}` : ""}`;
};

function dealSection(ctx: Context): Section {
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

/**
 * Which ratifier binds: the parties blocking the nearest miss when the win-set is empty; else,
 * among the ratifiers other than the two principals, the one with the least room on the most
 * robust package and the one that alone blocks the most packages.
 */
function bindingRatifier(
  w: NonNullable<DealsDocument["winSet"]>,
  parties: readonly string[],
  ctx: Context,
): string | undefined {
  if (w.nearest?.binding.length) {
    return `Who blocks: ${w.nearest.binding
      .map((x) => `${ctx.actorName(x.party)} (short by ${x.shortfall.toFixed(3)})`)
      .join(", ")} would still reject the nearest package.`;
  }
  const ratifier = (party: string) => !parties.includes(party);
  if (!w.required.some(ratifier)) {
    return "No ratifier beyond the two principals has to consent to these packages.";
  }
  const vetoes = (w.vetoes ?? []).filter((v) => v.soleVetoes > 0 && ratifier(v.party));
  const tightest = w.robust?.slacks
    ?.filter((x) => ratifier(x.party))
    .reduce<{ party: string; slack: number } | undefined>(
      (x, y) => (x === undefined || y.slack < x.slack ? y : x),
      undefined,
    );
  const parts: string[] = [];
  if (tightest) {
    parts.push(
      `on the most robust package the tightest ratifier is ${ctx.actorName(tightest.party)} (gain ${tightest.slack.toFixed(3)} over no deal)`,
    );
  } else if (w.robust) {
    parts.push("the most robust package needs no ratifier beyond the two principals");
  }
  if (vetoes.length) {
    const top = vetoes.reduce((x, y) => (y.soleVetoes > x.soleVetoes ? y : x));
    parts.push(
      `of the other ratifiers, ${ctx.actorName(top.party)} alone blocks the most packages (${top.soleVetoes.toLocaleString("en-GB")} that every other required party accepts)`,
    );
  }
  return parts.length ? `Which ratifier binds: ${parts.join("; ")}.` : undefined;
}

function offersSection(ctx: Context): Section {
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

/** The input with the largest one-at-a-time swing relative to its issue's scale (lead model). */
function topSwing(ctx: Context) {
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

function sensitivitySection(ctx: Context): Section {
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

function modelsSection(ctx: Context): Section {
  const { d } = ctx;
  const pct = (x: number) => (x * 100).toFixed(0);
  const simulated = new Set(d.models.map((m) => m.id));
  return {
    id: "models",
    title: "Models and their record on real decisions",
    blocks: [
      ...(d.calibration === "shipped"
        ? []
        : [
            p([
              d.calibration === "none"
                ? "This report adds no model error (calibration none): its ranges cover the inputs' uncertainty only, and real outcomes fall outside such ranges far more often than their level says. The record below is that of the shipped calibration, which this report does not use."
                : `This report uses another calibration (${d.simulation.calibration}); its record is not shown here (measure it with \`entente backtest\`). The record below is that of the shipped calibration, for comparison.`,
            ]),
          ]),
      p([
        `With the shipped calibration, each model's forecast is turned into a distribution with its own error on real outcomes: the DEU III data set of EU legislative decisions (${d.evidence.source}). The shipped calibration was fitted on half of the decisions; the scores below are on the other half, which it never saw (${d.evidence.split}). Coverage is the share of real outcomes inside the 50 / 80 / 95 % ranges; well calibrated means close to 50 / 80 / 95. CRPS is lower for sharper, better-placed distributions; the baseline is one global error band around the same forecast. A negotiation outside EU legislation may err differently, so applying this error to it is a transfer, not a guarantee.`,
      ]),
      {
        kind: "table",
        caption: `Models (simulated: ${d.models.map((m) => m.label).join(", ")}) and their held-out scores on DEU III with the shipped calibration`,
        head: [
          "Model",
          "reference",
          "n",
          "mean abs. error",
          "coverage 50 / 80 / 95 %",
          "80 % width",
          "CRPS (baseline)",
        ],
        numeric: [false, false, true, true, true, true, true],
        rows: d.forecast.models
          .filter((m) => m.unavailable === undefined)
          .map((m) => {
            const e = d.evidence.models.find((x) => x.model === m.id);
            return [
              [simulated.has(m.id) ? { strong: m.label } : m.label],
              [m.reference ?? ""],
              [e ? String(e.n) : "–"],
              [e ? e.mae.toFixed(1) : "–"],
              [
                e
                  ? `${pct(e.coverage["50"])} / ${pct(e.coverage["80"])} / ${pct(e.coverage["95"])}`
                  : "–",
              ],
              [e ? e.width80.toFixed(0) : "–"],
              [e ? `${e.crps.toFixed(1)} (${e.baselineCrps.toFixed(1)})` : "–"],
            ];
          }),
      },
    ],
  };
}

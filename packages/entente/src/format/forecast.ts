import {
  type Calibration,
  type ExchangeRecord,
  expectedTrades,
  type ForecastModel,
  type ForecastTable,
  forecastOutcomes,
  forecastTableOf,
  type IssueForecastRow,
  issueHeadline,
  type ModelSteps,
  modelSteps,
  models,
  type OutcomeForecasts,
  type PhaseStep,
  percent,
  phaseData,
  type Scenario,
  type ScenarioData,
} from "@entente/core";
import { decimalsFor, fixed, plain } from "./number.ts";
import { exchangeLines } from "./run.ts";

/** Output formats of `entente forecast`. */
export const FORECAST_FORMATS = ["table", "json", "csv", "md"] as const;
export type ForecastFormat = (typeof FORECAST_FORMATS)[number];

/** What `entente forecast` prints: point forecasts, and their calibrated outcome distributions. */
export interface ForecastDocument extends ForecastTable {
  /** The calibration behind the ranges, in one line, or null without one. */
  calibration: string | null;
  /** Whether phases were checked for agreement. */
  agreement: boolean;
  /** Outcome distributions and each phase's chance of agreement. */
  outcomes: OutcomeForecasts;
  /**
   * The trades the exchange model expects (one round, every actor at the table), when it ran:
   * the model's account of what each actor can offer another.
   */
  trades?: ExchangeRecord[];
}

/** How many trades the text and Markdown forecasts list (all are in the JSON). */
const TRADES_SHOWN = 8;

/** A calibration in one line, for documents and tables (null for none). */
export function calibrationLine(calibration: Calibration | null): string | null {
  if (!calibration) return null;
  const p = calibration.provenance;
  const dataset = p.reference.split(":")[0]?.trim() || p.data;
  return `calibration of ${p.date} on ${dataset} (${p.data}, ${p.capability} capability)`;
}

/** Run options for a forecast document: the steps' forecasts are all it reads. */
export const FORECAST_ONLY = { forecastOnly: true } as const;

/**
 * The forecast document of `entente forecast` and `POST /api/scenarios/:id/forecast`: every
 * model's point forecast (through the phases unless `phases` is false) and its outcome
 * distribution under `calibration` (null: none), with phases checked for agreement unless
 * `agreement` is false.
 */
export function forecastDocument(
  scenario: Scenario,
  data: ScenarioData,
  options: {
    phases: boolean;
    calibration: Calibration | null;
    agreement: boolean;
    /** Every registered model's run, when already made (e.g. on the worker pool by `runModels`). */
    runs?: readonly ModelSteps[];
  },
): ForecastDocument {
  const phases = options.phases ? phaseData(scenario.phases, data) : [];
  const steps = new Map<string, PhaseStep[]>();
  const runs =
    options.runs ?? models.map((model) => modelSteps(model, data, phases, FORECAST_ONLY));
  for (const run of runs) if (run.steps) steps.set(run.model, run.steps);
  const table = forecastTableOf(data, models, runs, phases);
  const { phases: _, ...withoutPhases } = scenario;
  const outcomes = forecastOutcomes(
    {
      scenario: options.phases ? scenario : withoutPhases,
      models: table.models.filter((m) => m.unavailable === undefined).map((m) => m.id),
      calibration: options.calibration,
      agreement: options.agreement,
    },
    steps,
  );
  const exchange = table.models.some((m) => m.id === "exchange" && m.unavailable === undefined);
  const trades = exchange ? expectedTrades(data) : undefined;
  return {
    ...table,
    calibration: calibrationLine(options.calibration),
    agreement: options.agreement,
    outcomes,
    ...(trades ? { trades } : {}),
  };
}

/** The expected trades as lines, under a heading that says where the rest are. */
function tradeLines(doc: ForecastDocument, scenario: Scenario): string[] {
  if (!doc.trades) return [];
  const issues = scenario.issues.map((i) => ({ ...i, min: i.scale.min, max: i.scale.max }));
  const [, ...list] = exchangeLines(doc.trades, { actors: scenario.actors, issues }, TRADES_SHOWN);
  return [
    `Trades the exchange model expects (every actor at the table, one round; all of them: \`entente run --model exchange -f table\`):`,
    ...(doc.trades.length === 0 ? ["  none: no two actors gain by trading positions."] : list),
  ];
}

/** Render a forecast in one of {@link FORECAST_FORMATS}. */
export function formatForecast(
  doc: ForecastDocument,
  format: ForecastFormat,
  scenario: Scenario,
): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(doc, null, 2)}\n`;
    case "csv":
      return forecastCsv(doc);
    case "md":
      return forecastMarkdown(doc, scenario);
    default:
      return forecastText(doc, scenario);
  }
}

/** The headline of issue k from the lead model (the first that has an outcome for it). */
export function headlineOf(
  doc: ForecastDocument,
  scenario: Scenario,
  k: number,
): string | undefined {
  const issue = scenario.issues[k];
  const outcomes = doc.outcomes.issues[k]?.models ?? {};
  // The lead model: the first with an outcome distribution — calibrated, or mixed with the
  // status quo by the agreement check (a bare point forecast gets no headline).
  const checked = doc.outcomes.phases.length > 0;
  const lead = doc.models.find(
    (m) => outcomes[m.id]?.calibrated === true || (checked && outcomes[m.id]),
  );
  const o = lead ? outcomes[lead.id] : undefined;
  if (!issue || !lead || !o) return undefined;
  const row = doc.issues[k] as IssueForecastRow;
  return `${issueHeadline(
    issue,
    {
      bands: o.bands,
      median: o.median,
      interval80: o.intervals["80"],
      statusQuoHolds: checked ? o.statusQuoHolds : undefined,
    },
    decimalsFor(row.max - row.min),
  )} [${lead.label}]`;
}

const TRACK = 41;

/** One block per issue: scale ends, a track with every forecast marked, and the numbers. */
function forecastText(table: ForecastDocument, scenario: Scenario): string {
  const lines = [`${table.title}  [${table.scenario}]`];
  if (table.phases.length > 0) {
    lines.push(
      `Through the scenario's phases: ${table.phases.join(" → ")} (--no-phases: all actors at once)`,
    );
  }
  if (table.outcomes.phases.length > 0) {
    lines.push(
      `Chance each phase ends in an agreement (win-set check at central values): ${table.outcomes.phases
        .map((p) => `${p.phase} ${percent(p.probability)}`)
        .join(", ")}`,
    );
  }
  lines.push("");
  const shown = table.models.filter((m) => m.unavailable === undefined);
  const names = ["status quo", ...shown.map((m) => m.label), "spread between models"];
  const pad = Math.max(...names.map((n) => n.length)) + 6;
  const taken = new Set(["S"]);
  const marks = shown.map((m, k) => markFor(m.label, k, taken));
  for (const [k, row] of table.issues.entries()) {
    const d = decimalsFor(row.max - row.min);
    const unit = row.unit ? ` ${row.unit}` : "";
    lines.push(`${row.title}  [${row.issue}, ${plain(row.min)}–${plain(row.max)}${unit}]`);
    const headline = headlineOf(table, scenario, k);
    if (headline) lines.push(`  ${headline}`);
    lines.push(`  ${fixed(row.min, d).padStart(8)}  ${row.minLabel}`);
    lines.push(`  ${fixed(row.max, d).padStart(8)}  ${row.maxLabel}`);
    lines.push(`            ${track(row, shown, marks)}`);
    lines.push(`  ${"status quo (S)".padEnd(pad)}${fixed(row.statusQuo, d).padStart(8)}`);
    for (const [j, m] of shown.entries()) {
      const name = `${m.label} (${marks[j]})`;
      const o = table.outcomes.issues[k]?.models[m.id];
      const range =
        o && (o.calibrated || table.outcomes.phases.length > 0)
          ? `   80 %: ${fixed(o.intervals["80"][0], d)}–${fixed(o.intervals["80"][1], d)}`
          : "";
      const why = row.unavailable?.[m.id];
      lines.push(
        `  ${name.padEnd(pad)}${fixed(row.forecasts[m.id], d).padStart(8)}${unit}${range}${why ? `   (${why})` : ""}`,
      );
    }
    lines.push(`  ${"spread between models".padEnd(pad)}${fixed(row.spread, d).padStart(8)}`);
    lines.push("");
  }
  const calibrated = table.outcomes.issues.some((i) =>
    Object.values(i.models).some((o) => o.calibrated),
  );
  if (calibrated || table.outcomes.phases.length > 0) {
    lines.push(
      `80 % ranges: ${calibrated ? `each model's error learned from real outcomes (${table.calibration ?? "a calibration file"}; \`entente backtest deu3\` shows how often such ranges held)` : "no model error (--calibration none)"}${table.outcomes.phases.length > 0 ? ", mixed with the status quo where no phase agrees — so a point forecast can fall outside its own range" : ""}.`,
      "",
    );
  }
  const uncalibrated = shown.filter((m) =>
    table.outcomes.issues.every((i) => i.models[m.id]?.calibrated !== true),
  );
  if (calibrated && uncalibrated.length > 0) {
    lines.push(
      `No calibration for ${uncalibrated.map((m) => m.label).join(", ")}: no model error in ${uncalibrated.length > 1 ? "their" : "its"} ranges.`,
      "",
    );
  }
  for (const p of table.outcomes.unchecked) {
    lines.push(`Phase ${p.phase} is not checked for agreement: ${p.reason}.`);
  }
  if (table.outcomes.unchecked.length > 0) lines.push("");
  const trades = tradeLines(table, scenario);
  if (trades.length > 0) lines.push(...trades, "");
  lines.push("Models:");
  for (const m of shown) lines.push(`  ${m.label}: ${m.reference}`);
  for (const m of table.models.filter((x) => x.unavailable !== undefined)) {
    lines.push(`  ${m.label}: not run — ${m.unavailable}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * A one-character mark per model: its initial, else another letter of its first word
 * (Exchange → X when E is taken), else a digit (S is the status quo).
 */
function markFor(label: string, k: number, taken: Set<string>): string {
  const word = (/^[A-Za-z]+/.exec(label)?.[0] ?? "").toUpperCase();
  const mark = [...word].find((c) => !taken.has(c)) ?? String((k + 1) % 10);
  taken.add(mark);
  return mark;
}

/** `|····S····C·W·····|`: where the status quo and each forecast fall on the scale. */
function track(row: IssueForecastRow, models: ForecastModel[], marks: string[]): string {
  const cells = Array.from({ length: TRACK }, () => "·");
  const cell = (x: number) =>
    Math.max(
      0,
      Math.min(TRACK - 1, Math.round(((x - row.min) / (row.max - row.min)) * (TRACK - 1))),
    );
  for (const [k, m] of models.entries()) {
    const x = row.forecasts[m.id];
    if (x === undefined || !Number.isFinite(x)) continue;
    const i = cell(x);
    cells[i] = cells[i] === "·" ? (marks[k] as string) : "*";
  }
  // The status quo stays visible where forecasts coincide with it (their numbers are listed).
  if (row.statusQuo !== undefined && Number.isFinite(row.statusQuo))
    cells[cell(row.statusQuo)] = "S";
  return `|${cells.join("")}|`;
}

function forecastCsv(table: ForecastDocument): string {
  const ranged = table.models.filter((m) =>
    table.outcomes.issues.some((i) => i.models[m.id] !== undefined),
  );
  const header = [
    "issue",
    "title",
    "min",
    "max",
    "unit",
    "min_label",
    "max_label",
    "status_quo",
    ...table.models.map((m) => m.id),
    "spread",
    ...ranged.flatMap((m) => [`${m.id}_80_low`, `${m.id}_80_high`]),
  ];
  const rows = table.issues.map((r, k) => [
    r.issue,
    r.title,
    r.min,
    r.max,
    r.unit ?? "",
    r.minLabel,
    r.maxLabel,
    r.statusQuo ?? "",
    ...table.models.map((m) => r.forecasts[m.id] ?? ""),
    r.spread,
    ...ranged.flatMap((m): Array<string | number> => {
      const i = table.outcomes.issues[k]?.models[m.id]?.intervals["80"];
      return i ? [i[0], i[1]] : ["", ""];
    }),
  ]);
  return `${[header, ...rows].map((row) => row.map(csvField).join(",")).join("\n")}\n`;
}

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function forecastMarkdown(table: ForecastDocument, scenario: Scenario): string {
  const shown = table.models.filter((m) => m.unavailable === undefined);
  const header = ["Issue", "Scale", "Status quo", ...shown.map((m) => m.label), "Spread"];
  const cell = (s: string) => s.replaceAll("|", "\\|");
  const rows = table.issues.map((r) => {
    const d = decimalsFor(r.max - r.min);
    const unit = r.unit ? ` ${r.unit}` : "";
    return [
      cell(r.title),
      cell(`${plain(r.min)}${unit} = ${r.minLabel} … ${plain(r.max)}${unit} = ${r.maxLabel}`),
      fixed(r.statusQuo, d),
      ...shown.map((m) => fixed(r.forecasts[m.id], d)),
      fixed(r.spread, d),
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const headlines = table.issues.flatMap((r, k) => {
    const h = headlineOf(table, scenario, k);
    return h ? [`- **${cell(r.title)}:** ${h}`] : [];
  });
  return `${[
    `## ${cell(table.title)}`,
    "",
    ...(headlines.length > 0 ? [...headlines, ""] : []),
    line(header),
    line(header.map((_, i) => (i < 2 ? "---" : "---:"))),
    ...rows.map(line),
    ...tradeMarkdown(table, scenario),
  ].join("\n")}\n`;
}

/** The expected trades as a Markdown list. */
function tradeMarkdown(table: ForecastDocument, scenario: Scenario): string[] {
  const [heading, ...items] = tradeLines(table, scenario);
  if (heading === undefined) return [];
  return [
    "",
    `**${heading.replace(/:$/, "")}**`,
    "",
    ...items.map((l) => `- ${l.trim().replace(/^\d+\. /, "")}`),
  ];
}

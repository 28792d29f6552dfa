import {
  type Calibration,
  type ForecastModel,
  type ForecastTable,
  forecastOutcomes,
  forecastScenario,
  type IssueForecastRow,
  issueHeadline,
  type OutcomeForecasts,
  type PhaseStep,
  percent,
  phaseData,
  type Scenario,
  type ScenarioData,
} from "@entente/core";
import { decimalsFor, fixed, plain } from "./number.ts";

/** Output formats of `entente forecast`. */
export const FORECAST_FORMATS = ["table", "json", "csv", "md"] as const;
export type ForecastFormat = (typeof FORECAST_FORMATS)[number];

/** What `entente forecast` prints: point forecasts, and their calibrated outcome distributions. */
export interface ForecastDocument extends ForecastTable {
  /** Outcome distributions and phase agreement (absent with `--calibration none --no-agreement`). */
  outcomes: OutcomeForecasts;
}

/**
 * The forecast document of `entente forecast` and `POST /api/scenarios/:id/forecast`: every
 * model's point forecast (through the phases unless `phases` is false) and its outcome
 * distribution under `calibration` (null: none), with phases checked for agreement unless
 * `agreement` is false.
 */
export function forecastDocument(
  scenario: Scenario,
  data: ScenarioData,
  options: { phases: boolean; calibration: Calibration | null; agreement: boolean },
): ForecastDocument {
  const phases = options.phases ? phaseData(scenario.phases, data) : [];
  const steps = new Map<string, PhaseStep[]>();
  const table = forecastScenario(data, undefined, undefined, phases, (id, s) => steps.set(id, s));
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
  return { ...table, outcomes };
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
      return forecastMarkdown(doc);
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
  // The lead model: the first with a calibrated outcome (without model error the "range" is a
  // point, and no headline is given).
  const lead = doc.models.find((m) => outcomes[m.id]?.calibrated === true);
  const o = lead ? outcomes[lead.id] : undefined;
  if (!issue || !lead || !o) return undefined;
  const row = doc.issues[k] as IssueForecastRow;
  return `${issueHeadline(
    issue,
    {
      bands: o.bands,
      interval80: o.intervals["80"],
      statusQuoHolds: doc.outcomes.phases.length > 0 ? o.statusQuoHolds : undefined,
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
      const range = o?.calibrated
        ? `   80 %: ${fixed(o.intervals["80"][0], d)}–${fixed(o.intervals["80"][1], d)}`
        : "";
      lines.push(
        `  ${name.padEnd(pad)}${fixed(row.forecasts[m.id], d).padStart(8)}${unit}${range}`,
      );
    }
    lines.push(`  ${"spread between models".padEnd(pad)}${fixed(row.spread, d).padStart(8)}`);
    lines.push("");
  }
  if (table.outcomes.issues.some((i) => Object.values(i.models).some((o) => o.calibrated))) {
    lines.push(
      "80 % ranges: each model's error learned from real outcomes (DEU III, `entente backtest deu3`), mixed with the status quo where no phase agrees; `--calibration none` for point forecasts only.",
      "",
    );
  }
  lines.push("Models:");
  for (const m of shown) lines.push(`  ${m.label}: ${m.reference}`);
  for (const m of table.models.filter((x) => x.unavailable !== undefined)) {
    lines.push(`  ${m.label}: not run — ${m.unavailable}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A one-character mark per model: its initial, or a digit when taken (S is the status quo). */
function markFor(label: string, k: number, taken: Set<string>): string {
  const letter = label[0]?.toUpperCase() ?? "?";
  const mark = taken.has(letter) ? String((k + 1) % 10) : letter;
  taken.add(mark);
  return mark;
}

/** `|····S····C·W·····|`: where the status quo and each forecast fall on the scale. */
function track(row: IssueForecastRow, models: ForecastModel[], marks: string[]): string {
  const cells = Array.from({ length: TRACK }, () => "·");
  const put = (x: number | undefined, mark: string) => {
    if (x === undefined || !Number.isFinite(x)) return;
    const at = Math.round(((x - row.min) / (row.max - row.min)) * (TRACK - 1));
    const i = Math.max(0, Math.min(TRACK - 1, at));
    cells[i] = cells[i] === "·" ? mark : "*";
  };
  put(row.statusQuo, "S");
  for (const [k, m] of models.entries()) put(row.forecasts[m.id], marks[k] as string);
  return `|${cells.join("")}|`;
}

function forecastCsv(table: ForecastTable): string {
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
  ];
  const rows = table.issues.map((r) => [
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
  ]);
  return `${[header, ...rows].map((row) => row.map(csvField).join(",")).join("\n")}\n`;
}

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function forecastMarkdown(table: ForecastTable): string {
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
  return `${[
    `## ${cell(table.title)}`,
    "",
    line(header),
    line(header.map((_, i) => (i < 2 ? "---" : "---:"))),
    ...rows.map(line),
  ].join("\n")}\n`;
}

import type { ForecastModel, ForecastTable, IssueForecastRow } from "@entente/core";
import { decimalsFor, fixed, plain } from "./number.ts";

/** Output formats of `entente forecast`. */
export const FORECAST_FORMATS = ["table", "json", "csv", "md"] as const;
export type ForecastFormat = (typeof FORECAST_FORMATS)[number];

/** Render a forecast table in one of {@link FORECAST_FORMATS}. */
export function formatForecast(table: ForecastTable, format: ForecastFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(table, null, 2)}\n`;
    case "csv":
      return forecastCsv(table);
    case "md":
      return forecastMarkdown(table);
    default:
      return forecastText(table);
  }
}

const TRACK = 41;

/** One block per issue: scale ends, a track with every forecast marked, and the numbers. */
function forecastText(table: ForecastTable): string {
  const lines = [`${table.title}  [${table.scenario}]`];
  if (table.phases.length > 0) {
    lines.push(
      `Through the scenario's phases: ${table.phases.join(" → ")} (--no-phases: all actors at once)`,
    );
  }
  lines.push("");
  const shown = table.models.filter((m) => m.unavailable === undefined);
  const names = ["status quo", ...shown.map((m) => m.label), "spread between models"];
  const pad = Math.max(...names.map((n) => n.length)) + 6;
  const taken = new Set(["S"]);
  const marks = shown.map((m, k) => markFor(m.label, k, taken));
  for (const row of table.issues) {
    const d = decimalsFor(row.max - row.min);
    const unit = row.unit ? ` ${row.unit}` : "";
    lines.push(`${row.title}  [${row.issue}, ${plain(row.min)}–${plain(row.max)}${unit}]`);
    lines.push(`  ${fixed(row.min, d).padStart(8)}  ${row.minLabel}`);
    lines.push(`  ${fixed(row.max, d).padStart(8)}  ${row.maxLabel}`);
    lines.push(`            ${track(row, shown, marks)}`);
    lines.push(`  ${"status quo (S)".padEnd(pad)}${fixed(row.statusQuo, d).padStart(8)}`);
    for (const [k, m] of shown.entries()) {
      const name = `${m.label} (${marks[k]})`;
      lines.push(`  ${name.padEnd(pad)}${fixed(row.forecasts[m.id], d).padStart(8)}${unit}`);
    }
    lines.push(`  ${"spread between models".padEnd(pad)}${fixed(row.spread, d).padStart(8)}`);
    lines.push("");
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

// `entente forecast` as text: per issue the scale's ends, a track with every forecast marked
// and the numbers, then the trades the exchange model expects.
import { type ForecastModel, type IssueForecastRow, percent, type Scenario } from "@entente/core";
import type { ForecastDocument } from "./forecast-document.ts";
import { headlineOf } from "./forecast-headline.ts";
import { decimalsFor, fixed, plain } from "./number.ts";
import { exchangeLines } from "./run.ts";

/** How many trades the text and Markdown forecasts list (all are in the JSON). */
export const TRADES_SHOWN = 8;

/** The expected trades as lines, under a heading that says where the rest are. */
export function tradeLines(doc: ForecastDocument, scenario: Scenario): string[] {
  if (!doc.trades) return [];
  const issues = scenario.issues.map((i) => ({ ...i, min: i.scale.min, max: i.scale.max }));
  const [, ...list] = exchangeLines(doc.trades, { actors: scenario.actors, issues }, TRADES_SHOWN);
  return [
    `Trades the exchange model expects (every actor at the table, one round; all of them: \`entente run --model exchange -f table\`):`,
    ...(doc.trades.length === 0 ? ["  none: no two actors gain by trading positions."] : list),
  ];
}

const TRACK = 41;

/** One block per issue: scale ends, a track with every forecast marked, and the numbers. */
export function forecastText(table: ForecastDocument, scenario: Scenario): string {
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

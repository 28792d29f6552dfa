import type { Scenario } from "@entente/core";
import type { ForecastDocument } from "./forecast-document.ts";
import { headlineOf } from "./forecast-headline.ts";
import { tradeLines } from "./forecast-text.ts";
import { decimalsFor, fixed, plain } from "./number.ts";

export function forecastMarkdown(table: ForecastDocument, scenario: Scenario): string {
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

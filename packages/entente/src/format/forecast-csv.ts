import type { ForecastDocument } from "./forecast-document.ts";

export function forecastCsv(table: ForecastDocument): string {
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

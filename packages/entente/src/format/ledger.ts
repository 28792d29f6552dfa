import { type LedgerQuestion, type LedgerScores, percent, standingForecasts } from "@entente/core";
import type { LedgerVerification } from "../ledger/verify-ledger.ts";

/** `entente ledger list` as text: each question, its standing forecasts and its resolution. */
export function ledgerListTable(questions: readonly LedgerQuestion[]): string {
  if (questions.length === 0)
    return "The ledger is empty: record forecasts with `entente ledger record`.\n";
  const lines: string[] = [];
  for (const q of questions) {
    const r = q.resolution;
    const resolved = r
      ? `resolved ${typeof r.outcome === "boolean" ? (r.outcome ? "yes" : "no") : r.outcome} on ${r.date} (${r.source})`
      : "open";
    lines.push(`${q.question}  [${q.kind}, ${resolved}]`, `  ${q.text}`);
    for (const f of standingForecasts(q.forecasts)) {
      const value =
        f.probability !== undefined ? percent(f.probability) : `median ${f.median?.toFixed(1)}`;
      const count = q.forecasts.filter((x) => x.forecaster === f.forecaster).length;
      lines.push(
        `  ${f.forecaster.padEnd(18)} ${value.padStart(8)}  as of ${f.date}  (#${f.seq}${count > 1 ? `, ${count} forecasts` : ""})`,
      );
    }
    lines.push("");
  }
  return `${lines.join("\n")}`;
}

/** `entente ledger score` as text. */
export function ledgerScoreTable(s: LedgerScores): string {
  const lines = [
    `${s.questions.resolved} of ${s.questions.total} questions resolved; scores by ${s.by}; skill against ${s.reference === "50%" ? "always 50 %" : s.reference}`,
    "",
  ];
  const binary = s.groups.filter((g) => g.binary);
  if (binary.length > 0) {
    lines.push(
      "yes/no questions (Brier = reliability − resolution + uncertainty; log score = mean ln p of what happened)",
      `  ${"forecaster".padEnd(34)}${["n", "Brier", "reliab.", "resol.", "uncert.", "log", "skill"].map((h) => h.padStart(8)).join("")}`,
    );
    for (const g of binary) {
      const b = g.binary as NonNullable<typeof g.binary>;
      const cells = [
        String(b.n),
        b.brier.toFixed(3),
        b.reliability.toFixed(3),
        b.resolution.toFixed(3),
        b.uncertainty.toFixed(3),
        Number.isFinite(b.logScore) ? b.logScore.toFixed(3) : "−∞",
        b.skill === null ? "—" : b.skill.toFixed(3),
      ];
      lines.push(
        `  ${`${g.forecaster} (${g.kind})`.padEnd(34)}${cells.map((c) => c.padStart(8)).join("")}`,
      );
    }
    lines.push("", "calibration (10 bins: forecasts, mean forecast, observed, Wilson 90 %)");
    for (const g of binary) {
      const bins = (g.binary as NonNullable<typeof g.binary>).calibration.filter((b) => b.n > 0);
      lines.push(
        `  ${g.forecaster}: ${bins
          .map(
            (b) =>
              `${percent(b.from)}–${percent(b.to)}: ${b.n}, ${percent(b.meanForecast as number)} → ${percent(b.observed as number)} [${percent((b.interval as [number, number])[0])}, ${percent((b.interval as [number, number])[1])}]`,
          )
          .join("; ")}`,
      );
    }
  }
  const numeric = s.groups.filter((g) => g.numeric);
  if (numeric.length > 0) {
    lines.push("", "numeric questions (mean CRPS on the issue's scale; lower is better)");
    for (const g of numeric) {
      const n = g.numeric as NonNullable<typeof g.numeric>;
      lines.push(
        `  ${`${g.forecaster} (${g.kind})`.padEnd(34)}${String(n.n).padStart(8)}${n.crps.toFixed(2).padStart(8)}`,
      );
    }
  }
  if (binary.length === 0 && numeric.length === 0) {
    lines.push("Nothing to score yet: resolve questions with `entente ledger resolve`.");
  }
  return `${lines.join("\n")}\n`;
}

/** `entente ledger verify` as text. */
export function verificationText(v: LedgerVerification): string {
  return v.ok
    ? `ledger intact: ${v.entries} entries, head ${v.head}\n`
    : `ledger broken at entry ${v.broken?.seq}: ${v.broken?.reason}\n`;
}

import {
  issueHeadline,
  percent,
  pointLabel,
  type Scenario,
  type SimulationPlan,
  type SimulationReport,
  type SimulationSummary,
  scenarioHash,
  simulationReport,
  uncheckedPhases,
} from "@entente/core";
import { calibrationLine } from "./forecast.ts";
import { decimalsFor, fixed } from "./number.ts";

function calibrationNote(doc: SimulationDocument): string {
  return doc.calibration
    ? `model error from ${doc.calibration}`
    : "no model error (--calibration none): input uncertainty only";
}

/** The document `entente simulate` and `entente merge` print as JSON. */
export interface SimulationDocument {
  scenario: string;
  scenarioHash: number;
  samples: number;
  seed: number;
  models: string[];
  distribution: string;
  /** The calibration's provenance in one line, or null with `--calibration none`. */
  calibration: string | null;
  /** Whether phases were checked for agreement. */
  agreement: boolean;
  report: SimulationReport;
}

/** The document of a finished simulation (`entente simulate -f json`, the API's result). */
export function simulationDocument(
  plan: SimulationPlan,
  summary: SimulationSummary,
): SimulationDocument {
  return {
    scenario: plan.scenario.id,
    scenarioHash: scenarioHash(plan.scenario),
    samples: plan.samples,
    seed: plan.seed,
    models: plan.models,
    distribution: plan.distribution ?? "triangular",
    calibration: calibrationLine(plan.calibration ?? null),
    agreement: plan.agreement !== false,
    report: simulationReport(summary),
  };
}

/** A readable summary: per issue a headline, each model's outcome distribution; then phases,
 * questions, the deal check and shocks. */
export function simulationTable(doc: SimulationDocument, scenario: Scenario): string {
  const lines = [
    `${scenario.title}  [${doc.scenario}]`,
    `${doc.samples} samples, seed ${doc.seed}, ranges ${doc.distribution}; ${calibrationNote(doc)}`,
    "",
  ];
  const width = Math.max(...doc.models.map((m) => m.length)) + 2;
  const checked = doc.report.phases.length > 0;
  for (const [k, issue] of doc.report.issues.entries()) {
    const info = scenario.issues[k];
    const scale = info?.scale;
    const d = scale ? decimalsFor(scale.max - scale.min) : 1;
    const unit = scale?.unit ? ` ${scale.unit}` : "";
    lines.push(`${info?.title ?? issue.issue}  [${issue.issue}]`);
    const lead = issue.models.find((m) => m.n > 0);
    if (info && lead) {
      lines.push(
        `  ${issueHeadline(
          info,
          {
            bands: lead.outcome.bands,
            median: lead.outcome.median,
            interval80: lead.outcome.intervals["80"],
            statusQuoHolds: checked ? lead.outcome.statusQuoHolds : undefined,
          },
          d,
        )} [${lead.model}]`,
      );
    }
    if (scale)
      lines.push(
        `  ${fixed(scale.min, d)} = ${scale.minLabel}; ${fixed(scale.max, d)} = ${scale.maxLabel}`,
      );
    lines.push(
      `  ${"model".padEnd(width)}${"forecast".padStart(9)}${"median".padStart(8)}   ${"50 %".padEnd(15)}${"80 %".padEnd(15)}95 %`,
    );
    for (const m of issue.models) {
      const o = m.outcome;
      const range = (r: [number, number]) => `${fixed(r[0], d)}–${fixed(r[1], d)}`.padEnd(15);
      const failed = m.failed ? `  (${m.failed} samples could not run)` : "";
      lines.push(
        `  ${m.model.padEnd(width)}${fixed(m.mean, d).padStart(9)}${fixed(o.median, d).padStart(8)}   ${range(o.intervals["50"])}${range(o.intervals["80"])}${range(o.intervals["95"]).trimEnd()}${unit}${failed}`,
      );
    }
    lines.push("  named outcomes (the stretch of the scale nearest each label):");
    for (const [j, band] of (lead?.outcome.bands ?? []).entries()) {
      const label = info ? pointLabel(info, band.at) : "";
      const cells = issue.models
        .map((m) => percent(m.outcome.bands[j]?.probability ?? Number.NaN).padStart(8))
        .join("");
      lines.push(
        `  ${`${fixed(band.from, d)}–${fixed(band.to, d)}`.padEnd(width)}${cells}  ${label}`,
      );
    }
    const thresholds = lead?.outcome.atLeast ?? [];
    if (thresholds.length > 0) lines.push("  at least:");
    for (const [j, t] of thresholds.entries()) {
      const mark = scale?.marks?.find((x) => x.at === t.threshold)?.label;
      const cells = issue.models
        .map((m) => percent(m.outcome.atLeast[j]?.probability ?? Number.NaN).padStart(8))
        .join("");
      lines.push(
        `  ${`≥ ${fixed(t.threshold, d)}`.padEnd(width)}${cells}${mark ? `  ${mark}` : ""}`,
      );
    }
    if (checked) {
      lines.push(
        `  ${"status quo holds".padEnd(width)}${issue.models.map((m) => percent(m.outcome.statusQuoHolds).padStart(8)).join("")}`,
      );
    }
    lines.push(`  (columns: ${issue.models.map((m) => m.model).join(", ")})`);
    if (issue.models.length > 1) {
      lines.push(`  mean spread between model forecasts ${fixed(issue.meanSpread, d)}`);
    }
    lines.push("");
  }
  if (checked) {
    lines.push(
      "Agreement in each phase (some package every party it needs prefers to the status quo; ± Monte Carlo standard error in percentage points):",
    );
    for (const p of doc.report.phases) {
      const title = scenario.phases?.find((x) => x.id === p.phase)?.title ?? "";
      lines.push(
        `  ${p.phase.padEnd(20)}${percent(p.probability).padStart(8)}  ± ${(p.se * 100).toFixed(2)}  ${title}`,
      );
    }
    lines.push("");
  }
  if (doc.agreement) {
    for (const p of uncheckedPhases(scenario)) {
      lines.push(`Phase ${p.phase} is not checked for agreement: ${p.reason}.`);
    }
  }
  if (doc.report.questions.length > 0) {
    lines.push(
      "Questions (probability per model ± Monte Carlo standard error in percentage points; the sources' own figures):",
    );
    for (const q of doc.report.questions) {
      const info = scenario.questions?.find((x) => x.id === q.question);
      lines.push(`  ${info?.title ?? q.question}  [${q.question}]`);
      lines.push(
        `    ${q.models.map((m) => `${m.model} ${percent(m.probability)} ± ${(m.se * 100).toFixed(2)}`).join("; ")}`,
      );
      for (const e of info?.estimates ?? []) {
        lines.push(`    ${e.source} says ${percent(e.probability)}${e.note ? ` (${e.note})` : ""}`);
      }
    }
    lines.push("");
  }
  const deal = doc.report.deal;
  if (deal) {
    const [a, b] = deal.between;
    lines.push(
      `Deal: in ${(deal.probability * 100).toFixed(1)} % of samples some package (${deal.grid} points per issue) is preferred to no deal by both ${a} and ${b}`,
      "",
    );
  }
  for (const shock of doc.report.shocks) {
    lines.push(
      `Shock ${shock.shock}: happened in ${(shock.frequency * 100).toFixed(1)} % of samples; moves forecasts by`,
    );
    for (const e of shock.effect) {
      if (!Number.isFinite(e.shift) || Math.abs(e.shift) < 1e-9) continue;
      lines.push(`  ${e.issue} / ${e.model}: ${e.shift >= 0 ? "+" : ""}${e.shift.toFixed(2)}`);
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

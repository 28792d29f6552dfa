import {
  type Scenario,
  type SimulationPlan,
  type SimulationReport,
  type SimulationSummary,
  scenarioHash,
  simulationReport,
} from "@entente/core";
import { decimalsFor, fixed } from "./number.ts";

/** The document `entente simulate` and `entente merge` print as JSON. */
export interface SimulationDocument {
  scenario: string;
  scenarioHash: number;
  samples: number;
  seed: number;
  models: string[];
  distribution: string;
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
    report: simulationReport(summary),
  };
}

/** A readable summary: per issue and model, mean, 80 % interval, thresholds; then shocks. */
export function simulationTable(doc: SimulationDocument, scenario: Scenario): string {
  const lines = [
    `${scenario.title}  [${doc.scenario}]`,
    `${doc.samples} samples, seed ${doc.seed}, ranges ${doc.distribution}`,
    "",
  ];
  const width = Math.max(...doc.models.map((m) => m.length)) + 2;
  for (const [k, issue] of doc.report.issues.entries()) {
    const info = scenario.issues[k];
    const scale = info?.scale;
    const d = scale ? decimalsFor(scale.max - scale.min) : 1;
    const unit = scale?.unit ? ` ${scale.unit}` : "";
    lines.push(`${info?.title ?? issue.issue}  [${issue.issue}]`);
    if (scale)
      lines.push(
        `  ${fixed(scale.min, d)} = ${scale.minLabel}; ${fixed(scale.max, d)} = ${scale.maxLabel}`,
      );
    lines.push(
      `  ${"model".padEnd(width)}${"mean".padStart(8)}${"median".padStart(8)}   80 % interval`,
    );
    for (const m of issue.models) {
      const [a, b] = m.interval80;
      const failed = m.failed ? `  (${m.failed} samples could not run)` : "";
      lines.push(
        `  ${m.model.padEnd(width)}${fixed(m.mean, d).padStart(8)}${fixed(m.quantiles.p50, d).padStart(8)}   ${fixed(a, d)} – ${fixed(b, d)}${unit}${failed}`,
      );
      for (const t of m.atLeast) {
        const mark = scale?.marks?.find((x) => x.at === t.threshold)?.label;
        lines.push(
          `  ${"".padEnd(width)}P(≥ ${fixed(t.threshold, d)}${mark ? `: ${mark}` : ""}) = ${(t.probability * 100).toFixed(1)} %`,
        );
      }
    }
    lines.push(`  mean spread between models ${fixed(issue.meanSpread, d)}`, "");
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

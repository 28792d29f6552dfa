/**
 * The words of a report: from the computed {@link ReportData} to a {@link Brief} — summary, one
 * section per issue with its headline and charts, the phases, the questions beside the sources'
 * figures, the deal space, what each side can offer, which assumption matters most, the models
 * with their measured accuracy, and the sources. Every input number carries its citations.
 * Each section is built in a module of its own (`*-section.ts`).
 * @module
 */
import type { Brief } from "./brief.ts";
import { p } from "./brief-blocks.ts";
import { briefContext } from "./brief-context.ts";
import { briefSources } from "./brief-sources.ts";
import { briefSummary } from "./brief-summary.ts";
import { dealSection } from "./deal-section.ts";
import { issuesSection } from "./issues-section.ts";
import { modelsSection } from "./models-section.ts";
import { offersSection } from "./offers-section.ts";
import { phasesSection } from "./phases-section.ts";
import { questionsSection } from "./questions-section.ts";
import type { ReportData } from "./report-data.ts";
import { sensitivitySection } from "./sensitivity-section.ts";

/** Build the brief of a report. */
export function buildBrief(d: ReportData, version: string): Brief {
  const { scenario } = d;
  const sources = briefSources(scenario);
  const ctx = briefContext(d);
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
    summary: briefSummary(ctx),
    sections: [
      ...(scenario.description
        ? [{ id: "background", title: "Background", blocks: [p([scenario.description])] }]
        : []),
      issuesSection(ctx),
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

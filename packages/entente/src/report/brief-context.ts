/**
 * What every section of a brief reads: the report's data with the lookups they share (names,
 * titles, model labels, the lead model's outcome on an issue).
 * @module
 */
import { type DistributionReport, inputName, type Scenario } from "@entente/core";
import type { ReportData } from "./report-data.ts";

/** The report's data and the lookups the brief's sections share. */
export interface BriefContext {
  d: ReportData;
  scenario: Scenario;
  /** The lead model: the first one simulated, whose numbers the headlines give. */
  lead: { id: string; label: string };
  actorName: (id: string) => string;
  issueTitle: (id: string) => string;
  /** An uncertain input's label ("usa / territory position") in names and titles. */
  inputName: (input: string) => string;
  label: (modelId: string) => string;
  leadOutcome: (issue: string) => DistributionReport | undefined;
}

/** The context of a report's brief: its data, its lead model and the lookups by id. */
export function briefContext(d: ReportData): BriefContext {
  const lead = d.models[0] ?? { id: "", label: "" };
  const labels = new Map(d.forecast.models.map((m) => [m.id, m.label]));
  const actorName = (id: string) => d.scenario.actors.find((a) => a.id === id)?.name ?? id;
  const issueTitle = (id: string) => d.scenario.issues.find((i) => i.id === id)?.title ?? id;
  return {
    d,
    scenario: d.scenario,
    lead: { id: lead.id, label: lead.label },
    actorName,
    issueTitle,
    label: (id) => labels.get(id) ?? id,
    inputName: (input) => inputName(d.scenario, input),
    leadOutcome: (issue) =>
      d.simulation.report.issues
        .find((i) => i.issue === issue)
        ?.models.find((m) => m.model === lead.id && m.n > 0),
  };
}

import { type IssueForecastRow, issueHeadline, type Scenario } from "@entente/core";
import type { ForecastDocument } from "./forecast-document.ts";
import { decimalsFor } from "./number.ts";

/** The headline of issue k from the lead model (the first that has an outcome for it). */
export function headlineOf(
  doc: ForecastDocument,
  scenario: Scenario,
  k: number,
): string | undefined {
  const issue = scenario.issues[k];
  const outcomes = doc.outcomes.issues[k]?.models ?? {};
  // The lead model: the first with an outcome distribution — calibrated, or mixed with the
  // status quo by the agreement check (a bare point forecast gets no headline).
  const checked = doc.outcomes.phases.length > 0;
  const lead = doc.models.find(
    (m) => outcomes[m.id]?.calibrated === true || (checked && outcomes[m.id]),
  );
  const o = lead ? outcomes[lead.id] : undefined;
  if (!issue || !lead || !o) return undefined;
  const row = doc.issues[k] as IssueForecastRow;
  return `${issueHeadline(
    issue,
    {
      bands: o.bands,
      median: o.median,
      interval80: o.intervals["80"],
      statusQuoHolds: checked ? o.statusQuoHolds : undefined,
    },
    decimalsFor(row.max - row.min),
  )} [${lead.label}]`;
}

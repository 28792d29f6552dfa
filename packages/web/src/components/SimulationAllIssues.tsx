import { fmt } from "@entente/charts";
import { percent, type Scenario } from "@entente/core";
import type { SimulationResult } from "../simulation.ts";
import { NumberHeads } from "./NumberHeads.tsx";

/** Props of {@link SimulationAllIssues}. */
export interface SimulationAllIssuesProps {
  result: SimulationResult;
  scenario: Scenario;
  /** The issue whose details are shown. */
  issue: string;
  onIssue: (id: string) => void;
  /** A model's label by its id. */
  label: (id: string) => string;
}

/** Every issue at a glance: the lead model's median and 80 % interval; choose one for details. */
export function SimulationAllIssues(props: SimulationAllIssuesProps) {
  const { result, scenario, issue, onIssue, label } = props;
  const checked = result.report.phases.length > 0;
  return (
    <table className="data" data-testid="all-issues">
      <caption>
        Every issue: the first model's median and 80 % interval (choose one for its details)
      </caption>
      <thead>
        <tr>
          <th scope="col">Issue</th>
          <th scope="col">Model</th>
          <NumberHeads heads={["median", "80 %", checked && "status quo holds"]} />
        </tr>
      </thead>
      <tbody>
        {result.report.issues.map((entry) => {
          const info = scenario.issues.find((i) => i.id === entry.issue);
          const lead = entry.models.find((m) => m.n > 0);
          return (
            <tr key={entry.issue} className={entry.issue === issue ? "selected" : undefined}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  aria-pressed={entry.issue === issue}
                  onClick={() => onIssue(entry.issue)}
                >
                  {info?.title ?? entry.issue}
                </button>
              </th>
              <td>{lead ? label(lead.model) : "—"}</td>
              <td className="num">{lead ? fmt(lead.outcome.median) : "—"}</td>
              <td className="num">
                {lead
                  ? `${fmt(lead.outcome.intervals["80"][0])}–${fmt(lead.outcome.intervals["80"][1])}`
                  : "—"}
              </td>
              {checked && (
                <td className="num">{lead ? percent(lead.outcome.statusQuoHolds) : "—"}</td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

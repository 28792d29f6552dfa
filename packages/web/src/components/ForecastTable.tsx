import { modelColor } from "@entente/charts";
import {
  issueHeadline,
  type OutcomeForecasts,
  percent,
  type Scenario,
  type ForecastTable as Table,
} from "@entente/core";

/** Forecasts to one decimal, so the columns line up. */
function fixed(x: number | undefined): string {
  return x === undefined || Number.isNaN(x) ? "–" : x.toFixed(1);
}

export interface ForecastTableProps {
  table: Table;
  /** The scenario the table forecasts (for the scale's labels). */
  scenario?: Scenario | undefined;
  /** Calibrated outcome distributions and the phases' chances of agreement. */
  outcomes?: OutcomeForecasts | undefined;
  /** Models whose numbers predate the last drag (shown greyed). */
  stale: ReadonlySet<string>;
  caption: string;
  selected: string | undefined;
  onSelect: (issue: string) => void;
}

/** Every issue's status quo and each model's forecast, side by side, with their spread. */
export function ForecastTable(props: ForecastTableProps) {
  const { table, scenario, outcomes, stale, caption, selected, onSelect } = props;
  const available = table.models.filter((m) => !m.unavailable);
  const unavailable = table.models.filter((m) => m.unavailable);
  const k = scenario?.issues.findIndex((i) => i.id === selected) ?? -1;
  const issue = k >= 0 ? scenario?.issues[k] : undefined;
  const lead = available.find((m) => outcomes?.issues[k]?.models[m.id]);
  const outcome = lead ? outcomes?.issues[k]?.models[lead.id] : undefined;
  return (
    <section className="forecast" aria-labelledby="forecast-title">
      <h2 id="forecast-title">Forecast</h2>
      {issue && outcome && lead && (
        <p className="headline" data-testid="headline">
          <strong>{issue.title}:</strong>{" "}
          {issueHeadline(issue, {
            bands: outcome.bands,
            median: outcome.median,
            interval80: outcome.intervals["80"],
            statusQuoHolds: (outcomes?.phases.length ?? 0) > 0 ? outcome.statusQuoHolds : undefined,
          })}{" "}
          <span className="hint">
            ({lead.label}
            {outcome.calibrated ? ", its error calibrated on DEU III outcomes" : ""})
          </span>
        </p>
      )}
      {outcomes && outcomes.phases.length > 0 && (
        <p className="hint" data-testid="agreement">
          Chance each phase ends in an agreement:{" "}
          {outcomes.phases
            .map((p) => `${p.title || p.phase} ${percent(p.probability)}`)
            .join(" · ")}
        </p>
      )}
      <div className="table-scroll">
        <table className="data forecast-table" data-testid="forecast-table">
          <caption>
            {caption}
            {table.phases.length > 0 && ` · through the phases ${table.phases.join(" → ")}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col" className="num">
                Status quo
              </th>
              {available.map((m) => (
                <th
                  scope="col"
                  key={m.id}
                  className={`num${stale.has(m.id) ? " stale" : ""}`}
                  title={m.reference}
                >
                  <span
                    className="swatch"
                    style={{ background: modelColor(m.id) }}
                    aria-hidden="true"
                  />
                  {m.label}
                </th>
              ))}
              <th scope="col" className="num">
                Spread
              </th>
            </tr>
          </thead>
          <tbody>
            {table.issues.map((row) => (
              <tr key={row.issue} className={row.issue === selected ? "selected" : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    onClick={() => onSelect(row.issue)}
                    aria-pressed={row.issue === selected}
                    title={`${row.minLabel} (${row.min}) … ${row.maxLabel} (${row.max})`}
                  >
                    {row.title}
                  </button>
                </th>
                <td className="num">{fixed(row.statusQuo)}</td>
                {available.map((m) => (
                  <td
                    key={m.id}
                    className={`num${stale.has(m.id) ? " stale" : ""}`}
                    data-issue={row.issue}
                    data-model={m.id}
                  >
                    {fixed(row.forecasts[m.id])}
                  </td>
                ))}
                <td className="num">{fixed(row.spread)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unavailable.length > 0 && (
        <ul className="footnote">
          {unavailable.map((m) => (
            <li key={m.id}>
              {m.label} could not run on this scenario: {m.unavailable}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import type { ForecastTable as Table } from "@entente/core";
import { modelColor } from "../model-colors.ts";

/** Forecasts to one decimal, so the columns line up. */
function fixed(x: number | undefined): string {
  return x === undefined || Number.isNaN(x) ? "–" : x.toFixed(1);
}

export interface ForecastTableProps {
  table: Table;
  /** Models whose numbers predate the last drag (shown greyed). */
  stale: ReadonlySet<string>;
  caption: string;
  selected: string | undefined;
  onSelect: (issue: string) => void;
}

/** Every issue's status quo and each model's forecast, side by side, with their spread. */
export function ForecastTable({ table, stale, caption, selected, onSelect }: ForecastTableProps) {
  const available = table.models.filter((m) => !m.unavailable);
  const unavailable = table.models.filter((m) => m.unavailable);
  return (
    <section className="forecast" aria-labelledby="forecast-title">
      <h2 id="forecast-title">Forecast</h2>
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

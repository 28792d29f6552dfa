import { fmt } from "@entente/charts";
import { type DistributionReport, percent } from "@entente/core";
import { NumberHeads } from "./NumberHeads.tsx";

/** Props of {@link SimulationIntervals}. */
export interface SimulationIntervalsProps {
  /** Each model's distribution on the issue. */
  models: readonly DistributionReport[];
  /** A model's label by its id. */
  label: (id: string) => string;
  /** Phases were checked for agreement (adds the chance the status quo holds). */
  checked: boolean;
}

/**
 * Per model on one issue: the mean point forecast, the outcome's median, its 50 / 80 / 95 %
 * intervals and, when phases were checked, the chance the status quo holds.
 */
export function SimulationIntervals({ models, label, checked }: SimulationIntervalsProps) {
  return (
    <table className="data">
      <caption>Intervals</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <NumberHeads
            heads={["forecast", "median", "50 %", "80 %", "95 %", checked && "status quo holds"]}
          />
        </tr>
      </thead>
      <tbody>
        {models.map((d) => (
          <tr key={d.model}>
            <th scope="row">{label(d.model)}</th>
            <td className="num">{fmt(d.mean)}</td>
            <td className="num">{fmt(d.outcome.median)}</td>
            {(["50", "80", "95"] as const).map((l) => (
              <td className="num" key={l}>
                {fmt(d.outcome.intervals[l][0])}–{fmt(d.outcome.intervals[l][1])}
              </td>
            ))}
            {checked && <td className="num">{percent(d.outcome.statusQuoHolds)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

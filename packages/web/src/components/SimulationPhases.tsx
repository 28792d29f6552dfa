import { percent, type Scenario, type SimulationReport } from "@entente/core";

/** Props of {@link SimulationPhases}. */
export interface SimulationPhasesProps {
  /** Each checked phase's chance of agreement. */
  phases: SimulationReport["phases"];
  scenario: Scenario;
}

/** Each phase's chance of ending in an agreement, ± its Monte Carlo standard error. */
export function SimulationPhases({ phases, scenario }: SimulationPhasesProps) {
  return (
    <table className="data" data-testid="phases">
      <caption>
        Chance each phase ends in an agreement (± its Monte Carlo standard error, in percentage
        points)
      </caption>
      <tbody>
        {phases.map((p) => (
          <tr key={p.phase}>
            <th scope="row">{scenario.phases?.find((x) => x.id === p.phase)?.title ?? p.phase}</th>
            <td className="num">{percent(p.probability)}</td>
            <td className="num hint">± {(p.se * 100).toFixed(2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

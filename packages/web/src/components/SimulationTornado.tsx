import { tornadoPlotOptions, tornadoRows } from "@entente/charts";
import { inputName, type Scenario } from "@entente/core";
import { useMemo } from "react";
import type { SimulationResult } from "../simulation.ts";
import { PlotFigure } from "./PlotFigure.tsx";

/** Props of {@link SimulationTornado}. */
export interface SimulationTornadoProps {
  /** One model's sensitivity on one issue. */
  sensitivity: NonNullable<SimulationResult["sensitivity"]>[number];
  scenario: Scenario;
  /** The model's label. */
  label: string;
}

/** A model's tornado chart: its forecast with each uncertain input at its low and high end. */
export function SimulationTornado({ sensitivity, scenario, label }: SimulationTornadoProps) {
  const rows = tornadoRows(sensitivity);
  const options = useMemo(
    () => tornadoPlotOptions(sensitivity, { label: (input) => inputName(scenario, input) }),
    [sensitivity, scenario],
  );
  return (
    <figure className="chart" data-testid={`tornado-${sensitivity.model}`}>
      <figcaption>
        Tornado for {label}: the forecast with each input at its low and high end
      </figcaption>
      {rows.length > 0 ? (
        <PlotFigure options={options} />
      ) : (
        <p className="hint">No single uncertain input moves this forecast.</p>
      )}
    </figure>
  );
}

import { dealPlotOptions } from "@entente/charts";
import { useMemo } from "react";
import type { DealsDocument } from "../deals.ts";
import { PlotFigure } from "./PlotFigure.tsx";

/**
 * The two parties' utilities: no deal (the status quo), the region both prefer to it, the Pareto
 * frontier, the Nash, Kalai–Smorodinsky and welfare packages, the win-set with its most robust
 * package, and the step-by-step path from the status quo.
 */
export function DealChart({ doc, names }: { doc: DealsDocument; names: [string, string] }) {
  const options = useMemo(() => dealPlotOptions(doc, names), [doc, names]);
  return (
    <figure className="chart" data-testid="deal-chart">
      <PlotFigure options={options} />
      <figcaption>
        Each party's utility (0 = its worst package, 1 = its best), zoomed to the packages that
        matter. Black: the Pareto frontier (no package is better for both). Orange: the path of
        single-issue steps from the status quo towards it.
        {doc.winSet
          ? " Red dots: packages every ratifier accepts (the win-set); the labelled red dot is the most robust package, the one with the most room for all of them."
          : ""}
      </figcaption>
    </figure>
  );
}

import { percent } from "@entente/core";
import * as Plot from "@observablehq/plot";
import type { LedgerScoreTable } from "entente/wire-types";
import { useMemo } from "react";
import { forecasterColor, forecasterModel } from "../ledger/forecaster-color.ts";
import { type ReliabilityPoint, reliabilityPoints } from "../ledger/reliability-points.ts";
import { PlotFigure } from "./PlotFigure.tsx";

/** Props of {@link ReliabilityDiagram}. */
export interface ReliabilityDiagramProps {
  scores: LedgerScoreTable;
  /** The non-model forecasters on the page, for their colours. */
  others: readonly string[];
}

const SYMBOLS = { model: "circle", source: "square", analyst: "triangle" } as const;

function describe(p: ReliabilityPoint): string {
  return `${p.forecaster}: ${p.n} forecast${p.n === 1 ? "" : "s"} in ${percent(p.from)}–${percent(p.to)}, mean ${percent(p.meanForecast)}, happened ${percent(p.observed)} (90 %: ${percent(p.lo)}–${percent(p.hi)})`;
}

/**
 * The reliability (calibration) diagram of the scored yes/no forecasts: per forecaster and
 * forecast bin, the observed frequency against the mean forecast, with its 90 % Wilson interval
 * as a vertical rule, beside the diagonal where a calibrated forecaster's points lie. Draws
 * nothing, and says so, while no yes/no question is resolved.
 */
export function ReliabilityDiagram({ scores, others }: ReliabilityDiagramProps) {
  const points = useMemo(() => reliabilityPoints(scores.groups), [scores]);
  const options = useMemo((): Plot.PlotOptions => {
    const names = [...new Set(points.map((p) => p.forecaster))];
    const kinds = new Map(points.map((p) => [p.forecaster, p.kind]));
    const forecasts = points.reduce((n, p) => n + p.n, 0);
    const short = new Set(names.map(forecasterModel)).size === names.length;
    return {
      width: 560,
      height: 460,
      marginLeft: 52,
      marginBottom: 42,
      ariaLabel: `Reliability diagram: observed frequency against mean forecast, ${forecasts} scored forecasts by ${names.length} forecasters`,
      ariaDescription:
        "Each point is one bin of forecasts: x the mean forecast, y the share that happened, the vertical rule its 90 % Wilson interval; the dashed diagonal is perfect calibration.",
      x: { domain: [0, 1], tickFormat: "%", label: "mean forecast →", grid: true },
      y: { domain: [0, 1], tickFormat: "%", label: "↑ observed frequency", grid: true },
      color: {
        domain: names,
        range: names.map((n) => forecasterColor(n, kinds.get(n) ?? "model", others)),
        legend: true,
        // By model, the names carry the calibration too; the model alone is enough when unique.
        tickFormat: short ? forecasterModel : String,
      },
      symbol: { domain: Object.keys(SYMBOLS), range: Object.values(SYMBOLS) },
      marks: [
        Plot.line(
          [
            [0, 0],
            [1, 1],
          ],
          { stroke: "#888", strokeDasharray: "4,3" },
        ),
        Plot.ruleX(points, {
          x: "meanForecast",
          y1: "lo",
          y2: "hi",
          stroke: "forecaster",
          strokeOpacity: 0.55,
          strokeWidth: 2,
        }),
        Plot.line(points, {
          x: "meanForecast",
          y: "observed",
          z: "forecaster",
          stroke: "forecaster",
          strokeOpacity: 0.45,
        }),
        Plot.dot(points, {
          x: "meanForecast",
          y: "observed",
          fill: "forecaster",
          symbol: "kind",
          r: 5.5,
          stroke: "white",
          title: describe,
        }),
      ],
    };
  }, [points, others]);

  return (
    <figure
      className="chart reliability"
      data-testid="reliability-diagram"
      data-resolved={scores.questions.resolved}
      data-points={points.length}
    >
      <figcaption>
        Reliability: how often what each forecaster gave a given chance happened (bins of 10 points;
        rules: 90 % Wilson intervals; circles: models, squares: sources, triangles: analysts;
        dashed: perfect calibration).
      </figcaption>
      {points.length > 0 ? (
        <PlotFigure options={options} />
      ) : (
        <p className="empty" data-testid="reliability-empty">
          {scores.questions.resolved === 0
            ? "No resolved questions yet: the diagram appears once a yes/no question is resolved."
            : "No resolved yes/no questions yet: only numeric questions are resolved, and they are scored by CRPS."}
        </p>
      )}
    </figure>
  );
}

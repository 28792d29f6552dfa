import type { LedgerQuestion } from "@entente/core";
import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import { forecasterColor } from "../ledger/forecaster-color.ts";
import { PlotFigure } from "./PlotFigure.tsx";

/** Props of {@link ForecastHistory}. */
export interface ForecastHistoryProps {
  question: LedgerQuestion;
  /** The non-model forecasters on the page, for their colours. */
  others: readonly string[];
}

interface HistoryRow {
  forecaster: string;
  /** When it was written (ISO 8601): one point on the x axis per recording. */
  created: string;
  value: number;
  superseded: boolean;
}

/** "2025-11-02T09:14:05.123Z" → "11-02 09:14:05" (UTC), short enough for a tick. */
function tick(created: string): string {
  return `${created.slice(5, 10)} ${created.slice(11, 19)}`;
}

/**
 * A question's forecasts over time: one line per forecaster through its probabilities (or, for
 * a numeric question, its medians), one step per recording in the order they were written to
 * the ledger; corrected forecasts are hollow.
 */
export function ForecastHistory({ question, others }: ForecastHistoryProps) {
  const options = useMemo((): Plot.PlotOptions => {
    const rows: HistoryRow[] = question.forecasts.flatMap((f) => {
      const value = question.kind === "binary" ? f.probability : f.median;
      return value === undefined
        ? []
        : [
            {
              forecaster: f.forecaster,
              created: f.created,
              value,
              superseded: f.superseded,
            },
          ];
    });
    const names = [...new Set(rows.map((r) => r.forecaster))];
    const kinds = new Map(question.forecasts.map((f) => [f.forecaster, f.forecasterKind]));
    const binary = question.kind === "binary";
    const title = (r: HistoryRow) =>
      `${r.forecaster}: ${binary ? `${(r.value * 100).toFixed(1)} %` : r.value.toFixed(1)} (${tick(r.created)} UTC)${r.superseded ? ", corrected later" : ""}`;
    return {
      width: 460,
      height: 150,
      marginLeft: 44,
      ariaLabel: `Forecast history of “${question.text}”`,
      // Recordings evenly spaced in the order written: they often come seconds or months apart.
      x: {
        type: "point",
        domain: [...new Set(rows.map((r) => r.created))].sort(),
        tickFormat: tick,
        label: null,
        inset: 16,
      },
      y: binary
        ? { domain: [0, 1], tickFormat: "%", label: "↑ P(yes)", grid: true }
        : { label: "↑ median", grid: true },
      color: {
        domain: names,
        range: names.map((n) => forecasterColor(n, kinds.get(n) ?? "model", others)),
      },
      marks: [
        Plot.line(rows, { x: "created", y: "value", z: "forecaster", stroke: "forecaster" }),
        Plot.dot(rows, {
          x: "created",
          y: "value",
          stroke: "forecaster",
          fill: "white",
          filter: (r: HistoryRow) => r.superseded,
          title,
        }),
        Plot.dot(rows, {
          x: "created",
          y: "value",
          fill: "forecaster",
          filter: (r: HistoryRow) => !r.superseded,
          title,
        }),
      ],
    };
  }, [question, others]);
  return <PlotFigure options={options} className="plot history-plot" />;
}

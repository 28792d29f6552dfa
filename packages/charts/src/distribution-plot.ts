/**
 * The outcome distributions of one issue: each model's histogram of Monte Carlo outcomes (the
 * predictive distribution, model error and breakdown included), its 80 % interval, median and
 * mean point forecast, one facet per model.
 * @module
 */
import type { DistributionReport } from "@entente/core";
import * as Plot from "@observablehq/plot";
import { fmt } from "./fmt.ts";
import { modelColor } from "./model-colors.ts";

/** One histogram bar, as a share of the model's samples. */
export interface Bin {
  model: string;
  x1: number;
  x2: number;
  share: number;
}

/** A model's histogram of sampled outcomes as bars over the scale. */
export function histogramBins(d: DistributionReport): Bin[] {
  const { min, max, counts } = d.outcome.histogram;
  const width = (max - min) / (counts.length || 1);
  const n = d.n || 1;
  return counts.map((c, b) => ({
    model: d.model,
    x1: min + b * width,
    x2: min + (b + 1) * width,
    share: c / n,
  }));
}

/** What the distribution chart draws. */
export interface DistributionChart {
  /** The scale. */
  min: number;
  max: number;
  /** The models' distributions; those that never ran (n = 0) are left out. */
  models: readonly DistributionReport[];
  /** A model id's display name. */
  label?: (id: string) => string;
  width?: number;
}

/** Observable Plot options: one row per model, bars for the share of samples per bin. */
export function distributionPlotOptions(chart: DistributionChart): Plot.PlotOptions {
  const dists = chart.models.filter((d) => d.n > 0);
  const bins = dists.flatMap(histogramBins);
  const intervals = dists.map((d) => ({
    model: d.model,
    lo: d.outcome.intervals["80"][0],
    hi: d.outcome.intervals["80"][1],
    median: d.outcome.median,
    forecast: d.mean,
  }));
  const width = chart.width ?? 960;
  return {
    width,
    height: 40 + (width < 600 ? 100 : 120) * dists.length,
    marginLeft: 50,
    marginRight: width < 600 ? 90 : 140,
    x: { domain: [chart.min, chart.max], label: "outcome →" },
    y: { label: "↑ share of samples", tickFormat: "%", grid: true },
    fy: { label: null, domain: dists.map((d) => d.model), tickFormat: chart.label ?? String },
    color: { domain: dists.map((d) => d.model), range: dists.map((d) => modelColor(d.model)) },
    marks: [
      Plot.rect(intervals, { x1: "lo", x2: "hi", fy: "model", fill: "#000", fillOpacity: 0.06 }),
      Plot.rectY(bins, {
        x1: "x1",
        x2: "x2",
        y: "share",
        fy: "model",
        fill: "model",
        insetLeft: 0.5,
        insetRight: 0.5,
      }),
      Plot.ruleX(intervals, { x: "lo", fy: "model", stroke: "#333", strokeDasharray: "3,3" }),
      Plot.ruleX(intervals, { x: "hi", fy: "model", stroke: "#333", strokeDasharray: "3,3" }),
      Plot.ruleX(intervals, { x: "median", fy: "model", stroke: "#000", strokeWidth: 1.5 }),
      Plot.tickX(intervals, { x: "forecast", fy: "model", stroke: "#c00", strokeWidth: 2 }),
      Plot.text(intervals, {
        fy: "model",
        frameAnchor: "top-right",
        dy: 4,
        text: (d: { lo: number; median: number; hi: number }) =>
          `80 %: ${fmt(d.lo)}–${fmt(d.hi)} · median ${fmt(d.median)}`,
      }),
      Plot.ruleY([0]),
    ],
  };
}

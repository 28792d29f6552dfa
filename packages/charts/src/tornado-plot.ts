/**
 * The tornado chart: a forecast with each uncertain input at its low and at its high end,
 * largest swing first (one-at-a-time sensitivity).
 * @module
 */
import type { IssueSensitivity } from "@entente/core";
import * as Plot from "@observablehq/plot";
import { modelColor } from "./model-colors.ts";

/** The inputs that move the forecast at all, largest swing first, at most `limit`. */
export function tornadoRows(sensitivity: IssueSensitivity, limit = 12) {
  return sensitivity.tornado.filter((r) => r.swing !== 0).slice(0, limit);
}

/** Observable Plot options for one issue and model's tornado (bars from low-end to high-end forecast). */
export function tornadoPlotOptions(
  sensitivity: IssueSensitivity,
  {
    width = 960,
    limit = 12,
    marginLeft = 320,
    label = (input: string) => input,
  }: {
    width?: number;
    limit?: number;
    marginLeft?: number;
    label?: (input: string) => string;
  } = {},
): Plot.PlotOptions {
  const rows = tornadoRows(sensitivity, limit);
  return {
    width,
    height: 40 + 24 * rows.length,
    marginLeft,
    x: { label: "forecast →", grid: true },
    y: {
      label: null,
      domain: rows.map((r) => r.input),
      tickFormat: (input: string) => {
        const s = label(input);
        return s.length > 48 ? `${s.slice(0, 46)}…` : s;
      },
    },
    marks: [
      Plot.barX(rows, {
        x1: "atLow",
        x2: "atHigh",
        y: "input",
        fill: modelColor(sensitivity.model),
      }),
      Plot.ruleX([sensitivity.base], { stroke: "#000" }),
    ],
  };
}

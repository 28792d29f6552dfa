import type { DistributionReport, IssueSensitivity } from "@entente/core";
import { describe, expect, it } from "vitest";
import { histogramBins } from "./distribution-plot.ts";
import { issuePlotOptions } from "./issue-plot.ts";
import { tornadoPlotOptions, tornadoRows } from "./tornado-plot.ts";

describe("chart data", () => {
  it("histogram bars cover the histogram's range and sum to the share of samples", () => {
    const bins = histogramBins({
      model: "m",
      n: 10,
      outcome: { histogram: { min: 0, max: 100, counts: [2, 3, 5, 0] } },
    } as unknown as DistributionReport);
    expect(bins.map((b) => [b.x1, b.x2])).toEqual([
      [0, 25],
      [25, 50],
      [50, 75],
      [75, 100],
    ]);
    expect(bins.reduce((s, b) => s + b.share, 0)).toBe(1);
  });

  it("a tornado keeps the inputs that move the forecast, largest first, and names them", () => {
    const row = (input: string, swing: number) => ({
      input,
      path: "",
      low: 0,
      high: 1,
      atLow: 50,
      atHigh: 50 + swing,
      swing,
    });
    const s = {
      issue: "i",
      model: "compromise",
      base: 50,
      tornado: [row("a", 9), row("b", -4), row("c", 0)],
      sobol: [],
      variance: Number.NaN,
    } as IssueSensitivity;
    expect(tornadoRows(s).map((r) => r.input)).toEqual(["a", "b"]);
    expect(tornadoRows(s, 1).map((r) => r.input)).toEqual(["a"]);
    const y = tornadoPlotOptions(s, { label: (x) => `input ${x}` }).y as {
      domain: string[];
      tickFormat: (x: string) => string;
    };
    expect(y.domain).toEqual(["a", "b"]);
    expect(y.tickFormat("a")).toBe("input a");
  });

  it("the issue chart bands salience in five steps (drawable without a canvas)", () => {
    const options = issuePlotOptions({
      min: 0,
      max: 100,
      minLabel: "low",
      maxLabel: "high",
      actors: [],
      markers: [],
      maxCapability: 1,
      band: { low: 20, high: 60 },
    });
    expect(options.color).toMatchObject({ type: "quantize", n: 5, domain: [0, 100] });
    expect(options.marks?.length).toBeGreaterThan(0);
  });
});

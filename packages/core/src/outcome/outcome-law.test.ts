import { describe, expect, it } from "vitest";
import { cdfAt } from "../calibration/distribution.ts";
import type { ModelCalibration } from "../calibration/model-calibration.ts";
import { predictive } from "../calibration/predictive-distribution.ts";
import { drawOutcome, lawAtLeastAll, lawDistribution, outcomeLaw } from "./outcome-law.ts";

const calibration: ModelCalibration = {
  n: 4,
  atoms: [0.3],
  residuals: [-1, 0, 1],
  levels: { "50": 0.5, "80": 0.8, "95": 0.95 },
};
const pred = predictive(calibration, {
  forecast: 50,
  min: 0,
  max: 100,
  positions: [40, 70],
  weights: [1, 1],
});

describe("outcomeLaw", () => {
  // Two phases decide the issue: the first agrees with 0.8, the second with 0.5.
  const agree = [0.8, 0.5];
  const law = outcomeLaw(
    [
      { forecast: 30, predictive: undefined },
      { forecast: 50, predictive: pred },
    ],
    10,
    agree,
  );

  it("lets the last phase that agreed decide, else the status quo", () => {
    expect(law.parts.map((p) => p.weight)).toEqual([0.8 * 0.5, 0.5]);
    expect(law.statusQuoWeight).toBeCloseTo(0.2 * 0.5, 15);
  });

  it("gives P(≥ t) and P(> t) at many points at once as its distribution does", () => {
    const d = lawDistribution(law);
    const points = [0, 10, 20, 30, 40, 50, 65, 100];
    const atLeast = new Float64Array(points.length);
    const above = new Float64Array(points.length);
    lawAtLeastAll(law, points, atLeast);
    lawAtLeastAll(law, points, above, true);
    for (const [j, t] of points.entries()) {
      expect(atLeast[j]).toBeCloseTo(1 - cdfAt(d, t, true), 14);
      expect(above[j]).toBeCloseTo(1 - cdfAt(d, t), 14);
    }
  });

  it("draws each part with its weight", () => {
    const n = 10_000;
    let statusQuo = 0;
    let first = 0;
    for (let i = 0; i < n; i++) {
      const x = drawOutcome(law, (i + 0.5) / n, 0.5);
      if (x === 10) statusQuo++;
      if (x === 30) first++;
    }
    expect(statusQuo / n).toBeCloseTo(0.1, 3);
    expect(first / n).toBeCloseTo(0.4, 3);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cdfAt } from "./distribution.ts";
import type { ModelCalibration } from "./model-calibration.ts";
import {
  addPredictiveAtLeast,
  drawPredictive,
  predictive,
  predictiveAtLeast,
  predictiveDistribution,
} from "./predictive-distribution.ts";

const calibration: ModelCalibration = {
  n: 10,
  atoms: [0.4, 0.1],
  residuals: [-1.5, -0.5, 0, 0.25, 2],
  levels: { "50": 0.5, "80": 0.8, "95": 0.95 },
};
const input = {
  forecast: 50,
  min: 0,
  max: 100,
  positions: [20, 40, 40, 90],
  weights: [1, 1, 1, 1],
};

describe("predictive distribution", () => {
  const p = predictive(calibration, input);

  it("puts the calibrated shares on the nearest held positions", () => {
    expect([...p.atomValues]).toEqual([40, 20]); // 40 is 10 away, 20 and 90 are 30 and 40
    expect([...p.atomWeights]).toEqual([0.4, 0.1]);
  });

  it("scales the other errors by the spread of positions, 1/(n+1) of the rest per gap", () => {
    const mean = (20 + 40 + 40 + 90) / 4;
    const sd = Math.sqrt([20, 40, 40, 90].reduce((s, x) => s + (x - mean) ** 2, 0) / 4);
    expect(p.scale).toBeCloseTo(sd, 12);
    // Atoms 0.5; the other 0.5 over the 6 gaps between 0, the 5 scaled errors and 100.
    expect(p.gapWeight).toBeCloseTo(0.5 / 6, 15);
    const d = predictiveDistribution(p);
    expect(cdfAt(d, 100)).toBeCloseTo(1, 14);
    // Uniform within a gap: between the errors 0 and 0.25 (no atom there) the probability
    // rises linearly, half the gap's by its middle.
    const b = 50 + 0.25 * sd;
    expect(cdfAt(d, (50 + b) / 2) - cdfAt(d, 50)).toBeCloseTo(0.5 / 12, 14);
  });

  it("agrees with its distribution at every threshold, and never gives 0 or 1 inside the scale", () => {
    const d = predictiveDistribution(p);
    fc.assert(
      fc.property(fc.double({ min: -10, max: 110, noNaN: true }), (t) => {
        expect(predictiveAtLeast(p, t)).toBeCloseTo(1 - cdfAt(d, t, true), 12);
        expect(predictiveAtLeast(p, t, true)).toBeCloseTo(1 - cdfAt(d, t), 12);
        // (Closer to the ends than 1e-6, 1 − P rounds to 1.)
        if (t > 1e-6 && t < 100 - 1e-6) {
          expect(predictiveAtLeast(p, t)).toBeGreaterThan(0);
          expect(predictiveAtLeast(p, t)).toBeLessThan(1);
        }
      }),
    );
  });

  it("gives every stretch of the scale some probability, however far from the errors", () => {
    // Errors of at most a tenth of the spread: the outer gaps reach out to the scale's ends.
    const narrow = predictive({ ...calibration, residuals: [-0.1, 0, 0.1] }, input);
    for (const [lo, hi] of [
      [0, 5],
      [60, 61],
      [95, 100],
    ] as const) {
      expect(predictiveAtLeast(narrow, lo) - predictiveAtLeast(narrow, hi, true)).toBeGreaterThan(
        0,
      );
    }
  });

  it("sums probabilities at many points in one pass exactly as point by point", () => {
    const points = [0, 10, 20, 35, 40, 50, 62.5, 99, 100];
    const out = new Float64Array(points.length);
    addPredictiveAtLeast(p, points, 0.5, out);
    for (const [j, t] of points.entries()) {
      expect(out[j]).toBeCloseTo(0.5 * predictiveAtLeast(p, t), 15);
    }
  });

  it("draws from its distribution", () => {
    const d = predictiveDistribution(p);
    const n = 20_000;
    const draws = Float64Array.from({ length: n }, (_, i) =>
      drawPredictive(p, (i + 0.5) / n),
    ).sort();
    for (const t of [0, 10, 20, 30, 40, 45, 50, 60, 75, 90, 100]) {
      let below = 0;
      while (below < n && (draws[below] as number) <= t) below++;
      expect(below / n).toBeCloseTo(cdfAt(d, t), 3);
    }
  });
});

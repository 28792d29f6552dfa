import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discreteCdf } from "./discrete-distribution.ts";
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

  it("scales the other errors by the spread of positions and keeps 1/(n+1) for the ends", () => {
    // Positions 20, 40, 40, 90 (equal weights): mean 47.5, sd = √(1418.75/4 … ) — recomputed:
    const mean = (20 + 40 + 40 + 90) / 4;
    const sd = Math.sqrt([20, 40, 40, 90].reduce((s, x) => s + (x - mean) ** 2, 0) / 4);
    expect(p.scale).toBeCloseTo(sd, 12);
    expect(p.residualWeight).toBeCloseTo(0.5 / 6, 15);
    expect(p.endWeight).toBeCloseTo(0.5 / 12, 15);
    const d = predictiveDistribution(p);
    expect(d.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it("agrees with its discrete form at every threshold, and never gives 0 inside the scale", () => {
    const d = predictiveDistribution(p);
    fc.assert(
      fc.property(fc.double({ min: -10, max: 110, noNaN: true }), (t) => {
        expect(predictiveAtLeast(p, t)).toBeCloseTo(1 - discreteCdf(d, t, true), 12);
        expect(predictiveAtLeast(p, t, true)).toBeCloseTo(1 - discreteCdf(d, t), 12);
        if (t > 0 && t <= 100) {
          expect(predictiveAtLeast(p, t)).toBeGreaterThan(0);
          expect(predictiveAtLeast(p, t)).toBeLessThan(1);
        }
      }),
    );
  });

  it("sums probabilities at many points in one pass exactly as point by point", () => {
    const points = [0, 10, 20, 35, 40, 50, 62.5, 99, 100];
    const out = new Float64Array(points.length);
    addPredictiveAtLeast(p, points, 0.5, out);
    for (const [j, t] of points.entries()) {
      expect(out[j]).toBeCloseTo(0.5 * predictiveAtLeast(p, t), 15);
    }
  });

  it("draws each outcome with its weight", () => {
    const d = predictiveDistribution(p);
    const n = 20_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const x = drawPredictive(p, (i + 0.5) / n);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    const expected = new Map<number, number>();
    for (let j = 0; j < d.values.length; j++) {
      const v = d.values[j] as number;
      expected.set(v, (expected.get(v) ?? 0) + (d.weights[j] as number));
    }
    for (const [v, w] of expected) expect((counts.get(v) ?? 0) / n).toBeCloseTo(w, 3);
  });
});

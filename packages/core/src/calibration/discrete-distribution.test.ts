import { describe, expect, it } from "vitest";
import {
  centralInterval,
  centralLevelOf,
  discreteCdf,
  discreteDistribution,
  discreteQuantile,
  mixDiscrete,
} from "./discrete-distribution.ts";

const d = discreteDistribution([30, 10, 20, 20], [0.25, 0.25, 0.25, 0.25]);

describe("discrete distributions", () => {
  it("sorts values with their weights", () => {
    expect([...d.values]).toEqual([10, 20, 20, 30]);
  });

  it("gives P(X ≤ t) and P(X < t)", () => {
    expect(discreteCdf(d, 20)).toBe(0.75);
    expect(discreteCdf(d, 20, true)).toBe(0.25);
    expect(discreteCdf(d, 5)).toBe(0);
    expect(discreteCdf(d, 30)).toBe(1);
  });

  it("reads quantiles as the smallest value whose cumulative weight reaches p", () => {
    expect(discreteQuantile(d, 0)).toBe(10);
    expect(discreteQuantile(d, 0.25)).toBe(10);
    expect(discreteQuantile(d, 0.26)).toBe(20);
    expect(discreteQuantile(d, 0.75)).toBe(20);
    expect(discreteQuantile(d, 1)).toBe(30);
    expect(centralInterval(d, 0.5)).toEqual([10, 20]);
  });

  it("scores an outcome by the smallest central level whose interval holds it", () => {
    // F(20⁻) = 0.25, F(20) = 0.75: the median interval (level 0) already holds 20.
    expect(centralLevelOf(d, 20)).toBe(0);
    // F(30⁻) = 0.75: 30 enters at level 2·0.75 − 1 = 0.5 (then only above it).
    expect(centralLevelOf(d, 30)).toBe(0.5);
    expect(centralLevelOf(d, 10)).toBe(0.5);
    const [lo, hi] = centralInterval(d, 0.5 + 1e-9);
    expect(lo <= 30 && 30 <= hi).toBe(true);
  });

  it("mixes distributions with their weights", () => {
    const point = { values: Float64Array.of(0), weights: Float64Array.of(1) };
    const m = mixDiscrete([
      { distribution: point, weight: 0.2 },
      { distribution: d, weight: 0.8 },
    ]);
    expect(discreteCdf(m, 0)).toBeCloseTo(0.2, 15);
    expect(discreteCdf(m, 20)).toBeCloseTo(0.8, 15);
  });
});

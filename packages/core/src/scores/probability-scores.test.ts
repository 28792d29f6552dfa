import { describe, expect, it } from "vitest";
import { brierScore } from "./brier-score.ts";
import { calibrationTable } from "./calibration-table.ts";
import { logScore } from "./log-score.ts";
import { murphyDecomposition } from "./murphy-decomposition.ts";
import { wilsonInterval } from "./wilson-interval.ts";

// Twenty forecasts, worked by hand: four each at 10, 30, 50, 70 and 90 %, of which 0, 1, 2, 3
// and 4 happened.
//   Brier: 4·0.1² + (0.7² + 3·0.3²) + 4·0.5² + (3·0.3² + 0.7²) + 4·0.1² = 2.6; / 20 = 0.13.
//   Base rate ō = 10/20 = 0.5, so UNC = 0.25.
//   REL = 4·[(0.1−0)² + (0.3−0.25)² + 0 + (0.7−0.75)² + (0.9−1)²] / 20 = 0.10 / 20 = 0.005.
//   RES = 4·[0.5² + 0.25² + 0 + 0.25² + 0.5²] / 20 = 2.5 / 20 = 0.125.  REL − RES + UNC = 0.13.
//   Log score = [8 ln 0.9 + 2 ln 0.3 + 6 ln 0.7 + 4 ln 0.5] / 20 = −8.1634681198 / 20.
//   Wilson 90 % (z = 1.644854, z² = 2.705543) for k of 4: k = 0 → [0, z²/(4 + z²)] = [0, 0.403479].
const p = [
  0.1, 0.1, 0.1, 0.1, 0.3, 0.3, 0.3, 0.3, 0.5, 0.5, 0.5, 0.5, 0.7, 0.7, 0.7, 0.7, 0.9, 0.9, 0.9,
  0.9,
];
const o = [
  ...[false, false, false, false],
  ...[true, false, false, false],
  ...[true, false, true, false],
  ...[true, true, true, false],
  ...[true, true, true, true],
];

describe("probability scores on a hand-worked fixture of 20 forecasts", () => {
  it("Brier score 0.13", () => {
    expect(brierScore(p, o)).toBeCloseTo(0.13, 12);
  });

  it("Murphy's decomposition: REL 0.005, RES 0.125, UNC 0.25, summing to the Brier score", () => {
    const m = murphyDecomposition(p, o);
    expect(m.reliability).toBeCloseTo(0.005, 12);
    expect(m.resolution).toBeCloseTo(0.125, 12);
    expect(m.uncertainty).toBe(0.25);
    expect(Math.abs(m.reliability - m.resolution + m.uncertainty - brierScore(p, o))).toBeLessThan(
      1e-12,
    );
  });

  it("sums to the Brier score within 1e-12 on arbitrary forecasts binned by exact value", () => {
    const q: number[] = [];
    const y: boolean[] = [];
    let s = 7;
    for (let i = 0; i < 500; i++) {
      s = (s * 48271) % 2147483647;
      q.push(Math.round((s / 2147483647) * 20) / 20);
      y.push(s % 3 === 0);
    }
    const m = murphyDecomposition(q, y);
    expect(Math.abs(m.brier - brierScore(q, y))).toBeLessThan(1e-12);
    // Ten equal bins lump different forecasts together, so the identity no longer holds exactly.
    const binned = murphyDecomposition(q, y, { bins: 10 });
    expect(binned.uncertainty).toBe(m.uncertainty);
    expect(binned.reliability).not.toBe(m.reliability);
  });

  it("log score −0.408173", () => {
    expect(logScore(p, o)).toBeCloseTo(-8.1634681198 / 20, 9);
    expect(logScore([0], [true])).toBe(Number.NEGATIVE_INFINITY);
  });

  it("calibration table: five filled bins with observed 0, ¼, ½, ¾, 1 and Wilson 90 % intervals", () => {
    const t = calibrationTable(p, o);
    expect(t).toHaveLength(10);
    const filled = t.filter((b) => b.n > 0);
    expect(filled.map((b) => b.from)).toEqual([0.1, 0.3, 0.5, 0.7, 0.9]);
    expect(filled.map((b) => b.n)).toEqual([4, 4, 4, 4, 4]);
    expect(filled.map((b) => b.observed)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    for (const [i, b] of filled.entries())
      expect(b.meanForecast).toBeCloseTo(p[i * 4] as number, 12);
    const interval = filled.map((b) => b.interval as [number, number]);
    expect(interval[0]?.[0]).toBe(0);
    expect(interval[0]?.[1]).toBeCloseTo(0.403479, 6);
    expect(interval[2]?.[0]).toBeCloseTo(0.1824, 6); // k = 2: (2 + z²/2 − z·√(1 + z²/4)) / (4 + z²)
    expect(interval[4]?.[0]).toBeCloseTo(0.596521, 6);
    expect(interval[4]?.[1]).toBe(1);
    expect(t[0]).toEqual({
      from: 0,
      to: 0.1,
      n: 0,
      meanForecast: null,
      observed: null,
      interval: null,
    });
  });

  it("Wilson intervals stay inside [0, 1] with positive width", () => {
    expect(wilsonInterval(1, 4)[0]).toBeCloseTo(0.057907, 6);
    expect(wilsonInterval(1, 4)[1]).toBeCloseTo(0.643832, 6);
    expect(() => wilsonInterval(5, 4)).toThrow(/k: expected a whole number from 0 to 4, got 5/);
  });

  it("names the bad forecast", () => {
    expect(() => brierScore([0.2, 1.2], [true, false])).toThrow(
      /forecast 1: expected a probability in \[0, 1\], got 1.2/,
    );
    expect(() => brierScore([0.2], [true, false])).toThrow(/equal lengths/);
  });
});

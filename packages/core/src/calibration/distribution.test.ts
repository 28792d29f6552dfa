import { describe, expect, it } from "vitest";
import {
  cdfAt,
  centralInterval,
  centralLevelOf,
  distributionOf,
  mixDistributions,
  quantileAt,
} from "./distribution.ts";

const d = distributionOf([30, 10, 20, 20], [0.25, 0.25, 0.25, 0.25]);

describe("distributions of atoms", () => {
  it("keeps each value once, with its total probability", () => {
    expect([...d.x]).toEqual([10, 20, 30]);
    expect([...d.at]).toEqual([0.25, 0.75, 1]);
  });

  it("gives P(X ≤ t) and P(X < t)", () => {
    expect(cdfAt(d, 20)).toBe(0.75);
    expect(cdfAt(d, 20, true)).toBe(0.25);
    expect(cdfAt(d, 5)).toBe(0);
    expect(cdfAt(d, 25)).toBe(0.75);
    expect(cdfAt(d, 30)).toBe(1);
  });

  it("reads quantiles as the smallest value whose cumulative probability reaches p", () => {
    expect(quantileAt(d, 0)).toBe(10);
    expect(quantileAt(d, 0.25)).toBe(10);
    expect(quantileAt(d, 0.26)).toBe(20);
    expect(quantileAt(d, 0.75)).toBe(20);
    expect(quantileAt(d, 1)).toBe(30);
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
    const m = mixDistributions([
      { distribution: distributionOf([0], [1]), weight: 0.2 },
      { distribution: d, weight: 0.8 },
    ]);
    expect(cdfAt(m, 0)).toBeCloseTo(0.2, 15);
    expect(cdfAt(m, 20)).toBeCloseTo(0.8, 15);
  });
});

describe("distributions with uniform pieces", () => {
  // An atom of 0.2 at 50, 0.5 spread over [0, 50], 0.3 over [50, 80].
  const u = distributionOf(
    [50],
    [0.2],
    [
      { lo: 0, hi: 50, weight: 0.5 },
      { lo: 50, hi: 80, weight: 0.3 },
    ],
  );

  it("rises linearly across a piece and jumps at an atom", () => {
    expect(cdfAt(u, 0)).toBe(0);
    expect(cdfAt(u, 25)).toBeCloseTo(0.25, 15);
    expect(cdfAt(u, 50, true)).toBeCloseTo(0.5, 15);
    expect(cdfAt(u, 50)).toBeCloseTo(0.7, 15);
    expect(cdfAt(u, 65)).toBeCloseTo(0.85, 15);
    expect(cdfAt(u, 80)).toBeCloseTo(1, 15);
  });

  it("inverts it: quantiles inside pieces, and the atom for the probabilities it holds", () => {
    expect(quantileAt(u, 0)).toBe(0);
    expect(quantileAt(u, 0.1)).toBeCloseTo(10, 12);
    expect(quantileAt(u, 0.5)).toBeCloseTo(50, 12);
    expect(quantileAt(u, 0.6)).toBe(50);
    expect(quantileAt(u, 0.85)).toBeCloseTo(65, 12);
    expect(quantileAt(u, 1)).toBeCloseTo(80, 12);
  });

  it("scores an outcome inside a piece by |2F(y) − 1|", () => {
    expect(centralLevelOf(u, 10)).toBeCloseTo(0.8, 15);
    expect(centralLevelOf(u, 65)).toBeCloseTo(0.7, 15);
  });

  it("a piece of zero length is an atom, and mixing keeps pieces as pieces", () => {
    const point = distributionOf([], [], [{ lo: 40, hi: 40, weight: 1 }]);
    expect(cdfAt(point, 40, true)).toBe(0);
    expect(cdfAt(point, 40)).toBe(1);
    const m = mixDistributions([
      { distribution: u, weight: 0.5 },
      { distribution: point, weight: 0.5 },
    ]);
    expect(cdfAt(m, 25)).toBeCloseTo(0.125, 15);
    expect(cdfAt(m, 40)).toBeCloseTo(0.2 + 0.5, 15);
    expect(cdfAt(m, 65)).toBeCloseTo(0.5 * 0.85 + 0.5, 15);
  });
});

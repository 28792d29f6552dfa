import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cdfAt, distributionOf, type Piece } from "../calibration/distribution.ts";
import { crps } from "./crps.ts";

/**
 * CRPS by its definition, ∫ (F(z) − 1{z ≥ y})² dz, by Simpson's rule between consecutive knots
 * and y — exact there, where F is linear and the step constant (the integrand is quadratic).
 */
function crpsByIntegral(d: ReturnType<typeof distributionOf>, y: number): number {
  const cuts = [...new Set([...d.x, y])].sort((a, b) => a - b);
  let sum = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] as number;
    const b = cuts[i + 1] as number;
    const h = a >= y ? 1 : 0;
    const g = (f: number) => (f - h) ** 2;
    const mid = cdfAt(d, (a + b) / 2);
    sum += ((b - a) / 6) * (g(cdfAt(d, a)) + 4 * g(mid) + g(cdfAt(d, b, true)));
  }
  return sum;
}

describe("crps", () => {
  it("is the absolute error for a point forecast", () => {
    expect(crps(distributionOf([7], [1]), 10)).toBe(3);
    expect(crps(distributionOf([7], [1]), 4)).toBe(3);
  });

  it("matches the hand value for two equal atoms", () => {
    // Values 0 and 10, each ½, outcome 0: E|X − y| = 5, ½E|X − X′| = 2.5.
    expect(crps(distributionOf([0, 10], [0.5, 0.5]), 0)).toBe(2.5);
  });

  it("matches the closed form for a uniform distribution", () => {
    // U(0, 1) at y: (y² + (1 − y)²)/2 − 1/6.
    const u = distributionOf([], [], [{ lo: 0, hi: 1, weight: 1 }]);
    for (const y of [0, 0.25, 0.5, 0.9, 1]) {
      expect(crps(u, y)).toBeCloseTo((y * y + (1 - y) ** 2) / 2 - 1 / 6, 14);
    }
    expect(crps(u, 3)).toBeCloseTo(2.5 - 1 / 6, 14); // E|X − 3| − ½E|X − X′|
  });

  it("equals the integral of the squared difference of distribution functions", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 9 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 100 }),
            fc.integer({ min: 0, max: 30 }),
            fc.integer({ min: 1, max: 9 }),
          ),
          { maxLength: 4 },
        ),
        fc.integer({ min: -10, max: 110 }),
        (atoms, spread, y) => {
          const total =
            atoms.reduce((s, [, w]) => s + w, 0) + spread.reduce((s, [, , w]) => s + w, 0);
          const pieces: Piece[] = spread.map(([lo, len, w]) => ({
            lo,
            hi: lo + len,
            weight: w / total,
          }));
          const d = distributionOf(
            atoms.map(([v]) => v),
            atoms.map(([, w]) => w / total),
            pieces,
          );
          expect(crps(d, y)).toBeCloseTo(crpsByIntegral(d, y), 10);
        },
      ),
    );
  });
});

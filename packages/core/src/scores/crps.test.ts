import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discreteCdf, discreteDistribution } from "../calibration/discrete-distribution.ts";
import { crps } from "./crps.ts";

/** CRPS by its definition, ∫ (F(z) − 1{z ≥ y})² dz, integrated exactly between breakpoints. */
function crpsByIntegral(values: number[], weights: number[], y: number): number {
  const d = discreteDistribution(values, weights);
  const cuts = [...new Set([...values, y])].sort((a, b) => a - b);
  let sum = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] as number;
    const b = cuts[i + 1] as number;
    const f = discreteCdf(d, a); // F is constant on [a, b)
    const h = a >= y ? 1 : 0;
    sum += (f - h) ** 2 * (b - a);
  }
  return sum;
}

describe("crps", () => {
  it("is the absolute error for a point forecast", () => {
    expect(crps({ values: Float64Array.of(7), weights: Float64Array.of(1) }, 10)).toBe(3);
  });

  it("matches the hand value for two equal atoms", () => {
    // Values 0 and 10, each ½, outcome 0: E|X − y| = 5, ½E|X − X′| = 2.5.
    expect(crps({ values: Float64Array.of(0, 10), weights: Float64Array.of(0.5, 0.5) }, 0)).toBe(
      2.5,
    );
  });

  it("equals the integral of the squared CDF difference", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 9 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: -10, max: 110 }),
        (atoms, y) => {
          const total = atoms.reduce((s, [, w]) => s + w, 0);
          const values = atoms.map(([v]) => v);
          const weights = atoms.map(([, w]) => w / total);
          const d = discreteDistribution(values, weights);
          expect(crps(d, y)).toBeCloseTo(crpsByIntegral(values, weights, y), 9);
        },
      ),
    );
  });
});

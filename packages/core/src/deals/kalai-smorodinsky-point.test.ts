import { describe, expect, it } from "vitest";
import { kalaiSmorodinskyPoint } from "./kalai-smorodinsky-point.ts";

// Frontier (party 0 descending): a narrow ZOPA for party 1 (reservation 0.6).
const front = [Float64Array.of(1, 0.8, 0.6, 0.4, 0.2), Float64Array.of(0.2, 0.5, 0.7, 0.8, 1)];
const ranges = { min: [0, 0], max: [1, 1] };

describe("kalaiSmorodinskyPoint", () => {
  it("textbook: max-min normalised gain with the ideal point as utopia", () => {
    // gains (u − r)/(1 − r) with r = (0.1, 0.6): j=2 → (0.556, 0.25), j=3 → (0.333, 0.5)
    const ks = kalaiSmorodinskyPoint(front, [0.1, 0.6]);
    expect(ks?.at).toBe(3);
    expect(ks?.score).toBeCloseTo(1 / 3, 12);
  });

  it("textbook with the rational utopia normalises by the best acceptable outcome", () => {
    // rational: j=2,3,4; utopia (0.6, 1): j=2 → (1, 0.25), j=3 → (0.6, 0.5), j=4 → (0.2, 1)
    expect(kalaiSmorodinskyPoint(front, [0.1, 0.6], { utopia: "rational" })?.at).toBe(3);
  });

  it("negmas: smallest spread of normalised gains, d raised to the minimum utility", () => {
    // d = (0.1, 0.6); spreads: j=2 |0.556 − 0.25| = 0.306, j=3 |0.333 − 0.5| = 0.167
    const ks = kalaiSmorodinskyPoint(front, [0.1, 0.6], { convention: "negmas", ranges });
    expect(ks?.at).toBe(3);
    // a reservation below the minimum utility is replaced by the minimum
    const low = kalaiSmorodinskyPoint(front, [-5, -5], {
      convention: "negmas",
      ranges: { min: [0.2, 0.2], max: [1, 1] },
    });
    expect(low?.at).toBe(
      kalaiSmorodinskyPoint(front, [0.2, 0.2], {
        convention: "negmas",
        ranges: { min: [0.2, 0.2], max: [1, 1] },
      })?.at,
    );
    expect(() => kalaiSmorodinskyPoint(front, [0, 0], { convention: "negmas" })).toThrow(/ranges/);
  });

  it("genius: smallest |u₀ − u₁| on the frontier, ignoring reservation values", () => {
    const ks = kalaiSmorodinskyPoint(front, [0.1, 0.95], { convention: "genius" });
    expect(ks?.at).toBe(2); // |0.6 − 0.7| = 0.1, although party 1 wants more than 0.95
    expect(ks?.score).toBeCloseTo(0.1, 12);
    expect(kalaiSmorodinskyPoint(front, [0.1, 0.95])?.at).toBe(4); // the only rational point
    expect(kalaiSmorodinskyPoint(front, [0.3, 0.95])).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { distributionOf } from "../calibration/distribution.ts";
import { addPit } from "./pit-histogram.ts";

describe("addPit", () => {
  it("spreads an outcome on an atom over the bins its CDF jump covers", () => {
    const d = distributionOf([0, 1], [0.3, 0.7]);
    const counts = new Array<number>(10).fill(0);
    addPit(counts, d, 0); // PIT uniform on [0, 0.3]: bins 0–2
    expect(counts.slice(0, 3).map((c) => c.toFixed(6))).toEqual([
      "0.333333",
      "0.333333",
      "0.333333",
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("puts an outcome between atoms in the bin of F(y)", () => {
    const d = distributionOf([0, 10], [0.55, 0.45]);
    const counts = new Array<number>(10).fill(0);
    addPit(counts, d, 5);
    expect(counts[5]).toBe(1);
  });
});

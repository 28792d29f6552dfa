import { describe, expect, it } from "vitest";
import reference from "../../../../test/fixtures/reference/simple-models.json" with {
  type: "json",
};
import { weightedMedian } from "./weighted-median.ts";

describe("weightedMedian", () => {
  for (const name of ["emission", "toy"] as const) {
    it(`reproduces the ${name} reference value`, () => {
      const { actors, weightedMedian: expected } = reference[name];
      const x = actors.map((a) => a.position);
      const c = actors.map((a) => a.capability);
      const s = actors.map((a) => a.salience);
      expect(weightedMedian(x, c, s)).toBe(expected);
    });
  }

  it("is the Condorcet winner: no held position beats it in a weighted pairwise vote", () => {
    const x = [4, 7, 10, 4, 7, 12];
    const c = [1, 2, 1, 3, 1, 2];
    const s = [50, 10, 90, 20, 70, 40];
    const m = weightedMedian(x, c, s);
    for (const y of x) {
      let forM = 0;
      let forY = 0;
      for (let i = 0; i < x.length; i++) {
        const w = (c[i] as number) * (s[i] as number);
        const dm = Math.abs((x[i] as number) - m);
        const dy = Math.abs((x[i] as number) - y);
        if (dm < dy) forM += w;
        else if (dy < dm) forY += w;
      }
      expect(forM).toBeGreaterThanOrEqual(forY);
    }
  });

  it("breaks an exact half split by the documented tie rule", () => {
    const x = [20, 60];
    const w = [1, 1];
    expect(weightedMedian(x, w, w)).toBe(20);
    expect(weightedMedian(x, w, w, "lower")).toBe(20);
    expect(weightedMedian(x, w, w, "upper")).toBe(60);
    expect(weightedMedian(x, w, w, "midpoint")).toBe(40);
  });

  it("pools actors that share a position before comparing with half the weight", () => {
    // 10 has 2 of 5 units, 30 brings the total to 4 > 2.5.
    expect(weightedMedian([30, 10, 10, 50], [1, 1, 1, 1], [2, 1, 1, 1])).toBe(30);
  });

  it("does not depend on input order", () => {
    expect(weightedMedian([50, 10, 30], [1, 1, 1], [1, 3, 1])).toBe(10);
    expect(weightedMedian([10, 30, 50], [1, 1, 1], [3, 1, 1])).toBe(10);
  });
});

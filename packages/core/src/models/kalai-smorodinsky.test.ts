import { describe, expect, it } from "vitest";
import toy from "../../../../test/fixtures/reference/nash-ks-toy.json" with { type: "json" };
import { kalaiSmorodinsky, kalaiSmorodinskySolution } from "./kalai-smorodinsky.ts";

const x = toy.actors.map((a) => a.position);
const c = toy.actors.map((a) => a.capability);
const s = toy.actors.map((a) => a.salience);
const d = toy.statusQuo;

describe("kalaiSmorodinskySolution on the toy vector of spec-eum.md §3.3", () => {
  it("linear loss: 18.1818181818 (= 200/11), minimum normalised gain 0.1818", () => {
    const solution = kalaiSmorodinskySolution(x, c, s, d);
    expect(Math.abs(solution.outcome - toy.ksLinear)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(solution.outcome - 200 / 11)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs((solution.minGain as number) - toy.ksLinearMinGain)).toBeLessThanOrEqual(1e-9);
  });

  it("normalised by the best gain within F: 40/3 (A's (20−O)/10 meets the others' O/20)", () => {
    const solution = kalaiSmorodinskySolution(x, c, s, d, { utopia: "feasible" });
    expect(Math.abs(solution.outcome - 40 / 3)).toBeLessThanOrEqual(1e-12);
    expect(solution.minGain).toBeCloseTo(2 / 3, 12);
  });

  it("quadratic loss: A's 1 − ((O−10)/10)² meets D's O(200−O)/100² at 200/11 too", () => {
    // 1 − ((O−10)/10)² = O(20−O)/100 and O(200−O)/10⁴ are equal where 100(20−O) = 200−O.
    const solution = kalaiSmorodinskySolution(x, c, s, d, { loss: "quadratic" });
    expect(Math.abs(solution.outcome - 1800 / 99)).toBeLessThanOrEqual(1e-12);
  });

  it("ignores capability and salience (the solution is symmetric)", () => {
    const o = kalaiSmorodinskySolution(x, [1, 1, 1, 1], [5, 5, 5, 5], d).outcome;
    expect(o).toBe(kalaiSmorodinskySolution(x, c, s, d).outcome);
  });
});

describe("the kalai-smorodinsky model", () => {
  it("declares its parameters (loss, utopia) with defaults that reproduce the spec", () => {
    expect(kalaiSmorodinsky.params.map((p) => [p.name, p.default])).toEqual([
      ["loss", "linear"],
      ["utopia", "ideal"],
    ]);
  });
});

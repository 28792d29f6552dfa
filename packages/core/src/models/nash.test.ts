import { describe, expect, it } from "vitest";
import toy from "../../../../test/fixtures/reference/nash-ks-toy.json" with { type: "json" };
import { weightedMean } from "./compromise.ts";
import { nash, nashSolution } from "./nash.ts";

const x = toy.actors.map((a) => a.position);
const c = toy.actors.map((a) => a.capability);
const s = toy.actors.map((a) => a.salience);
const d = toy.statusQuo;

describe("nashSolution on the toy vector of spec-eum.md §3.3", () => {
  it("has the feasible set (0, 20) and the compromise 42.7979274611 for contrast", () => {
    expect(nashSolution(x, c, s, d).feasibleSet).toEqual(toy.feasibleSet);
    expect(Math.abs(weightedMean(x, c, s) - toy.compromise)).toBeLessThanOrEqual(1e-9);
  });

  it("linear loss, exponents c·s: 10.6735751295 (= 20.6 / 1.93)", () => {
    const o = nashSolution(x, c, s, d, { loss: "linear", power: "capability-salience" }).outcome;
    expect(Math.abs(o - toy.nashLinearCapabilitySalience)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(o - 20.6 / 1.93)).toBeLessThanOrEqual(1e-12);
  });

  it("quadratic loss, exponents c: 14.0845024300", () => {
    const o = nashSolution(x, c, s, d, { loss: "quadratic", power: "capability" }).outcome;
    expect(Math.abs(o - toy.nashQuadraticCapability)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(o - 14.084502430023427)).toBeLessThanOrEqual(1e-12); // 40-digit check
  });

  it("quadratic loss, exponents c·s: 13.3526452024", () => {
    const o = nashSolution(x, c, s, d, { loss: "quadratic" }).outcome;
    expect(Math.abs(o - toy.nashQuadraticCapabilitySalience)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(o - 13.352645202370846)).toBeLessThanOrEqual(1e-12);
  });

  it("does not depend on the scale of salience (0-1 or 0-100)", () => {
    const s01 = s.map((v) => v / 100);
    for (const loss of ["linear", "quadratic"] as const) {
      expect(nashSolution(x, c, s01, d, { loss }).outcome).toBeCloseTo(
        nashSolution(x, c, s, d, { loss }).outcome,
        12,
      );
    }
  });

  it("ignores salience with power = capability (it cancels as a utility scale)", () => {
    const flat = s.map(() => 50);
    const options = { power: "capability", loss: "linear" } as const;
    expect(nashSolution(x, c, s, d, options).outcome).toBe(
      nashSolution(x, c, flat, d, options).outcome,
    );
  });
});

describe("nashSolution", () => {
  it("lands on the kink at an actor's position when that maximises the product", () => {
    // d = 0; A at 10 holds most power: on (0, 10] every gain is O, beyond 10 A's falls.
    const o = nashSolution([10, 12], [1, 1], [100, 1], 0).outcome;
    expect(o).toBe(10);
  });

  it("maximises the Nash product better than any point of a fine grid", () => {
    const xs = [15, 18, 30, 55];
    const cs = [2, 1, 3, 1];
    const ss = [40, 90, 20, 70];
    for (const loss of ["linear", "quadratic"] as const) {
      const solution = nashSolution(xs, cs, ss, 5, { loss });
      const [lo, hi] = solution.feasibleSet as [number, number];
      const product = (o: number) =>
        xs.reduce((sum, xi, i) => {
          const g =
            loss === "linear" ? Math.abs(5 - xi) - Math.abs(o - xi) : (5 - xi) ** 2 - (o - xi) ** 2;
          return sum + (cs[i] as number) * (ss[i] as number) * Math.log(g);
        }, 0);
      const best = product(solution.outcome);
      for (let k = 1; k < 2000; k++) {
        expect(product(lo + ((hi - lo) * k) / 2000)).toBeLessThanOrEqual(best + 1e-12);
      }
    }
  });

  it("keeps the status quo when an actor stands on it (every move hurts that actor)", () => {
    const solution = nashSolution([30, 60], [1, 1], [50, 50], 30);
    expect(solution).toMatchObject({ outcome: 30, feasible: false });
  });

  it("ignores actors with zero salience: they neither gain nor block", () => {
    // The zero-salience actor at 5 would otherwise make d = 10 Pareto-optimal.
    const solution = nashSolution([5, 40, 60], [1, 1, 1], [0, 50, 50], 10);
    expect(solution.feasible).toBe(true);
    expect(solution.outcome).toBeGreaterThan(10);
  });

  it("keeps the status quo when no actor attaches salience to the issue", () => {
    expect(nashSolution([20, 80], [1, 1], [0, 0], 50)).toMatchObject({
      outcome: 50,
      feasible: false,
    });
  });
});

describe("the nash model", () => {
  it("declares its parameters with the spec's toy defaults (linear loss, exponents c·s)", () => {
    expect(nash.params.map((p) => [p.name, p.default])).toEqual([
      ["power", "capability-salience"],
      ["loss", "linear"],
    ]);
  });

  it("rejects an unknown loss with the allowed values", () => {
    expect(() =>
      nash.run({ id: "x", title: "x", actors: [], issues: [] }, { params: { loss: "cubic" } }),
    ).toThrow(/expected one of linear, quadratic/);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { additiveUtility, statusQuoUtility, utilityOf, utilityRanges } from "./additive-utility.ts";
import { evaluateOutcomes } from "./evaluate-outcomes.ts";
import { categoricalIssue, decodeOutcome, gridIssue, outcomeSpace } from "./outcome-space.ts";
import { lossValue, optionValues, valueAt } from "./value-function.ts";

describe("value functions", () => {
  it("linear and quadratic loss from the ideal over the scale length; tables interpolate", () => {
    expect(valueAt(lossValue("linear", 20, 100), 70)).toBeCloseTo(0.5, 15);
    expect(valueAt(lossValue("quadratic", 20, 100), 70)).toBeCloseTo(0.75, 15);
    expect(valueAt({ kind: "flat" }, 3)).toBe(0);
    expect(valueAt({ kind: "table", values: [0, 1] }, 2.5, [0, 10])).toBe(0.25);
    const issue = gridIssue({ id: "t", min: 0, max: 100, grid: 3 });
    expect(Array.from(optionValues(lossValue("linear", 0, 100), issue))).toEqual([1, 0.5, 0]);
    expect(() =>
      optionValues(lossValue("linear", 0, 1), categoricalIssue({ id: "c", labels: ["a"] })),
    ).toThrow('issue "c" is categorical');
    expect(() => lossValue("linear", 0, 0)).toThrow("scale length > 0");
  });
});

describe("additive utilities", () => {
  const space = outcomeSpace([
    gridIssue({ id: "tariff", min: 0, max: 100, grid: 5, statusQuo: 40 }),
    gridIssue({ id: "quota", min: 0, max: 10, grid: 3 }),
    categoricalIssue({ id: "forum", labels: ["none", "committee", "fund"], statusQuo: 0 }),
  ]);

  it("weights × values per option; reservation = status quo, midpoint of a scale without one", () => {
    const u = additiveUtility(space, {
      id: "a",
      weights: [0.5, 0.3, 0.2],
      valueFunctions: [
        lossValue("linear", 20, 100),
        lossValue("quadratic", 10, 10),
        { kind: "table", values: [0, 0.5, 1] },
      ],
    });
    // tariff options 0, 25, 40 (status quo), 50, 75, 100: 0.5 · (1 − |x − 20|/100)
    const tariff = Array.from(u.contributions[0] as Float64Array);
    for (const [i, x] of [0.4, 0.475, 0.4, 0.35, 0.225, 0.1].entries()) {
      expect(tariff[i]).toBeCloseTo(x, 15);
    }
    // status quo: tariff 40 → 0.8; quota has none → midpoint 5 → 1 − 0.25 = 0.75; forum "none" → 0
    expect(u.reservation).toBeCloseTo(0.5 * 0.8 + 0.3 * 0.75, 15);
    expect(statusQuoUtility(space, u)).toBe(u.reservation);
    expect(
      additiveUtility(space, {
        ...u,
        valueFunctions: u.valueFunctions,
        weights: u.weights,
        reservation: 0.1,
      }).reservation,
    ).toBe(0.1);
  });

  it("a categorical issue without status quo needs a reservation value", () => {
    const s = outcomeSpace([categoricalIssue({ id: "c", labels: ["a", "b"] })]);
    expect(() =>
      additiveUtility(s, {
        id: "x",
        weights: [1],
        valueFunctions: [{ kind: "table", values: [0, 1] }],
      }),
    ).toThrow('issue "c" has no status quo');
    expect(
      additiveUtility(s, {
        id: "x",
        weights: [0],
        valueFunctions: [{ kind: "table", values: [0, 1] }],
      }).reservation,
    ).toBe(0);
  });

  it("full evaluation equals utilityOf for every outcome (same summation order); ranges are exact", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 2 }),
        (w, ideal) => {
          const u = additiveUtility(space, {
            id: "a",
            weights: w,
            valueFunctions: [
              lossValue("linear", ideal[0] as number, 100),
              lossValue("quadratic", (ideal[1] as number) / 10, 10),
              { kind: "table", values: [0.1, 0.7, 0.3] },
            ],
            reservation: 0,
          });
          const [all] = evaluateOutcomes(space, [u]) as [Float64Array];
          let lo = Number.POSITIVE_INFINITY;
          let hi = Number.NEGATIVE_INFINITY;
          for (let i = 0; i < space.size; i++) {
            expect(all[i]).toBe(utilityOf(u, decodeOutcome(space, i)));
            lo = Math.min(lo, all[i] as number);
            hi = Math.max(hi, all[i] as number);
          }
          const r = utilityRanges([u]);
          expect(r.min[0]).toBe(lo);
          expect(r.max[0]).toBe(hi);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("caps the sum (Genius min(1, Σ)) and refuses an unenumerable space", () => {
    const s = outcomeSpace([categoricalIssue({ id: "c", labels: ["a", "b"], statusQuo: 0 })]);
    const u = additiveUtility(s, {
      id: "x",
      weights: [2],
      valueFunctions: [{ kind: "table", values: [0.25, 1] }],
      cap: 1,
    });
    expect(Array.from(evaluateOutcomes(s, [u])[0] as Float64Array)).toEqual([0.5, 1]);
    expect(() => evaluateOutcomes(s, [u], 1)).toThrow(
      "outcome space of 2 outcomes (2) is larger than the 1 that can be enumerated",
    );
  });
});

// Properties both bargaining models (nash, kalai-smorodinsky) must have, under every parameter set.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type TestActor as Actor,
  actorArbitrary as actor,
  oneIssueScenario,
} from "../../../../test/support/one-issue.ts";
import type { ScenarioData } from "../scenario/prepare.ts";
import { feasibleSet, gain, maximiseConcave } from "./bargaining.ts";
import { kalaiSmorodinsky } from "./kalai-smorodinsky.ts";
import { type Model, ModelInputError, type RunOptions } from "./model.ts";
import { nash } from "./nash.ts";

const scenarioOf = (actors: Actor[], statusQuo: number | undefined, min = 0, max = 100) =>
  oneIssueScenario(actors, { min, max, statusQuo });

/** Scenarios whose status quo lies outside the positions half the time, so F is often non-empty. */
const scenarioArb = fc
  .record({
    actors: fc.array(actor(0, 100), { minLength: 1, maxLength: 10 }),
    pick: fc.double({ min: 0, max: 1, noNaN: true }),
    outside: fc.boolean(),
  })
  .map(({ actors, pick, outside }) => {
    const xs = actors.map((a) => a.position);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const d = outside
      ? pick < 0.5
        ? lo * pick * 2
        : hi + (100 - hi) * (pick - 0.5) * 2
      : lo + (hi - lo) * pick;
    return { actors, d };
  });

const variants: Array<[string, Model, RunOptions]> = [
  ["nash linear c·s", nash, {}],
  ["nash linear c", nash, { params: { power: "capability" } }],
  ["nash quadratic c·s", nash, { params: { loss: "quadratic" } }],
  ["nash quadratic c", nash, { params: { loss: "quadratic", power: "capability" } }],
  ["kalai-smorodinsky linear ideal", kalaiSmorodinsky, {}],
  ["kalai-smorodinsky linear feasible", kalaiSmorodinsky, { params: { utopia: "feasible" } }],
  ["kalai-smorodinsky quadratic ideal", kalaiSmorodinsky, { params: { loss: "quadratic" } }],
  [
    "kalai-smorodinsky quadratic feasible",
    kalaiSmorodinsky,
    { params: { loss: "quadratic", utopia: "feasible" } },
  ],
];

const runs = { numRuns: Number(process.env.FC_RUNS ?? 100) };

describe.each(variants)("%s", (_, model, options) => {
  const run = (data: ScenarioData) => {
    const [issue] = model.run(data, options).issues;
    if (!issue) throw new Error("no issue forecast");
    return issue;
  };

  it("forecasts within the issue's scale (any scale)", () => {
    const scaled = fc
      .record({
        min: fc.double({ min: -1000, max: 1000, noNaN: true }),
        width: fc.double({ min: 0.001, max: 1000, noNaN: true }),
        sq: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .chain(({ min, width, sq }) =>
        fc.record({
          min: fc.constant(min),
          max: fc.constant(min + width),
          sq: fc.constant(min + width * sq),
          actors: fc.array(actor(min, min + width), { minLength: 1, maxLength: 10 }),
        }),
      );
    fc.assert(
      fc.property(scaled, ({ min, max, sq, actors }) => {
        const x = run(scenarioOf(actors, sq, min, max)).forecast;
        expect(x).toBeGreaterThanOrEqual(min);
        expect(x).toBeLessThanOrEqual(max);
      }),
      runs,
    );
  });

  it("does not depend on the order of the actors", () => {
    fc.assert(
      fc.property(scenarioArb, fc.infiniteStream(fc.nat()), ({ actors, d }, keys) => {
        const shuffled = actors
          .map((a) => ({ a, k: keys.next().value as number }))
          .sort((p, q) => p.k - q.k)
          .map((p) => p.a);
        const x = run(scenarioOf(actors, d)).forecast;
        const y = run(scenarioOf(shuffled, d)).forecast;
        expect(y).toBeCloseTo(x, 9);
      }),
      runs,
    );
  });

  it("returns x when every actor stands at x (unanimity), wherever the status quo is", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.array(actor(0, 100), { minLength: 1, maxLength: 10 }),
        (x, d, actors) => {
          const withSalience = actors.map((a) => ({ ...a, position: x, salience: a.salience + 1 }));
          expect(run(scenarioOf(withSalience, d)).forecast).toBeCloseTo(x, 9);
        },
      ),
      runs,
    );
  });

  it("mirrors with the scale: positions and status quo reflected give the reflected outcome", () => {
    fc.assert(
      fc.property(scenarioArb, ({ actors, d }) => {
        const x = run(scenarioOf(actors, d)).forecast;
        const mirrored = actors.map((a) => ({ ...a, position: 100 - a.position }));
        expect(100 - run(scenarioOf(mirrored, 100 - d)).forecast).toBeCloseTo(x, 8);
      }),
      runs,
    );
  });

  it("makes every actor who cares better off than the status quo, or keeps the status quo", () => {
    fc.assert(
      fc.property(scenarioArb, ({ actors, d }) => {
        const result = run(scenarioOf(actors, d));
        const caring = actors.filter((a) => a.salience > 0).map((a) => a.position);
        const details = result.details as { feasible: boolean; feasibleSet?: number[] };
        const oneSide = caring.every((p) => p > d) || caring.every((p) => p < d);
        expect(details.feasible).toBe(caring.length > 0 && oneSide);
        if (!details.feasible) {
          expect(result.forecast).toBe(d);
          return;
        }
        // Within the positions' range, and no actor loses (up to rounding at the edge of F).
        expect(result.forecast).toBeGreaterThanOrEqual(Math.min(...caring) - 1e-9);
        expect(result.forecast).toBeLessThanOrEqual(Math.max(...caring) + 1e-9);
        for (const p of caring) {
          expect(Math.abs(result.forecast - p)).toBeLessThanOrEqual(Math.abs(d - p) + 1e-9);
        }
      }),
      runs,
    );
  });

  it("throws ModelInputError naming the issue when the status quo is missing", () => {
    const data = scenarioOf([{ capability: 1, position: 30, salience: 50 }], undefined);
    expect(() => model.run(data, options)).toThrow(ModelInputError);
    expect(() => model.run(data, options)).toThrow(/issue "i" has no statusQuo/);
  });

  it("keeps the status quo, with feasible: false and the reason, when it is Pareto-optimal", () => {
    // d = 50 between positions 20 and 80: any move hurts one of them.
    const data = scenarioOf(
      [
        { capability: 1, position: 20, salience: 50 },
        { capability: 2, position: 80, salience: 70 },
      ],
      50,
    );
    const [issue] = model.run(data, options).issues;
    expect(issue?.forecast).toBe(50);
    expect(issue?.details).toMatchObject({ feasible: false, disagreement: 50 });
    expect(String(issue?.details?.reason)).toMatch(/Pareto-optimal/);
  });
});

describe("feasibleSet", () => {
  it("runs from d to its reflection in the nearest position, on either side", () => {
    expect(feasibleSet([10, 40, 70, 100], 0)).toEqual({ lo: 0, hi: 20 });
    expect(feasibleSet([10, 40, 70], 90)).toEqual({ lo: 50, hi: 90 });
  });

  it("is empty when d is at or between the positions, or nobody cares", () => {
    expect(feasibleSet([10, 40], 10)).toHaveProperty("empty");
    expect(feasibleSet([10, 40], 25)).toHaveProperty("empty");
    expect(feasibleSet([], 25)).toHaveProperty("empty");
  });

  it("is exactly where every actor gains (linear and quadratic)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (xs, d, o) => {
          const set = feasibleSet(xs, d);
          const inside = "lo" in set && o > set.lo && o < set.hi;
          for (const loss of ["linear", "quadratic"] as const) {
            const gains = xs.map((x) => gain(loss, x, d, o));
            // Away from F's edges (where rounding decides), membership ⇔ every gain > 0.
            const near = (a: number) => Math.abs(o - a) <= 1e-9;
            const edge =
              "lo" in set
                ? near(set.lo) || near(set.hi)
                : xs.some((x) => near(d) || near(2 * x - d));
            if (!edge) expect(gains.every((g) => g > 0)).toBe(inside);
          }
        },
      ),
      runs,
    );
  });
});

describe("maximiseConcave", () => {
  it("finds the maximum of a smooth concave function to the last bits", () => {
    const f = (o: number) => -((o - Math.PI) ** 2);
    const x = maximiseConcave(0, 10, (o) => Math.sign(Math.PI - o), f);
    expect(Math.abs(x - Math.PI)).toBeLessThanOrEqual(4.5e-16);
  });

  it("finds a maximum on a kink exactly", () => {
    const x = maximiseConcave(
      0,
      10,
      (o) => (o < 3 ? 1 : o > 3 ? -1 : 0),
      (o) => -Math.abs(o - 3),
    );
    expect(Math.abs(x - 3)).toBeLessThanOrEqual(4.5e-16);
  });
});

// The contract every registered model must meet, under each of its presets: contract.test.ts
// runs it for every model in the registry, so adding a model to the registry runs it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  actorArbitrary as actor,
  oneIssueScenario,
  type TestActor,
} from "../../../../test/support/one-issue.ts";
import type { ScenarioData } from "../scenario/prepare.ts";
import { type Model, ModelInputError, type RunOptions } from "./model.ts";
import { getModel, MODEL_ID, models } from "./registry.ts";

const scenarioOf = (actors: TestActor[], min = 0, max = 100) =>
  oneIssueScenario(actors, { min, max, statusQuo: min });

/** One contract case: a name, the model and the options of one of its presets. */
export type ContractCase = [string, Model, RunOptions | undefined];

/** Every registered model once per preset (once with its defaults when it has none), now. */
export function contractCases(): ContractCase[] {
  return models.flatMap((m): ContractCase[] => {
    const presets = Object.keys(m.presets ?? {});
    if (presets.length === 0) return [[m.id, m, undefined]];
    return presets.map((preset): ContractCase => [`${m.id} (preset ${preset})`, m, { preset }]);
  });
}

/** The shared model contract, one `describe` per case. */
export function describeModelContract(cases: ContractCase[]): void {
  describe.each(cases)("model %s", (_, model, options) => contract(model, options));
}

function contract(model: Model, options: RunOptions | undefined): void {
  const forecast = (data: ScenarioData) => model.run(data, options).issues[0]?.forecast as number;

  it("declares an id (the registry's only one, lower-case words), a label and a reference", () => {
    expect(model.id).toMatch(MODEL_ID);
    expect(models.filter((m) => m.id === model.id)).toHaveLength(1);
    expect(getModel(model.id)).toBe(model);
    expect(model.label.trim().length).toBeGreaterThan(0);
    expect(model.label).not.toBe(model.id);
    expect(model.reference.trim().length).toBeGreaterThan(10);
  });

  it("forecasts within the issue's scale (any scale)", () => {
    const scaled = fc
      .record({
        min: fc.double({ min: -1000, max: 1000, noNaN: true }),
        width: fc.double({ min: 0.001, max: 1000, noNaN: true }),
      })
      .chain(({ min, width }) =>
        fc.record({
          min: fc.constant(min),
          max: fc.constant(min + width),
          actors: fc.array(actor(min, min + width), { minLength: 1, maxLength: 12 }),
        }),
      );
    fc.assert(
      fc.property(scaled, ({ min, max, actors }) => {
        const x = forecast(scenarioOf(actors, min, max));
        expect(x).toBeGreaterThanOrEqual(min);
        expect(x).toBeLessThanOrEqual(max);
      }),
    );
  });

  it("does not depend on the order of the actors", () => {
    fc.assert(
      fc.property(
        fc.array(actor(0, 100), { minLength: 1, maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        (actors, keys) => {
          const shuffled = actors
            .map((a) => ({ a, k: keys.next().value as number }))
            .sort((p, q) => p.k - q.k)
            .map((p) => p.a);
          const x = forecast(scenarioOf(actors));
          const y = forecast(scenarioOf(shuffled));
          expect(y).toBeCloseTo(x, 9);
        },
      ),
    );
  });

  it("returns x when every actor who cares stands at x (unanimity)", () => {
    const caring = actor(0, 100).filter((a) => a.salience >= 1);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.array(caring, { minLength: 1, maxLength: 12 }),
        (x, actors) => {
          const y = forecast(scenarioOf(actors.map((a) => ({ ...a, position: x }))));
          expect(y).toBeCloseTo(x, 9);
        },
      ),
    );
  });

  it("either forecasts a scenario that lacks optional inputs or says which input is missing", () => {
    // No status quo, and actor a2 takes no part in issue j: models that need either must throw
    // ModelInputError naming what is missing — never another error or a silent NaN.
    const data = scenarioOf([
      { capability: 1, position: 30, salience: 50 },
      { capability: 2, position: 70, salience: 80 },
      { capability: 1, position: 50, salience: 20 },
    ]);
    const first = data.issues[0] as ScenarioData["issues"][number];
    first.statusQuo = undefined;
    data.issues.push({
      ...first,
      id: "j",
      actors: Int32Array.of(0, 1),
      positions: Float64Array.of(10, 90),
      saliences: Float64Array.of(50, 50),
      capabilities: Float64Array.of(1, 2),
    });
    try {
      const result = model.run(data, options);
      for (const issue of result.issues) expect(Number.isFinite(issue.forecast)).toBe(true);
    } catch (e) {
      expect(e).toBeInstanceOf(ModelInputError);
      expect((e as Error).message).toMatch(/status quo|statusQuo|stance|actor|issue/i);
    }
  });

  it("rejects an unknown parameter or preset with a RangeError naming it", () => {
    expect(() => model.run(scenarioOf([]), { params: { noSuchParam: 1 } })).toThrow(
      /no parameter "noSuchParam"/,
    );
    expect(() => model.run(scenarioOf([]), { preset: "no-such-preset" })).toThrow(
      /no preset "no-such-preset"/,
    );
  });

  it("gives the same forecasts, bit for bit, when asked for forecasts only", () => {
    fc.assert(
      fc.property(fc.array(actor(0, 100), { minLength: 1, maxLength: 8 }), (actors) => {
        const data = scenarioOf(actors);
        const full = model.run(data, options).issues.map((i) => i.forecast);
        const only = model
          .run(data, { ...options, forecastOnly: true })
          .issues.map((i) => i.forecast);
        expect(only).toEqual(full);
      }),
      { numRuns: 50 },
    );
  });

  it("forecasts every issue of the scenario, in order", () => {
    const data = scenarioOf([{ capability: 1, position: 30, salience: 50 }]);
    data.issues.push({ ...(data.issues[0] as ScenarioData["issues"][number]), id: "j" });
    expect(model.run(data, options).issues.map((i) => i.issue)).toEqual(["i", "j"]);
  });
}

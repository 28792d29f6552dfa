import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type TestActor as A, oneIssueScenario } from "../../../../../test/support/one-issue.ts";
import type { ScenarioData } from "../../scenario/prepare.ts";
import { ModelInputError } from "../model.ts";
import { type PceDetails, pceModel } from "./pce-model.ts";

const scenario = (actors: A[], min = 0, max = 100) => oneIssueScenario(actors, { min, max });

const run = (actors: A[], params: Record<string, string> = {}, min = 0, max = 100) => {
  const issue = pceModel.run(scenario(actors, min, max), { params }).issues[0];
  if (!issue) throw new Error("no issue");
  return { forecast: issue.forecast, details: issue.details as unknown as PceDetails };
};

const actor = fc.record({
  capability: fc.double({ min: 0.01, max: 1000, noNaN: true }),
  position: fc.double({ min: 0, max: 100, noNaN: true }),
  salience: fc.double({ min: 0, max: 100, noNaN: true }),
});

describe("model pce", () => {
  it("two opposed actors: P = weight share (Prop, Linear, conditional)", () => {
    const { forecast, details } = run([
      { capability: 3, position: 0, salience: 100 },
      { capability: 1, position: 100, salience: 100 },
    ]);
    expect(details.outcomes.map((o) => o.position)).toEqual([0, 100]);
    expect(details.outcomes[0]?.probability).toBeCloseTo(0.75, 8);
    expect(forecast).toBeCloseTo(25, 6);
    expect(details.modal).toBe(0);
  });

  it("merges equal positions and keys probabilities by actor id", () => {
    const { details, forecast } = run([
      { capability: 1, position: 40, salience: 50 },
      { capability: 2, position: 70, salience: 50 },
      { capability: 1, position: 40, salience: 90 },
    ]);
    expect(details.outcomes).toHaveLength(2);
    expect(details.outcomes[0]?.actors).toEqual(["a0", "a2"]);
    expect(details.probabilities.a0).toBe(details.probabilities.a2);
    const sum = details.outcomes.reduce((s, o) => s + o.probability, 0);
    expect(sum).toBeCloseTo(1, 12);
    const mean = details.outcomes.reduce((s, o) => s + o.probability * o.position, 0);
    expect(forecast).toBeCloseTo(mean, 12);
  });

  it.each(["conditional", "markov-incentive", "markov-uniform"])(
    "solver %s gives a distribution",
    (solver) => {
      const { details } = run(
        [
          { capability: 5, position: 10, salience: 60 },
          { capability: 3, position: 45, salience: 80 },
          { capability: 4, position: 60, salience: 40 },
          { capability: 1, position: 95, salience: 90 },
        ],
        { solver },
      );
      const sum = details.outcomes.reduce((s, o) => s + o.probability, 0);
      expect(sum).toBeCloseTo(1, 6);
      expect(details.solver).toBe(solver);
    },
  );

  it("the central, heavier position is the most probable", () => {
    const { details } = run([
      { capability: 1, position: 0, salience: 50 },
      { capability: 2, position: 50, salience: 50 },
      { capability: 1, position: 100, salience: 50 },
    ]);
    expect(details.modal).toBe(50);
  });

  it("falls back to capabilities when every salience is 0", () => {
    const { details } = run([
      { capability: 3, position: 0, salience: 0 },
      { capability: 1, position: 100, salience: 0 },
    ]);
    expect(details.capabilityFallback).toBe(true);
    expect(details.outcomes[0]?.probability).toBeCloseTo(0.75, 8);
  });

  it("rejects unknown parameter values", () => {
    expect(() => run([{ capability: 1, position: 1, salience: 1 }], { solver: "markov" })).toThrow(
      RangeError,
    );
  });

  it("throws ModelInputError for an issue without stances", () => {
    const data = scenario([{ capability: 1, position: 1, salience: 1 }]);
    const issue = data.issues[0] as ScenarioData["issues"][number];
    data.issues[0] = {
      ...issue,
      actors: new Int32Array(0),
      positions: new Float64Array(0),
      saliences: new Float64Array(0),
      capabilities: new Float64Array(0),
    };
    expect(() => pceModel.run(data)).toThrow(ModelInputError);
  });

  it("meets the model contract: in scale, order-free, unanimous", () => {
    fc.assert(
      fc.property(
        fc.array(actor, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: -500, max: 500 }),
        (actors, shift) => {
          const scaled = actors.map((a) => ({ ...a, position: shift + a.position / 10 }));
          const x = run(scaled, {}, shift, shift + 10).forecast;
          expect(x).toBeGreaterThanOrEqual(shift);
          expect(x).toBeLessThanOrEqual(shift + 10);
          const y = run([...actors].reverse()).forecast;
          expect(y).toBeCloseTo(run(actors).forecast, 9);
          const same = run(actors.map((a) => ({ ...a, position: 37.5 }))).forecast;
          expect(same).toBe(37.5);
        },
      ),
      { numRuns: 60 },
    );
  });
});

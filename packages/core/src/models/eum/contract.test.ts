// EUM-specific guarantees beyond the shared contract (../contract.test.ts, which runs every
// preset): exact order invariance, a single actor, nobody caring.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  actorArbitrary as actor,
  oneIssueScenario,
  type TestActor,
} from "../../../../../test/support/one-issue.ts";
import type { ScenarioData } from "../../scenario/prepare.ts";
import type { RunOptions } from "../model.ts";
import { eum } from "./eum.ts";

const scenarioOf = (actors: TestActor[], min = 0, max = 100) =>
  oneIssueScenario(actors, { min, max });

describe.each([
  ["scholz-code", { preset: "scholz-code" }],
  ["paper", { preset: "paper" }],
  ["paper, Q = 0.5, current range", { preset: "paper", params: { Q: 0.5, range: "current" } }],
] as [string, RunOptions][])("eum (%s) meets the model contract", (_, options) => {
  const forecast = (data: ScenarioData) => eum.run(data, options).issues[0]?.forecast as number;

  it("does not depend on the order of the actors (exactly, not just to 9 digits)", () => {
    fc.assert(
      fc.property(
        fc.array(actor(0, 100), { minLength: 1, maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        (actors, keys) => {
          const shuffled = actors
            .map((a) => ({ a, k: keys.next().value as number }))
            .sort((p, q) => p.k - q.k)
            .map((p) => p.a);
          expect(forecast(scenarioOf(shuffled))).toBe(forecast(scenarioOf(actors)));
        },
      ),
    );
  });
});

describe("eum on degenerate inputs", () => {
  it("keeps everyone in place when nobody cares (all saliences 0)", () => {
    const actors = [10, 40, 90].map((position) => ({ capability: 1, position, salience: 0 }));
    const issue = eum.run(scenarioOf(actors)).issues[0];
    expect(issue?.rounds?.[10]?.positions).toEqual({ a0: 10, a1: 40, a2: 90 });
    expect(Number.isFinite(issue?.forecast)).toBe(true);
  });

  it("runs a single actor", () => {
    const issue = eum.run(scenarioOf([{ capability: 1, position: 30, salience: 50 }])).issues[0];
    expect(issue?.forecast).toBe(30);
    expect(issue?.rounds).toHaveLength(11);
  });
});

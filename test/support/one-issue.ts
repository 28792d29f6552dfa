// Test support: a scenario with one issue built straight from numbers, and a fast-check
// arbitrary for its actors. Shared by the model tests and the benchmarks.
import type { ScenarioData } from "@entente/core";
import fc from "fast-check";

export interface TestActor {
  capability: number;
  position: number;
  salience: number;
}

/** One issue on [min, max] (default 0–100) with these actors, named a0, a1, … unless `ids`. */
export function oneIssueScenario(
  actors: readonly TestActor[],
  options: {
    min?: number;
    max?: number;
    statusQuo?: number | undefined;
    ids?: readonly string[];
  } = {},
): ScenarioData {
  const { min = 0, max = 100, statusQuo, ids } = options;
  return {
    id: "test",
    title: "test",
    actors: actors.map((_, i) => {
      const id = ids?.[i] ?? `a${i}`;
      return { id, name: id.toUpperCase() };
    }),
    issues: [
      {
        id: "i",
        title: "i",
        min,
        max,
        unit: undefined,
        minLabel: "low",
        maxLabel: "high",
        statusQuo,
        outcome: undefined,
        ratifiers: new Int32Array(0),
        actors: Int32Array.from(actors, (_, i) => i),
        positions: Float64Array.from(actors, (a) => a.position),
        saliences: Float64Array.from(actors, (a) => a.salience),
        capabilities: Float64Array.from(actors, (a) => a.capability),
      },
    ],
  };
}

/** An actor with capability in [0.01, 1000], a position on [min, max] and salience 0–100. */
export const actorArbitrary = (min: number, max: number) =>
  fc.record({
    capability: fc.double({ min: 0.01, max: 1000, noNaN: true }),
    position: fc.double({ min, max, noNaN: true }),
    salience: fc.double({ min: 0, max: 100, noNaN: true }),
  });

import { describe, expect, it } from "vitest";
import reference from "../../../../test/fixtures/reference/simple-models.json" with {
  type: "json",
};
import { weightedMean } from "./compromise.ts";

const columns = (actors: typeof reference.emission.actors) =>
  [
    actors.map((a) => a.position),
    actors.map((a) => a.capability),
    actors.map((a) => a.salience),
  ] as const;

describe("weightedMean (compromise model)", () => {
  it("reproduces the emission-standards reference value 7.3899556869", () => {
    const [x, c, s] = columns(reference.emission.actors);
    expect(weightedMean(x, c, s)).toBeCloseTo(reference.emission.compromise, 9);
  });

  it("reproduces the toy four-actor reference value 42.7979274611", () => {
    const [x, c, s] = columns(reference.toy.actors);
    expect(weightedMean(x, c, s)).toBeCloseTo(reference.toy.compromise, 9);
  });

  it("is the unweighted mean with equal weights", () => {
    const [x] = columns(reference.emission.actors);
    const ones = x.map(() => 1);
    expect(weightedMean(x, ones, ones)).toBeCloseTo(reference.emission.unweightedMean, 12);
  });

  it("ignores actors with zero salience and falls back to the plain mean when all are zero", () => {
    expect(weightedMean([0, 100], [1, 1], [50, 0])).toBe(0);
    expect(weightedMean([0, 100], [1, 1], [0, 0])).toBe(50);
  });
});

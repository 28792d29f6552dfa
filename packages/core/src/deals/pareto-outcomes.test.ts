import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { additiveUtility } from "./additive-utility.ts";
import { evaluateOutcomes } from "./evaluate-outcomes.ts";
import { categoricalIssue, outcomeSpace } from "./outcome-space.ts";
import {
  frontierOf,
  frontierPoints,
  paretoOutcomes,
  undominatedOptions,
} from "./pareto-outcomes.ts";

/** A random additive space: 1–4 issues of 1–5 options, 2–3 parties, coarse values (many ties). */
const additiveSpaces = fc
  .record({
    radices: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
    parties: fc.integer({ min: 2, max: 3 }),
    capped: fc.boolean(),
  })
  .chain(({ radices, parties, capped }) =>
    fc
      .array(
        fc.record({
          weights: fc.array(fc.integer({ min: 0, max: 4 }), {
            minLength: radices.length,
            maxLength: radices.length,
          }),
          values: fc.tuple(
            ...radices.map((r) =>
              fc.array(fc.integer({ min: 0, max: 4 }), { minLength: r, maxLength: r }),
            ),
          ),
        }),
        { minLength: parties, maxLength: parties },
      )
      .map((profiles) => {
        const space = outcomeSpace(
          radices.map((r, k) =>
            categoricalIssue({ id: `i${k}`, labels: Array.from({ length: r }, (_, o) => `o${o}`) }),
          ),
        );
        const utilities = profiles.map((p, i) =>
          additiveUtility(space, {
            id: `p${i}`,
            weights: p.weights.map((w) => w / 4),
            valueFunctions: p.values.map((v) => ({
              kind: "table" as const,
              values: v.map((x) => x / 4),
            })),
            reservation: 0,
            ...(capped ? { cap: 1.2 } : {}),
          }),
        );
        return { space, utilities };
      }),
  );

describe("paretoOutcomes (per-issue pruning)", () => {
  it("finds exactly the frontier of the full enumeration, ties and caps included", () => {
    fc.assert(
      fc.property(additiveSpaces, ({ space, utilities }) => {
        const full = frontierOf(evaluateOutcomes(space, utilities));
        const pruned = paretoOutcomes(space, utilities);
        expect(Array.from(pruned.outcomes)).toEqual(Array.from(full.outcomes));
        expect(pruned.utilities.map((u) => Array.from(u))).toEqual(
          full.utilities.map((u) => Array.from(u)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("drops an option another option beats for every party, keeps equal ones", () => {
    const space = outcomeSpace([categoricalIssue({ id: "x", labels: ["a", "b", "c", "d"] })]);
    const table = (values: number[]) => ({ kind: "table" as const, values });
    const u = [
      additiveUtility(space, {
        id: "A",
        weights: [1],
        valueFunctions: [table([1, 0.5, 0.5, 0])],
        reservation: 0,
      }),
      additiveUtility(space, {
        id: "B",
        weights: [1],
        valueFunctions: [table([0, 0.5, 0.5, 0])],
        reservation: 0,
      }),
    ];
    expect(Array.from(undominatedOptions(u, 0))).toEqual([0, 1, 2]);
  });

  it("groups a frontier's identical utility vectors into points", () => {
    const u = [Float64Array.of(1, 0.5, 0.5, 0), Float64Array.of(0, 0.5, 0.5, 1)];
    const points = frontierPoints(frontierOf(u));
    expect(Array.from(points.count)).toEqual([1, 2, 1]);
    expect(Array.from(points.first)).toEqual([0, 1, 3]);
    expect(points.utilities.map((x) => Array.from(x))).toEqual([
      [1, 0.5, 0],
      [0, 0.5, 1],
    ]);
  });
});

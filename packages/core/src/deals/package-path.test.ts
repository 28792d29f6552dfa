import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { additiveUtility } from "./additive-utility.ts";
import { evaluateOutcomes } from "./evaluate-outcomes.ts";
import { categoricalIssue, gridIssue, outcomeSpace } from "./outcome-space.ts";
import { packagePath } from "./package-path.ts";
import { lossValue } from "./value-function.ts";

describe("packagePath", () => {
  it("logrolls from the status quo to the frontier in one step", () => {
    const space = outcomeSpace([
      gridIssue({ id: "X", min: 0, max: 100, grid: 3, statusQuo: 50 }),
      gridIssue({ id: "Y", min: 0, max: 100, grid: 3, statusQuo: 50 }),
    ]);
    const actor = (id: string, w: number[], ideal: number) =>
      additiveUtility(space, {
        id,
        weights: w,
        valueFunctions: [lossValue("linear", ideal, 100), lossValue("linear", ideal, 100)],
      });
    const path = packagePath(space, actor("A", [0.8, 0.2], 0), actor("B", [0.2, 0.8], 100));
    expect(path.start.outcome).toBe(4);
    expect(path.steps).toHaveLength(1);
    const [step] = path.steps;
    expect(step?.changes.map((c) => [c.issueId, c.from.value, c.to.value])).toEqual([
      ["X", 50, 0],
      ["Y", 50, 100],
    ]);
    expect(step?.deltaA).toBeCloseTo(0.3, 12);
    expect(step?.deltaB).toBeCloseTo(0.3, 12);
    expect(path.onFrontier).toBe(true);
  });

  it("every step helps both parties weakly and one strictly; the path ends on the frontier", () => {
    const spaces = fc
      .array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 4 })
      .chain((radices) =>
        fc.tuple(
          fc.constant(radices),
          fc.array(
            fc.tuple(
              ...radices.map((r) =>
                fc.array(fc.integer({ min: 0, max: 5 }), { minLength: r, maxLength: r }),
              ),
            ),
            { minLength: 2, maxLength: 2 },
          ),
        ),
      );
    fc.assert(
      fc.property(spaces, ([radices, tables]) => {
        const space = outcomeSpace(
          radices.map((r, k) =>
            categoricalIssue({
              id: `i${k}`,
              labels: Array.from({ length: r }, (_, o) => `${o}`),
              statusQuo: 0,
            }),
          ),
        );
        const [a, b] = tables.map((t, p) =>
          additiveUtility(space, {
            id: `p${p}`,
            weights: radices.map(() => 1),
            valueFunctions: t.map((v) => ({ kind: "table" as const, values: v.map((x) => x / 5) })),
          }),
        ) as [ReturnType<typeof additiveUtility>, ReturnType<typeof additiveUtility>];
        const path = packagePath(space, a, b);
        let ua = path.start.utilityA;
        let ub = path.start.utilityB;
        for (const s of path.steps) {
          expect(s.utilityA).toBeGreaterThanOrEqual(ua - 1e-12);
          expect(s.utilityB).toBeGreaterThanOrEqual(ub - 1e-12);
          expect(s.utilityA + s.utilityB).toBeGreaterThan(ua + ub);
          ua = s.utilityA;
          ub = s.utilityB;
        }
        expect(path.onFrontier).toBe(true);
        const u = evaluateOutcomes(space, [a, b]);
        const last = path.steps.at(-1)?.outcome ?? path.start.outcome;
        // Nothing dominates the end by more than rounding (equal packages summed in another
        // order can differ in the last bit).
        const [u0, u1] = u as [Float64Array, Float64Array];
        const eps = 1e-12;
        for (let i = 0; i < space.size; i++) {
          const better =
            (u0[i] as number) >= (u0[last] as number) - eps &&
            (u1[i] as number) >= (u1[last] as number) - eps &&
            ((u0[i] as number) > (u0[last] as number) + eps ||
              (u1[i] as number) > (u1[last] as number) + eps);
          expect(better).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});

import { describe, expect, it } from "vitest";
import { additiveUtility } from "./additive-utility.ts";
import { whatCanAOfferB } from "./concessions.ts";
import { gridIssue, outcomeSpace } from "./outcome-space.ts";
import { lossValue } from "./value-function.ts";

// A cares about X (0.8), B about Y (0.8); A wants both at 0, B both at 100; status quo 50/50.
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
const A = actor("A", [0.8, 0.2], 0);
const B = actor("B", [0.2, 0.8], 100);

describe("what can A offer B", () => {
  it("ranks single-issue concessions by B's gain per unit of A's loss", () => {
    const { concessions } = whatCanAOfferB(space, A, B);
    expect(concessions.map((c) => [c.issueId, c.from.value, c.to.value])).toEqual([
      ["Y", 50, 100],
      ["X", 50, 100],
    ]);
    expect(concessions[0]?.deltaA).toBeCloseTo(-0.1, 12);
    expect(concessions[0]?.deltaB).toBeCloseTo(0.4, 12);
    expect(concessions[0]?.rate).toBeCloseTo(4, 12);
    expect(concessions[1]?.rate).toBeCloseTo(0.25, 12);
    expect(concessions[0]?.to).toEqual({ option: 2, label: "100", value: 100 });
  });

  it("finds the logroll: A gives on Y, B gives on X, both gain", () => {
    const { logrolls } = whatCanAOfferB(space, A, B);
    expect(logrolls).toHaveLength(1);
    const [l] = logrolls;
    expect([l?.give.issueId, l?.give.to.value, l?.take.issueId, l?.take.to.value]).toEqual([
      "Y",
      100,
      "X",
      0,
    ]);
    expect(l?.deltaA).toBeCloseTo(0.3, 12);
    expect(l?.deltaB).toBeCloseTo(0.3, 12);
  });

  it("puts free concessions first and starts from any package", () => {
    // From (X=100, Y=0) moving X to 0 costs B 0.2 and gains A 0.8; moving Y up helps B.
    const { concessions } = whatCanAOfferB(space, A, B, { from: 2 * 3 + 0, limit: 1 });
    expect(concessions).toHaveLength(1);
    expect(concessions[0]?.issueId).toBe("Y");
    expect(() => whatCanAOfferB(space, A, B, { from: 99 })).toThrow(
      "outcome 99 is not in the space (0–8)",
    );
  });
});

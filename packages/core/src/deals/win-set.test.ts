import { describe, expect, it } from "vitest";
import { type AdditiveUtility, additiveUtility } from "./additive-utility.ts";
import { categoricalIssue, outcomeSpace } from "./outcome-space.ts";
import { winSet } from "./win-set.ts";

// Issue X: status quo, x1, x2; issue Y: status quo, y1. Package index = 2·x + y.
const space = outcomeSpace([
  categoricalIssue({ id: "X", labels: ["sq", "x1", "x2"], statusQuo: 0 }),
  categoricalIssue({ id: "Y", labels: ["sq", "y1"], statusQuo: 0 }),
]);
const party = (id: string, x: number[], y: number[], reservation?: number): AdditiveUtility =>
  additiveUtility(space, {
    id,
    weights: [1, 1],
    valueFunctions: [
      { kind: "table", values: x },
      { kind: "table", values: y },
    ],
    ...(reservation === undefined ? {} : { reservation }),
  });
// L must ratify X, M must ratify Y; both value the status quo at 1.0.
const L = party("L", [0.5, 0.9, 0.2], [0.5, 0.3]);
const M = party("M", [0.5, 0.4, 0.6], [0.5, 0.8]);
const ratifiers = [[0], [1]];

describe("winSet (Putnam two-level games)", () => {
  it("a package needs the ratifiers of the issues it changes", () => {
    const w = winSet(space, [L, M], ratifiers);
    expect(Array.from(w.required)).toEqual([0, 1]);
    expect(w.size).toBe(3);
    expect(Array.from(w.packages)).toEqual([1, 2, 3]);
    expect(Array.from(w.rejects)).toEqual([2, 0]); // L rejects (x2, sq) and (x2, y1)
    expect(Array.from(w.soleVetoes)).toEqual([2, 0]);
    expect(w.robust?.outcome).toBe(2); // (x1, sq): only L is asked, slack 0.4
    expect(w.robust?.minSlack).toBeCloseTo(0.4, 12);
    expect(w.robust?.slacks.map((s) => s.party)).toEqual([0]);
    expect(w.robust?.binding).toEqual([]);
  });

  it('scope "all": every package needs every ratifier', () => {
    const w = winSet(space, [L, M], ratifiers, { scope: "all" });
    expect(Array.from(w.packages)).toEqual([3]);
  });

  it("when tying hands empties it: the nearest package, each binding party's shortfall, the pivotal party", () => {
    const tied = party("M", [0.5, 0.4, 0.6], [0.5, 0.8], 1.5);
    const w = winSet(space, [L, tied], ratifiers, { scope: "all" });
    expect(w.size).toBe(0);
    expect(w.packages).toHaveLength(0);
    expect(w.robust?.outcome).toBe(1); // (sq, y1): L at 0.8, M at 1.3
    expect(w.robust?.minSlack).toBeCloseTo(-0.2, 12);
    expect(w.robust?.binding.map((b) => b.party)).toEqual([0, 1]);
    for (const b of w.robust?.binding ?? []) expect(b.shortfall).toBeCloseTo(0.2, 12);
    // M alone blocks (x1, sq) and (x1, y1): dropping M's constraint would admit them.
    expect(Array.from(w.soleVetoes)).toEqual([0, 2]);
  });

  it("adds level-I negotiators to every package and checks party indices", () => {
    const A = party("A", [0.5, 0.1, 0.9], [0.5, 0.5]);
    const w = winSet(space, [L, M, A], ratifiers, { alsoRequired: [2] });
    expect(Array.from(w.required)).toEqual([0, 1, 2]);
    expect(Array.from(w.packages)).toEqual([]); // A rejects x1, L rejects x2, A is indifferent to y1
    expect(() => winSet(space, [L, M], [[0], [5]])).toThrow("party index 5 is not one of 0–1");
    expect(() => winSet(space, [L, M], [[0]])).toThrow("1 ratifier lists for 2 issues");
  });

  it("without any ratifier every package except no deal is in the win-set", () => {
    const w = winSet(space, [L, M], [[], []]);
    expect(w.size).toBe(5);
    expect(w.required).toHaveLength(0);
  });
});

import { describe, expect, it } from "vitest";
import { type GeniusUtilitySpace, geniusDealSpace } from "./genius-space.ts";

const issue = (index: number, name: string, items: Array<[string, number | undefined]>) => ({
  index,
  name,
  type: "discrete",
  items: items.map(([value, evaluation]) => ({ value, evaluation })),
});
const domain: GeniusUtilitySpace = {
  type: undefined,
  issues: [
    issue(2, "salary", [
      ["0", undefined],
      ["200", undefined],
      ["400", undefined],
    ]),
    issue(3, "daniels", [
      ["Fire", undefined],
      ["Keep", undefined],
    ]),
  ],
  weights: [],
  reservation: undefined,
  discount: undefined,
};
const profile = (over: Partial<GeniusUtilitySpace> = {}): GeniusUtilitySpace => ({
  type: undefined,
  issues: [
    issue(2, "salary", [
      ["0", 0],
      ["0", 8],
      ["200", 36],
      ["400", 64],
    ]),
    issue(3, "daniels", [
      ["Keep", 0],
      ["Fire", 100],
    ]),
  ],
  weights: [
    { index: 2, value: 0.6 },
    { index: 3, value: 0.4 },
  ],
  reservation: { value: 0.25 },
  discount: { value: 0.5 },
  ...over,
});

describe("geniusDealSpace (pure conversion)", () => {
  it("normalises by the largest evaluation, matches items by value, keeps the last duplicate", () => {
    const r = geniusDealSpace(domain, [{ name: "ampo", space: profile() }]);
    if ("problems" in r) throw new Error(JSON.stringify(r.problems));
    const [u] = r.utilities;
    expect(r.space.issues.map((i) => i.labels)).toEqual([
      ["0", "200", "400"],
      ["Fire", "Keep"],
    ]);
    expect(Array.from(u?.contributions[0] ?? [])).toEqual([
      0.6 * (8 / 64),
      0.6 * (36 / 64),
      0.6 * 1,
    ]);
    expect(Array.from(u?.contributions[1] ?? [])).toEqual([0.4, 0]);
    expect([u?.reservation, u?.discount, u?.cap]).toEqual([0.25, 0.5, 1]);
    expect(r.notes).toEqual([
      'ampo: issue "salary" lists value "0" twice (evaluations 0 and 8); kept the last (8)',
    ]);
    const first = geniusDealSpace(domain, [{ name: "ampo", space: profile() }], {
      duplicates: "first",
    });
    if ("problems" in first) throw new Error("unexpected");
    expect(first.utilities[0]?.contributions[0]?.[0]).toBe(0);
  });

  it("defaults: reservation 0, discount 1; the profile defines the domain when none is given", () => {
    const r = geniusDealSpace(undefined, [
      { name: "p", space: profile({ reservation: undefined, discount: undefined }) },
    ]);
    if ("problems" in r) throw new Error(JSON.stringify(r.problems));
    expect([r.utilities[0]?.reservation, r.utilities[0]?.discount]).toEqual([0, 1]);
    expect(r.space.issues[1]?.labels).toEqual(["Keep", "Fire"]);
  });

  it("reports every problem, per file, with the field and what is allowed", () => {
    const at = { line: 3, col: 5 };
    const bad = profile({
      type: "nonlinear",
    });
    const r = geniusDealSpace(domain, [
      { name: "a", space: bad },
      {
        name: "b",
        space: profile({
          weights: [{ index: 2, value: -1, at }],
          discount: { value: 0 },
        }),
      },
    ]);
    expect("problems" in r && r.problems).toEqual([
      {
        source: 0,
        at: undefined,
        path: "utility_space@type",
        message:
          'utility space type "nonlinear" is not supported; supported: additive profiles (no type, or type="UNCERTAIN", read as the additive profile it contains)',
      },
      { source: 1, at, path: "weight[2]@value", message: "expected a weight ≥ 0, got -1" },
      {
        source: 1,
        at: undefined,
        path: "weight[3]",
        message:
          'no weight for issue 3 ("daniels"); every issue needs a <weight index="3" value="…"/>',
      },
      {
        source: 1,
        at: undefined,
        path: "discount_factor@value",
        message: "expected a discount factor in (0, 1], got 0",
      },
    ]);
    expect(geniusDealSpace(domain, [])).toEqual({
      problems: [
        {
          source: "domain",
          at: undefined,
          path: "(profiles)",
          message: "expected at least one profile",
        },
      ],
    });
  });
});

import { describe, expect, it } from "vitest";
import type { Scenario } from "../scenario/schema.ts";
import { validateScenario } from "../scenario/validate.ts";
import { applyDraftReview, type DraftDecision, draftItems } from "./draft-review.ts";

const e = (value: number, source: string) => ({ value, source, quote: `q${value}` });
const draft: Scenario = {
  id: "d",
  title: "D",
  asOf: "2025-10-01",
  sources: [
    { id: "s1", title: "One", locator: "one.txt" },
    { id: "s2", title: "Two", locator: "two.txt" },
  ],
  actors: [
    { id: "a", name: "A", capability: [e(60, "s1"), e(40, "s2")] },
    { id: "b", name: "B", capability: [e(30, "s1")] },
  ],
  issues: [
    {
      id: "i",
      title: "I",
      scale: { min: 0, max: 100, minLabel: "lo", maxLabel: "hi" },
      statusQuo: [e(20, "s2")],
    },
  ],
  stances: [
    { actor: "a", issue: "i", position: [e(80, "s1")], salience: [e(90, "s1")] },
    { actor: "b", issue: "i", position: [e(10, "s2")], salience: [e(50, "s2")] },
  ],
  shocks: [
    {
      id: "k",
      title: "K",
      probability: [e(0.3, "s1")],
      effects: [{ kind: "remove-actor", actors: ["b"] }],
    },
  ],
  draft: { model: "m", dropped: [] },
};
const keys = (s: Scenario) => draftItems(s).map((x) => x.key);

describe("draftItems", () => {
  it("lists every source estimate in document order, with its bounds", () => {
    const items = draftItems(draft);
    expect(items.map((x) => x.item)).toEqual([
      "capability of a",
      "capability of a",
      "capability of b",
      "status quo of i",
      "position of a on i",
      "salience of a on i",
      "position of b on i",
      "salience of b on i",
      "probability of shock k",
    ]);
    expect(items[1]?.path).toEqual(["actors", 0, "capability", 1]);
    expect(items.at(-1)).toMatchObject({ low: 0, high: 1, estimate: { value: 0.3 } });
  });
});

describe("applyDraftReview", () => {
  it("keeps accepted numbers with edited values, drops the draft mark, and validates", () => {
    const all: Record<string, DraftDecision> = Object.fromEntries(
      keys(draft).map((k) => [k, { keep: true }]),
    );
    all['["stances",0,"position",0]'] = { keep: true, value: 75 };
    const { scenario, removed } = applyDraftReview(draft, all);
    expect(removed).toEqual([]);
    expect(scenario.draft).toBeUndefined();
    expect(scenario.stances[0]?.position).toEqual([{ value: 75, source: "s1", quote: "q80" }]);
    expect(validateScenario(scenario).issues).toEqual([]);
    expect(draft.stances[0]?.position).toEqual([e(80, "s1")]); // the draft itself is untouched
  });

  it("removes rejected and undecided numbers, and what they leave incomplete", () => {
    const decisions = Object.fromEntries(keys(draft).map((k) => [k, { keep: true }]));
    decisions['["actors",0,"capability",1]'] = { keep: false };
    delete decisions['["stances",1,"salience",0]'];
    const { scenario, removed } = applyDraftReview(draft, decisions);
    expect(scenario.actors.map((a) => [a.id, a.capability])).toEqual([["a", [e(60, "s1")]]]);
    expect(scenario.stances.map((s) => s.actor)).toEqual(["a"]);
    expect(scenario.shocks).toBeUndefined();
    expect(removed.map((r) => `${r.item}: ${r.reason}`)).toEqual([
      "capability of a: not accepted in review",
      "salience of b on i: not accepted in review",
      "stance of b on i: no source's salience was grounded",
      "actor b: no stance of it was grounded",
      "shock k: none of its effects names a kept actor or issue",
    ]);
  });
});

import { type Scenario, validateScenario } from "@entente/core";
import { describe, expect, it } from "vitest";
import {
  addStance,
  describeEstimate,
  errorsByCell,
  estimateLine,
  estimateTooltip,
  moveEstimate,
  removeStance,
  setStanceValue,
} from "./scenario-edit.ts";

const scenario = (): Scenario => {
  const result = validateScenario({
    id: "t",
    title: "Test",
    asOf: "2025-01-31",
    sources: [
      { id: "s1", title: "First analysis", locator: "a.txt" },
      { id: "s2", title: "Second analysis", locator: "b.txt" },
    ],
    actors: [
      { id: "a", name: "Alpha", capability: 2 },
      { id: "b", name: "Beta", capability: { value: 1, low: 0.5, high: 2, sources: ["s1"] } },
    ],
    issues: [{ id: "x", title: "Tariff", scale: { minLabel: "free", maxLabel: "closed" } }],
    stances: [
      {
        actor: "a",
        issue: "x",
        position: { value: 20, low: 10, high: 30, sources: ["s1"] },
        salience: 50,
      },
      {
        actor: "b",
        issue: "x",
        position: [
          { value: 70, source: "s1", note: "hawkish" },
          { value: 90, source: "s2" },
        ],
        salience: 80,
      },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
};

describe("moveEstimate", () => {
  it("replaces a plain number", () => {
    expect(moveEstimate(40, 55, [0, 100])).toBe(55);
  });

  it("moves a sourced range with its value, clamped to the bounds, keeping its sources", () => {
    expect(moveEstimate({ value: 20, low: 10, high: 30, sources: ["s1"] }, 95, [0, 100])).toEqual({
      value: 95,
      low: 85,
      high: 100,
      sources: ["s1"],
    });
  });

  it("leaves the range alone when the value goes out of bounds, and when it comes back", () => {
    const out = moveEstimate({ value: 95, low: 85, high: 100 }, 130, [0, 100]);
    expect(out).toEqual({ value: 130, low: 85, high: 100 });
    expect(moveEstimate(out, 95, [0, 100])).toEqual({ value: 95, low: 85, high: 100 });
  });

  it("shifts every disagreeing estimate so the weighted centre lands on the new value", () => {
    const moved = moveEstimate(
      [
        { value: 70, source: "s1" },
        { value: 90, source: "s2" },
      ],
      60,
      [0, 100],
    );
    expect(moved).toEqual([
      { value: 50, source: "s1" },
      { value: 70, source: "s2" },
    ]);
  });

  it("keeps a sourced number's range while what was typed is not a number", () => {
    expect(moveEstimate({ value: 20, low: 10, high: 30 }, "2x", [0, 100])).toEqual({
      value: "2x",
      low: 10,
      high: 30,
    });
  });
});

describe("stance edits", () => {
  it("sets a salience and leaves the other stances as they were", () => {
    const s = scenario();
    const next = setStanceValue(s, "a", "x", "salience", 130);
    expect(next.stances[0]?.salience).toBe(130);
    expect(next.stances[1]).toBe(s.stances[1]);
    expect(s.stances[0]?.salience).toBe(50);
  });

  it("maps a validation problem to its grid cell", () => {
    const next = setStanceValue(scenario(), "a", "x", "salience", 130);
    const result = validateScenario(next);
    expect(result.ok).toBe(false);
    const cells = errorsByCell(next, result.ok ? [] : result.issues);
    expect([...cells.keys()]).toEqual(["a|x|salience"]);
    expect(cells.get("a|x|salience")?.[0]?.message).toMatch(/130/);
  });

  it("adds a stance at mid-scale and removes it again", () => {
    const s = removeStance(scenario(), "b", "x");
    expect(s.stances).toHaveLength(1);
    const back = addStance(s, "b", "x");
    expect(back.stances.at(-1)).toEqual({ actor: "b", issue: "x", position: 50, salience: 50 });
  });
});

describe("describeEstimate", () => {
  it("names the sources of a range and of disagreeing estimates by title", () => {
    const s = scenario();
    const range = describeEstimate(s.stances[0]?.position, s.sources);
    expect(range).toMatchObject({ kind: "range", central: 20, low: 10, high: 30 });
    expect(estimateTooltip(range)).toContain("First analysis");
    const disputed = describeEstimate(s.stances[1]?.position, s.sources);
    expect(disputed).toMatchObject({ kind: "disputed", central: 80, low: 70, high: 90 });
    expect(estimateTooltip(disputed)).toBe(
      "80: sources disagree\n• 70 — First analysis: hawkish\n• 90 — Second analysis",
    );
    // On one line, as the revision diff shows them.
    expect(estimateLine(range)).toBe("20 (10–30) [First analysis]");
    expect(estimateLine(disputed)).toBe("70 [First analysis]; 90 [Second analysis]");
    expect(estimateLine(describeEstimate(45, s.sources))).toBe("45");
  });
});

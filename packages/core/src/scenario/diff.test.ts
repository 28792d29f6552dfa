import { describe, expect, it } from "vitest";
import { diffScenarios } from "./diff.ts";
import type { Scenario } from "./schema.ts";

const base: Scenario = {
  id: "t",
  title: "Trade talks",
  asOf: "2025-01-31",
  sources: [{ id: "s1", title: "Notes", locator: "notes.txt" }],
  actors: [
    { id: "a", name: "Alpha", capability: 2 },
    { id: "b", name: "Beta", capability: { value: 1, low: 0.5, high: 2, sources: ["s1"] } },
  ],
  issues: [
    {
      id: "tariff",
      title: "Tariff",
      scale: { min: 0, max: 100, minLabel: "Free", maxLabel: "Closed" },
      statusQuo: 40,
    },
  ],
  stances: [
    { actor: "a", issue: "tariff", position: 20, salience: 50 },
    { actor: "b", issue: "tariff", position: 70, salience: 80 },
  ],
};

describe("diffScenarios", () => {
  it("finds nothing between equal scenarios", () => {
    expect(diffScenarios(base, structuredClone(base))).toEqual([]);
  });

  it("reports each changed number whole, with its sources, under readable names", () => {
    const next = structuredClone(base);
    next.stances[1] = { ...next.stances[1], position: { value: 75, sources: ["s1"] } } as never;
    next.actors[1] = {
      ...next.actors[1],
      capability: { value: 1, low: 0.5, high: 3, sources: ["s1"] },
    } as never;
    next.title = "Trade talks II";
    expect(diffScenarios(base, next)).toEqual([
      {
        kind: "changed",
        path: ["title"],
        where: "title",
        before: "Trade talks",
        after: "Trade talks II",
      },
      {
        kind: "changed",
        path: ["actors", 1, "capability"],
        where: "Actor “Beta” · capability",
        before: { value: 1, low: 0.5, high: 2, sources: ["s1"] },
        after: { value: 1, low: 0.5, high: 3, sources: ["s1"] },
      },
      {
        kind: "changed",
        path: ["stances", 1, "position"],
        where: "Beta on Tariff · position",
        before: 70,
        after: { value: 75, sources: ["s1"] },
      },
    ]);
  });

  it("lists the records of a list that appears one by one", () => {
    const next = structuredClone(base);
    next.shocks = [
      {
        id: "x",
        title: "Walkout",
        probability: 0.1,
        effects: [{ kind: "remove-actor", actors: ["a"] }],
      },
    ];
    expect(diffScenarios(base, next).map((c) => [c.kind, c.where])).toEqual([
      ["added", "Shock “Walkout”"],
    ]);
    expect(diffScenarios(next, base).map((c) => [c.kind, c.where])).toEqual([
      ["removed", "Shock “Walkout”"],
    ]);
  });

  it("matches records by id, so a removal is one change and an addition another", () => {
    const next = structuredClone(base);
    next.actors = [
      next.actors[1] as Scenario["actors"][number],
      { id: "c", name: "Gamma", capability: 1 },
    ];
    next.stances = next.stances.filter((s) => s.actor !== "a");
    const changes = diffScenarios(base, next).map((c) => [c.kind, c.where]);
    expect(changes).toEqual([
      ["removed", "Actor “Alpha”"],
      ["added", "Actor “Gamma”"],
      ["removed", "Alpha on Tariff"],
    ]);
  });
});

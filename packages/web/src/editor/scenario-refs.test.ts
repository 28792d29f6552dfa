import type { Scenario } from "@entente/core";
import { describe, expect, it } from "vitest";
import { getAt, removeAt, setAt } from "./draft-paths.ts";
import { countRefs, freshId, removeRef, renameRef } from "./scenario-refs.ts";

const scenario: Scenario = {
  id: "t",
  title: "T",
  asOf: "2025-01-31",
  sources: [{ id: "s1", title: "Notes", locator: "n.txt" }],
  actors: [
    { id: "a", name: "Alpha", capability: { value: 2, sources: ["s1"] } },
    { id: "b", name: "Beta", capability: 1 },
  ],
  issues: [
    {
      id: "tariff",
      title: "Tariff",
      scale: { min: 0, max: 100, minLabel: "Free", maxLabel: "Closed" },
      ratifiers: ["a", "b"],
    },
  ],
  stances: [
    { actor: "a", issue: "tariff", position: [{ value: 20, source: "s1" }], salience: 50 },
    { actor: "b", issue: "tariff", position: 70, salience: 80 },
  ],
  shocks: [
    {
      id: "x",
      title: "X",
      probability: 0.2,
      effects: [{ kind: "shift-position", actors: ["a"], issues: ["tariff"], by: 5 }],
    },
  ],
  phases: [{ id: "p", title: "P", actors: ["a", "b"], issues: ["tariff"], sources: ["s1"] }],
};

describe("renaming and removing what a scenario refers to", () => {
  it("renames an actor in its record, stances, ratifiers, shocks and phases", () => {
    const out = renameRef(scenario, "actor", "a", "alpha");
    expect(out.actors.map((a) => a.id)).toEqual(["alpha", "b"]);
    expect(out.stances.map((s) => s.actor)).toEqual(["alpha", "b"]);
    expect(out.issues[0]?.ratifiers).toEqual(["alpha", "b"]);
    expect(out.shocks?.[0]?.effects[0]).toMatchObject({ actors: ["alpha"] });
    expect(out.phases?.[0]?.actors).toEqual(["alpha", "b"]);
    expect(out.sources).toEqual(scenario.sources);
  });

  it("renames a source wherever a number cites it", () => {
    const out = renameRef(scenario, "source", "s1", "notes");
    expect(out.sources[0]?.id).toBe("notes");
    expect(out.actors[0]?.capability).toEqual({ value: 2, sources: ["notes"] });
    expect(out.stances[0]?.position).toEqual([{ value: 20, source: "notes" }]);
    expect(out.phases?.[0]?.sources).toEqual(["notes"]);
  });

  it("removes an issue with its stances and every reference to it", () => {
    const out = removeRef(scenario, "issue", "tariff");
    expect(out.issues).toEqual([]);
    expect(out.stances).toEqual([]);
    expect(out.phases?.[0]?.issues).toEqual([]);
    expect(out.shocks?.[0]?.effects[0]).toMatchObject({ issues: [] });
  });

  it("removes a source from the lists citing it, leaving a lone source estimate for validation", () => {
    const out = removeRef(scenario, "source", "s1");
    expect(out.actors[0]?.capability).toEqual({ value: 2, sources: [] });
    expect(out.stances[0]?.position).toEqual([{ value: 20, source: "s1" }]);
  });

  it("counts the references to a record", () => {
    expect(countRefs(scenario, "actor", "a")).toBe(4); // a stance, ratifiers, a shock, a phase
    expect(countRefs(scenario, "source", "s1")).toBe(3);
    expect(countRefs(scenario, "issue", "nope")).toBe(0);
  });

  it("makes fresh ids", () => {
    expect(freshId("actor", ["a"])).toBe("actor");
    expect(freshId("actor", ["actor", "actor-2"])).toBe("actor-3");
  });
});

describe("draft paths", () => {
  it("sets, deletes (dropping emptied objects) and removes list items without touching the input", () => {
    const phase = setAt(scenario, ["phases", 0, "agreement", "probability"], 0.4);
    expect(getAt(phase, ["phases", 0, "agreement"])).toEqual({ probability: 0.4 });
    const cleared = setAt(phase, ["phases", 0, "agreement", "probability"], undefined);
    expect(getAt(cleared, ["phases", 0])).not.toHaveProperty("agreement");
    expect(removeAt(scenario, ["actors"], 0).actors.map((a) => a.id)).toEqual(["b"]);
    expect(scenario.actors).toHaveLength(2);
    expect(scenario.phases?.[0]).not.toHaveProperty("agreement");
  });
});

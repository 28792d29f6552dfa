import { describe, expect, it } from "vitest";
import { centralValue } from "./estimate.ts";
import { validateScenario } from "./validate.ts";

const valid = () => ({
  id: "t",
  title: "T",
  asOf: "2025-01-01",
  sources: [{ id: "s", title: "S", locator: "s.txt" }],
  actors: [
    { id: "a", name: "A", capability: 1 },
    { id: "b", name: "B", capability: { value: 2, sources: ["s"] } },
  ],
  issues: [{ id: "i", title: "I", scale: { minLabel: "lo", maxLabel: "hi" }, statusQuo: 10 }],
  stances: [
    { actor: "a", issue: "i", position: 20, salience: 50 },
    { actor: "b", issue: "i", position: [{ value: 60, source: "s" }], salience: 70 },
  ],
});

describe("validateScenario", () => {
  it("accepts a valid document and fills in the default scale", () => {
    const result = validateScenario(valid());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.issues[0]?.scale).toMatchObject({ min: 0, max: 100 });
  });

  it("reports every problem at once, each with its path", () => {
    const doc = valid();
    doc.actors[0] = { id: "a", name: "A", capability: -1 };
    doc.stances[0] = { actor: "zz", issue: "i", position: 120, salience: 50 };
    (doc.stances[1] as Record<string, unknown>).salience = "high";
    const result = validateScenario(doc);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["stances.1.salience", ESTIMATE_MESSAGE('"high"')],
      ["actors.0.capability", "expected a capability greater than 0, got -1"],
      ["stances.0.actor", 'unknown actor "zz"; declared actors: a, b'],
      ["stances.0.position", "expected a value on the issue's scale, 0 to 100, got 120"],
    ]);
  });

  it("checks bounds against the issue's own scale", () => {
    const doc = valid();
    doc.issues[0] = {
      id: "i",
      title: "I",
      scale: { min: 4, max: 10, minLabel: "lo", maxLabel: "hi" } as never,
      statusQuo: 3,
    };
    doc.stances[0] = { actor: "a", issue: "i", position: 7, salience: 50 };
    doc.stances[1] = { actor: "b", issue: "i", position: 9, salience: 50 } as never;
    const result = validateScenario(doc);
    expect(result.issues).toEqual([
      {
        path: ["issues", 0, "statusQuo"],
        message: "expected a value on the issue's scale, 4 to 10, got 3",
      },
    ]);
  });

  it("keeps scales inside the range where the models' arithmetic is exact enough", () => {
    const at = (scale: Record<string, unknown>) => {
      const doc = valid();
      (doc.issues[0] as Record<string, unknown>).scale = {
        minLabel: "lo",
        maxLabel: "hi",
        ...scale,
      };
      const result = validateScenario(doc);
      return result.issues
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .filter((m) => m.startsWith("issues.0.scale"));
    };
    expect(at({ min: -1e308, max: 0 })).toEqual([
      'issues.0.scale.min: expected a scale end within ±1e15 (express large amounts in a larger unit, e.g. "billion €"), got -1e+308',
    ]);
    expect(at({ min: 0, max: 2e15 })[0]).toMatch(/^issues\.0\.scale\.max: .*got 2000000000000000$/);
    expect(at({ min: 0, max: 5e-324 })).toEqual([
      "issues.0.scale.max: expected the scale to span at least 1e-9 (express small amounts in a smaller unit), got 0 to 5e-324",
    ]);
    expect(at({ min: -1e15, max: 1e15 })).toEqual([]);
    expect(at({ min: 0, max: 1e-9 })).toEqual([]);
  });

  it("asks that someone at a phase's table has a stance on each of its issues", () => {
    const doc = {
      ...valid(),
      phases: [{ id: "p", title: "P", actors: ["a"], issues: ["i"] }],
    };
    doc.stances = [{ actor: "b", issue: "i", position: 20, salience: 50 }];
    const result = validateScenario(doc);
    expect(result.issues).toEqual([
      {
        path: ["phases", 0, "issues", 0],
        message:
          'no actor of this phase (a) has a stance on issue "i"; add one who does, or leave the issue out of the phase',
      },
    ]);
  });

  it("never throws, whatever it is given", () => {
    for (const input of [undefined, null, 0, "x", [], {}, { actors: "x", stances: [null] }]) {
      expect(validateScenario(input).ok).toBe(false);
    }
  });
});

describe("centralValue", () => {
  it("takes value, or the weighted mean of source estimates", () => {
    expect(centralValue(5)).toBe(5);
    expect(centralValue({ value: 5, low: 1, high: 9 })).toBe(5);
    expect(
      centralValue([
        { value: 10, source: "a" },
        { value: 40, source: "b", weight: 2 },
      ]),
    ).toBe(30);
  });
});

function ESTIMATE_MESSAGE(got: string): string {
  return `expected a number, { value, low, high, sources, note }, or a list of { value, source, note }, got ${got}`;
}

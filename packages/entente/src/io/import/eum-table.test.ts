import { readFileSync } from "node:fs";
import { compromise, prepareScenario, validateScenario, weightedMedianModel } from "@entente/core";
import { describe, expect, it } from "vitest";
import reference from "../../../../../test/fixtures/reference/simple-models.json" with {
  type: "json",
};
import { decodeText } from "../decode-text.ts";
import { formatDiagnostic, InputError } from "../diagnostic.ts";
import { toScenario } from "./common.ts";
import { type EumTableOptions, looksLikeEumTable, readEumTable } from "./eum-table.ts";

const root = new URL("../../../../../", import.meta.url);
function text(name: string): string {
  const file = new URL(`test/fixtures/import/${name}`, root).pathname;
  const decoded = decodeText(readFileSync(file), name);
  if ("diagnostic" in decoded) throw new Error(decoded.diagnostic.message);
  return decoded.text;
}

function problems(table: string, options: EumTableOptions = {}): string[] {
  try {
    readEumTable(table, "t.csv", options);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map(formatDiagnostic);
    throw e;
  }
  return [];
}

const EMISSION = [
  "emission-standards.jmckib.csv", // LF, salience 0-1
  "emission-standards.dmasad.csv", // CR-only, salience 0-100
  "emission-standards.decisionmechanics.txt", // tabs, byte-order mark, unnamed name column
];

describe("readEumTable on the published emission-standards tables", () => {
  it.each(EMISSION)("%s: the reference compromise 7.3899556869 and weighted median 7", (name) => {
    const result = validateScenario(toScenario(readEumTable(text(name), name), name, "1989-01-01"));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const data = prepareScenario(result.scenario);
    const [issue] = data.issues;
    expect([issue?.min, issue?.max]).toEqual(reference.emission.scale);
    expect(Array.from(issue?.saliences ?? [])).toEqual(
      reference.emission.actors.map((a) => a.salience),
    );
    expect(Array.from(issue?.capabilities ?? [])).toEqual(
      reference.emission.actors.map((a) => a.capability),
    );
    const mean = compromise.run(data).issues[0]?.forecast as number;
    expect(Math.abs(mean - reference.emission.compromise)).toBeLessThanOrEqual(1e-9);
    expect(weightedMedianModel.run(data).issues[0]?.forecast).toBe(
      reference.emission.weightedMedian,
    );
  });

  it("detects all three as EUM tables", () => {
    for (const name of EMISSION) expect(looksLikeEumTable(text(name))).toBe(true);
  });
});

describe("readEumTable on other tables", () => {
  it("reads Stakeholder/Resources headers, CR-only lines and salience on 0-100 (ChinaData)", () => {
    const table = readEumTable(text("ChinaData.csv"), "ChinaData.csv");
    expect(table.actors).toHaveLength(24);
    expect(table.actors[23]).toEqual({ name: "Guandung", capability: 30 });
    expect(table.issues[0]).toMatchObject({ min: 10, max: 100 });
    expect(table.stances[0]).toEqual({ actor: 0, issue: 0, position: 25, salience: 50 });
    expect(table.description.join(" ")).toContain("salience was given on 0-100");
  });

  it("multiplies salience on 0-1 by 100 exactly (Honduras: 0.3 → 30, not 30.000000000000004)", () => {
    const table = readEumTable(text("HondurasCrisisData.csv"), "HondurasCrisisData.csv");
    expect(table.stances.map((s) => s.salience)).toEqual([100, 100, 30, 10, 30]);
    expect(table.issues[0]).toMatchObject({ min: 0, max: 1 });
    expect(table.actors[3]).toEqual({ name: "United States", capability: 0.2550486 });
  });

  it("takes the scale and the salience scale from options", () => {
    const t = "Actor,Capability,Position,Salience\nA,1,4,1\nB,1,10,0.5\n";
    expect(readEumTable(t, "t.csv", { scaleMin: 0, scaleMax: 20 }).issues[0]).toMatchObject({
      min: 0,
      max: 20,
    });
    expect(readEumTable(t, "t.csv").stances.map((s) => s.salience)).toEqual([100, 50]);
    expect(
      readEumTable(t, "t.csv", { salienceScale: "0-100" }).stances.map((s) => s.salience),
    ).toEqual([1, 0.5]);
  });

  it("reads columns in any order, semicolons, CRLF and quoted names", () => {
    const t = 'x;s;name;c\r\n4;0.8;"Netherlands; NL";0.08\r\n10;0.6;France;0.16\r\n';
    const table = readEumTable(t, "t.csv");
    expect(table.actors).toEqual([
      { name: "Netherlands; NL", capability: 0.08 },
      { name: "France", capability: 0.16 },
    ]);
    expect(table.stances.map((s) => [s.position, s.salience])).toEqual([
      [4, 80],
      [10, 60],
    ]);
  });
});

describe("readEumTable on bad input", () => {
  it("names unknown, repeated and missing columns with the allowed names", () => {
    expect(problems("Actor,Capability,Position,Position,Notes\nA,1,2,3,x\n")).toEqual([
      "t.csv:1:1 header: missing the salience column; expected columns Actor (or name, Stakeholder), Capability (or c, Resources, Power, Influence), Position (or x), Salience (or s)",
      "t.csv:1:27 header: column position is given twice",
      't.csv:1:36 header: unknown column "Notes"; expected Actor (or name, Stakeholder), Capability (or c, Resources, Power, Influence), Position (or x), Salience (or s)',
    ]);
  });

  it("reports every bad cell at its line and column", () => {
    const t = "Actor,Capability,Position,Salience\nA,0,4,50\nA,1,x,500\n,1,5,50,extra\n";
    expect(problems(t)).toEqual([
      't.csv:2:3 actors.0.capability: expected a capability greater than 0, got "0"',
      't.csv:3:1 actors.1.actor: duplicate actor name "A"; already on line 2',
      't.csv:3:5 actors.1.position: expected a number, got "x"',
      't.csv:3:7 actors.1.salience: expected a salience from 0 to 1 or from 0 to 100, got "500"',
      "t.csv:4:1 actors.2.actor: expected the actor's name, got nothing",
      't.csv:4:9 actors.2: unexpected value "extra": the header names 4 columns',
    ]);
  });

  it("asks for a scale when every position is the same, and checks positions against a given one", () => {
    const same = "Actor,Capability,Position,Salience\nA,1,5,50\nB,1,5,60\n";
    expect(problems(same)).toEqual([
      "t.csv:2:5 actors.0.position: every position is 5: the scale runs from the lowest to the highest position, so give --scale-min and --scale-max",
    ]);
    expect(problems(same, { scaleMin: 0, scaleMax: 4 })).toEqual([
      "t.csv:2:5 actors.0.position: expected a position on the scale, 0 to 4 (--scale-min, --scale-max), got 5",
      "t.csv:3:5 actors.1.position: expected a position on the scale, 0 to 4 (--scale-min, --scale-max), got 5",
    ]);
  });

  it("checks salience against an explicit 0-1 scale", () => {
    const t = "Actor,Capability,Position,Salience\nA,1,4,0.5\nB,1,6,50\n";
    expect(problems(t, { salienceScale: "0-1" })).toEqual([
      "t.csv:3:7 actors.1.salience: expected a salience from 0 to 1 (--salience-scale 0-1), got 50",
    ]);
  });

  it("says so when there is no row", () => {
    expect(problems("Actor,Capability,Position,Salience\n")).toEqual([
      "t.csv:1:35 (file): no actor rows after the header",
    ]);
  });
});

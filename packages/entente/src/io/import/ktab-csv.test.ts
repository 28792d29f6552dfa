import { readFileSync } from "node:fs";
import { prepareScenario, type Scenario, validateScenario } from "@entente/core";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, InputError } from "../diagnostic.ts";
import { readScenario } from "../read-scenario.ts";
import { toScenario } from "./common.ts";
import { readKtabCsv } from "./ktab-csv.ts";

const root = new URL("../../../../../", import.meta.url);
const fixture = (name: string) => new URL(`test/fixtures/import/${name}`, root).pathname;
const read = (name: string) => readKtabCsv(readFileSync(fixture(name), "utf8"), name);

function scenarioOf(name: string): Scenario {
  const result = validateScenario(toScenario(read(name), name, "2017-05-30"));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

/** Every diagnostic of reading `text` as a KTAB CSV, as printed. */
function problems(text: string): string[] {
  try {
    readKtabCsv(text, "x.csv");
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map(formatDiagnostic);
    throw e;
  }
  return [];
}

const HEAD = "S,desc,3,2,\nActor,Description,Power,D1,S1,D2,S2,\n";

describe("readKtabCsv on KTAB's own files", () => {
  it("gives the same numbers as scenarios/ktab-dummy-3dim.yaml (round trip)", async () => {
    const shipped = (await readScenario(new URL("scenarios/ktab-dummy-3dim.yaml", root).pathname))
      .data;
    const imported = prepareScenario(scenarioOf("dummyData_3Dim.csv"));
    expect(imported.actors).toEqual(shipped.actors);
    expect(imported.issues).toHaveLength(shipped.issues.length);
    for (const [k, issue] of imported.issues.entries()) {
      const want = shipped.issues[k];
      expect([issue.min, issue.max]).toEqual([want?.min, want?.max]);
      expect(issue.capabilities).toEqual(want?.capabilities);
      expect(issue.positions).toEqual(want?.positions);
      expect(issue.saliences).toEqual(want?.saliences);
    }
  });

  it("reads line 1 with its quirks: trailing space in the name, quoted description", () => {
    const table = read("dummyData_3Dim.csv");
    expect(table.title).toBe("DummyData_3Dim");
    expect(table.description[0]).toBe("Dummy scenario to test reading format");
    expect(table.issues.map((i) => i.title)).toEqual(["Pstn1", "Pstn2", "Pstn3"]);
    expect(table.actors[0]).toEqual({
      name: "SActor-00",
      description: "Random Spatial Actor",
      capability: 102.543,
    });
  });

  it("reads the same numbers without the trailing commas", () => {
    const a = read("dummyData_3Dim.csv");
    const b = read("dummyData_3Dim-no-final-comma.csv");
    expect(b.actors).toEqual(a.actors);
    expect(b.stances).toEqual(a.stances);
  });

  it("reads CRLF line endings and ignores extra fields after numDims on line 1", () => {
    const table = read("dummyData_6Dim.csv");
    expect(table.actors).toHaveLength(27);
    expect(table.issues.map((i) => i.title)).toEqual([
      "Dim0 Position",
      "Dim1 Position",
      "Dim2 Position",
      "Dim3 Position",
      "Dim4 Position",
      "Dim5 Position",
    ]);
    expect(table.stances[0]).toEqual({ actor: 0, issue: 0, position: 50, salience: 8 });
    expect(scenarioOf("dummyData_6Dim.csv").stances).toHaveLength(27 * 6);
  });

  it("reads space-padded fields and a trailing ', ' on every line", () => {
    const table = read("SOE-Pol-Comp.csv");
    expect(table.title).toBe("China Policy/Competitive; scen 2");
    expect(table.actors).toHaveLength(13);
    expect(table.actors[4]).toEqual({
      name: "LH",
      description: "Liu He - Deputy Director of DRC",
      capability: 40,
    });
    expect(scenarioOf("SOE-Pol-Comp.csv").actors.map((a) => a.id)).toContain("lh");
  });

  it("reads $$ as a comma in names and descriptions, as KTAB's reader does", () => {
    const table = readKtabCsv(
      `${HEAD}A,"Smith$$ John",1,10,10,10,10\nB,b,1,10,10,10,10\nC,c,1,10,10,10,10\n`,
      "x.csv",
    );
    expect(table.actors[0]?.description).toBe("Smith, John");
  });
});

describe("readKtabCsv on bad input", () => {
  it("reports every bad value at its line and column, naming the field and what is allowed", () => {
    const text = `${HEAD}A, x, 10, 50, 40, 20, 70,\nB, y, -1, 150, abc, 20\nA, z, 5, 10, 10, 10, 10, 99\n`;
    expect(problems(text)).toEqual([
      "x.csv:3:15 actors.0.salience: expected the actor's saliences to sum to at most 100 (KTAB's rule), got 110",
      'x.csv:4:7 actors.1.capability: expected a capability greater than 0 and at most 100000000, got "-1"',
      'x.csv:4:11 actors.1.dim1.position: expected a position from 0 to 100 for dimension 1 (D1), got "150"',
      'x.csv:4:16 actors.1.dim1.salience: expected a salience from 0 to 100 for dimension 1 (D1), got "abc"',
      "x.csv:4:23 actors.1.dim2.salience: expected a salience from 0 to 100 for dimension 2 (D2), got nothing: the row has 6 values, a row needs 7",
      'x.csv:5:1 actors.2.name: duplicate actor name "A"; already on line 3',
      'x.csv:5:26 actors.2: unexpected value "99": numDims (line 1) is 2, so a row has 7 values (name, description, capability, then a position and a salience per dimension)',
    ]);
  });

  it("checks numActors against the rows", () => {
    const text = `${HEAD}A,a,1,10,10,10,10\nB,b,1,10,10,10,10\n`;
    expect(problems(text)).toEqual([
      "x.csv:1:8 numActors: numActors is 3 but the file has 2 actor rows; make them agree",
    ]);
  });

  it("checks numDims against the header", () => {
    const text = "S,desc,1,3\nActor,Description,Power,D1,S1,D2,S2\nA,a,1,10,10,10,10\n";
    expect(problems(text)).toEqual([
      "x.csv:2:36 header.dim3: missing the column of dimension 3's position: numDims (line 1) is 3, so the header names 3 dimensions after Actor, Description, Power (a position then a salience column each); it has 7 columns",
    ]);
  });

  it("says what line 1 must hold", () => {
    expect(problems("S,desc,three,2\n")).toEqual([
      'x.csv:1:8 numActors: expected the number of actors as a whole number ≥ 1 (line 1 is: scenarioName, description, numActors, numDims), got "three"',
      "x.csv:1:15 (file): missing line 2, the header: Actor, Description, Power, then a position and a salience column per dimension",
    ]);
    expect(problems("S,desc,3\n")).toEqual([
      "x.csv:1:9 numDims: expected the number of dimensions as a whole number ≥ 1 (line 1 is: scenarioName, description, numActors, numDims), got nothing",
    ]);
    expect(problems("")).toEqual(["x.csv:1:1 (file): empty file; expected a KTAB CSV scenario"]);
  });

  it("locates an unclosed quote", () => {
    expect(problems('S,"desc,3,2\n')).toEqual([
      'x.csv:1:3 (syntax): unclosed quote: a cell opened with " never ends',
    ]);
  });
});

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { problems } from "../../../../../test/support/input-problems.ts";
import { parseScenario } from "../read-scenario.ts";
import { detectFormat, importText, scenarioYaml } from "./import-scenario.ts";

const root = new URL("../../../../../", import.meta.url);
/** An input fixture: those of `entente import` are in test/fixtures/import, decide's with the model. */
const bytesOf = (name: string) => {
  const dir = /^(sample_data\.txt|copenhagen\.csv|cop21\.csv)$/.test(name) ? "exchange" : "import";
  return new Uint8Array(readFileSync(new URL(`test/fixtures/${dir}/${name}`, root)));
};
const FIXTURES = [
  ["dummyData_3Dim.csv", "ktab-csv"],
  ["dummyData_3Dim-no-final-comma.csv", "ktab-csv"],
  ["dummyData_6Dim.csv", "ktab-csv"],
  ["SOE-Pol-Comp.csv", "ktab-csv"],
  ["dummyData_3Dim.xml", "ktab-xml"],
  ["smpExample.pre-2017-10.xml", "ktab-xml"],
  ["emission-standards.jmckib.csv", "eum-table"],
  ["emission-standards.dmasad.csv", "eum-table"],
  ["emission-standards.decisionmechanics.txt", "eum-table"],
  ["ChinaData.csv", "eum-table"],
  ["HondurasCrisisData.csv", "eum-table"],
  ["sample_data.txt", "decide"],
  ["copenhagen.csv", "decide"],
] as const;

describe("importText", () => {
  it.each(FIXTURES)("detects %s as %s and gives a valid scenario", (name, format) => {
    const result = importText(bytesOf(name), name, { asOf: "2020-01-01" });
    expect(result.format).toBe(format);
    expect(result.scenario.sources).toEqual([
      expect.objectContaining({ id: "input", locator: name }),
    ]);
    expect(result.scenario.stances.length).toBeGreaterThan(0);
  });

  it("writes YAML with the schema line and a source naming the input, which reads back equal", () => {
    const { scenario, format } = importText(bytesOf("dummyData_3Dim.csv"), "dummyData_3Dim.csv", {
      asOf: "2017-05-30",
    });
    const yaml = scenarioYaml(scenario, {
      file: "some/dir/dummyData_3Dim.csv",
      format,
      schemaRef: "../scenario.schema.json",
    });
    const lines = yaml.split("\n");
    expect(lines[0]).toBe("# yaml-language-server: $schema=../scenario.schema.json");
    expect(lines[1]).toBe("# Imported with `entente import` from dummyData_3Dim.csv (ktab-csv).");
    expect(yaml).toContain("    capability: { value: 102.543, sources: [ input ] }");
    const back = parseScenario(new TextEncoder().encode(yaml), "back.yaml");
    expect(back).toEqual({ scenario });
  });

  it("dates the scenario today when not told, and says so", () => {
    const { scenario } = importText(bytesOf("ChinaData.csv"), "ChinaData.csv");
    expect(scenario.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(scenario.description).toContain("The date (asOf) is the day of the import");
  });

  it("uses --from over detection", () => {
    const name = "emission-standards.jmckib.csv";
    expect(problems(() => importText(bytesOf(name), "e.csv", { from: "ktab-csv" }))).toEqual([
      'e.csv:1:18 numActors: expected the number of actors as a whole number ≥ 1 (line 1 is: scenarioName, description, numActors, numDims), got "Position"',
      'e.csv:1:27 numDims: expected the number of dimensions as a whole number ≥ 1 (line 1 is: scenarioName, description, numActors, numDims), got "Salience"',
    ]);
  });

  it("refuses EUM-only options for KTAB files", () => {
    expect(
      problems(() => importText(bytesOf("dummyData_3Dim.csv"), "d.csv", { scaleMin: 0 })),
    ).toEqual([
      "d.csv:1:1 (options): --scale-min applies to EUM tables only; KTAB files are on KTAB's 0-100 scale",
    ]);
  });

  it("refuses files that are not text, or not UTF-8, at the offending byte", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00]);
    expect(problems(() => importText(utf16, "u.csv"))).toEqual([
      "u.csv:1:1 (file): UTF-16 text (a UTF-16 byte-order mark); save the file as UTF-8",
    ]);
    const enc = (t: string) => [...new TextEncoder().encode(t)];
    // "Müller" saved as Latin-1: the byte 0xFC is not UTF-8.
    const latin1 = new Uint8Array([
      ...enc("Actor,Capability,Position,Salience\nM"),
      0xfc,
      ...enc("ller,1,2,3\n"),
    ]);
    expect(problems(() => importText(latin1, "l.csv"))).toEqual([
      "l.csv:2:2 (file): invalid UTF-8 (byte 0xFC); save the file as UTF-8",
    ]);
    expect(problems(() => importText(new Uint8Array([0x41, 0, 0x42]), "b.csv"))).toEqual([
      "b.csv:1:2 (file): binary data (a NUL byte); expected a CSV, TSV or XML text file",
    ]);
  });
});

describe("detectFormat", () => {
  it("tells the formats apart by name and contents", () => {
    expect(detectFormat("<Scenario/>", "x.dat")).toBe("ktab-xml");
    expect(() => detectFormat('<?xml version="1.0"?>\n<utility_space>', "England.xml")).toThrow(
      /Genius negotiation domain or profile.*entente deals --genius/,
    );
    expect(detectFormat("", "x.xml")).toBe("ktab-xml");
    expect(detectFormat("name\tx\tc\ts\n", "x.txt")).toBe("eum-table");
    expect(detectFormat("S, d, 3, 1\n", "x.csv")).toBe("ktab-csv");
  });

  it("says what it expected, and points scenario files to validate", () => {
    expect(problems(() => detectFormat("hello\n", "x.csv"))).toEqual([
      "x.csv:1:1 (file): cannot tell the format: expected a KTAB CSV (line 1: scenarioName, description, numActors, numDims), a KTAB XML <Scenario>, an EUM table with a header naming Actor, Capability, Position and Salience, or a decide exchange-model file ('#A', '#P', '#M' and '#D' lines); name the format with --from ktab-csv, --from ktab-xml, --from eum-table or --from decide",
    ]);
    expect(problems(() => detectFormat("id: x\n", "x.yaml"))).toEqual([
      "x.yaml:1:1 (file): this is already a scenario file (YAML or JSON); check it with `entente validate`",
    ]);
  });
});

describe("importText never fails with anything but located diagnostics", () => {
  it.each(FIXTURES.map(([name]) => name).filter((_, k) => k % 2 === 0))(
    "on random byte edits of %s",
    (name) => {
      const bytes = bytesOf(name);
      fc.assert(
        fc.property(
          fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 9, max: 126 }) }), {
            maxLength: 6,
          }),
          (edits) => {
            const copy = bytes.slice();
            for (const e of edits) copy[e.at % copy.length] = e.byte;
            for (const line of problems(() => importText(copy, name, { asOf: "2020-01-01" }))) {
              expect(line).toMatch(/^[^:]+:\d+:\d+ \S+: \S/);
            }
          },
        ),
        { numRuns: Number(process.env.FC_RUNS ?? 60) },
      );
    },
  );
});

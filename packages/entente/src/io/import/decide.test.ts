import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { problems } from "../../../../../test/support/input-problems.ts";
import { importText } from "./import-scenario.ts";

const root = new URL("../../../../../", import.meta.url);
const bytesOf = (name: string) =>
  new Uint8Array(readFileSync(new URL(`test/fixtures/exchange/${name}`, root)));
const text = (s: string) => new TextEncoder().encode(s);

const SMALL = [
  "'#A'\t'NL'\t'The Netherlands'\t'a comment'",
  "'#A'\t'EU Commission'\t'Commission'\t''",
  "'#P'\t'tax'\t'Tax rate'\t'How high'",
  "'#M'\t'tax'\t0.5",
  "'#M'\t'tax'\t3",
  "'#M'\t'tax'\t7",
  "'#P'\t'when'\t'When'\t'When'",
  "'#M'\t'when'\t0",
  "'#M'\t'when'\t100",
  "'#D'\t'EU Commission'\t'tax'\t6.5\t0.25\t2",
  "'#D'\t'EU Commission'\t'when'\t10\t1.0\t2",
  "'#D'\t'NL'\t'tax'\t1\t0.7\t1",
  "'#D'\t'NL'\t'when'\t90\t0.35\t3",
  "",
].join("\n");

describe("entente import of a decide exchange-model file", () => {
  it("keeps ids as written where they are ids, scales from '#M', saliences on 0-100, power per issue", () => {
    const { format, scenario } = importText(text(SMALL), "small.txt", { asOf: "2025-01-01" });
    expect(format).toBe("decide");
    // Actors in the order the '#D' rows name them; a written id that is not an id is made one.
    expect(scenario.actors.map((a) => [a.id, a.name])).toEqual([
      ["EU_Commission", "Commission"],
      ["NL", "The Netherlands"],
    ]);
    expect(scenario.actors[1]?.description).toBe("a comment");
    expect(scenario.description).toContain('"EU Commission" → EU_Commission');
    expect(scenario.issues.map((i) => [i.id, i.title, i.description])).toEqual([
      ["tax", "Tax rate", "How high"],
      ["when", "When", undefined],
    ]);
    expect(scenario.issues[0]?.scale).toMatchObject({
      min: 0.5,
      max: 7,
      marks: [{ at: 3, label: "3" }],
    });
    const nl = scenario.stances.filter((s) => s.actor === "NL");
    expect(nl.map((s) => [s.issue, s.position, s.salience, s.capability])).toEqual([
      ["tax", { value: 1, sources: ["input"] }, { value: 70, sources: ["input"] }, undefined],
      [
        "when",
        { value: 90, sources: ["input"] },
        { value: 35, sources: ["input"] },
        { value: 3, sources: ["input"] },
      ],
    ]);
    // NL's powers are 1 and 3: the first written is its capability, the other the stance's own.
    expect(scenario.actors[1]?.capability).toEqual({ value: 1, sources: ["input"] });
  });

  it("reads semicolon-separated files, with double-quoted strings as well", () => {
    const semi = SMALL.replaceAll("\t", ";");
    const a = importText(text(SMALL), "small.txt", { asOf: "2025-01-01" }).scenario;
    const b = importText(text(semi), "small.txt", { asOf: "2025-01-01" }).scenario;
    expect(b).toEqual(a);
    const double = importText(text(semi.replaceAll("'", '"')), "small.txt", { asOf: "2025-01-01" });
    expect(double.format).toBe("decide");
    expect(double.scenario).toEqual(a);
  });

  it("reads the three reference inputs: actors, issues and stances as written", () => {
    for (const [file, actors, issues, stances] of [
      ["sample_data.txt", 10, 6, 60],
      ["copenhagen.csv", 11, 7, 75],
      ["cop21.csv", 15, 13, 181],
    ] as const) {
      const { scenario } = importText(bytesOf(file), file, { asOf: "2025-01-01" });
      expect([scenario.actors.length, scenario.issues.length, scenario.stances.length]).toEqual([
        actors,
        issues,
        stances,
      ]);
    }
    // cop21's '#D' rows name ALBA before AOSISs, its '#A' lines the other way round.
    const cop21 = importText(bytesOf("cop21.csv"), "cop21.csv", { asOf: "2025-01-01" }).scenario;
    expect(cop21.actors.slice(2, 4).map((a) => a.id)).toEqual(["ALBA", "AOSISs"]);
  });

  it("reports every problem at file:line:col, naming the field and what is allowed", () => {
    const bad = [
      "'#A'\t'NL'\t'NL'\t''",
      "'#A'\t'NL'\t'again'\t''",
      "'#P'\t'tax'\t'Tax'\t''",
      "'#M'\t'tax'\t0",
      "'#P'\t'when'\t'When'\t''",
      "'#M'\t'when'\t0",
      "'#M'\t'when'\tten",
      "'#X'\t'oops'",
      "'#D'\t'NL'\t'tax'\t50\t1.5\t1",
      "'#D'\t'DE'\t'when'\t50\t0.5\t0",
      "'#D'\t'NL'\t'when'\t50\t0.5\t1",
      "'#D'\t'NL'\t'when'\t50\t0.5\t1",
      "",
    ].join("\n");
    expect(problems(() => importText(text(bad), "bad.txt", { asOf: "2025-01-01" }))).toEqual([
      "bad.txt:2:6 '#A'.id: duplicate actor id \"NL\"; already declared on line 1",
      "bad.txt:3:6 '#P'.id: issue \"tax\" needs at least two different '#M' scale points (its lowest and highest give its range), got 0",
      "bad.txt:5:6 '#P'.id: issue \"when\" needs at least two different '#M' scale points (its lowest and highest give its range), got 0",
      "bad.txt:7:13 '#M'.point: expected a scale point (a number), got \"ten\"",
      "bad.txt:8:1 (record): expected a record kind '#A', '#P', '#M', '#D', got \"#X\"",
      "bad.txt:9:20 '#D'.salience: expected a salience from 0 to 1, got \"1.5\"",
      "bad.txt:10:6 '#D'.actor: unknown actor \"DE\"; declare it in an '#A' line",
      "bad.txt:10:25 '#D'.power: expected a power (capability) greater than 0, got \"0\"",
      'bad.txt:12:6 \'#D\': duplicate row: actor "NL" on issue "when" is already given on line 11',
    ]);
    const unknown = `${SMALL}'#D'\t'FR'\t'tax'\t5\t0.5\t1\n'#D'\t'NL'\t'size'\t5\t0.5\t1\n'#D'\t'NL'\t'when'\t101\t0.5\t1\n`;
    expect(problems(() => importText(text(unknown), "u.txt", { asOf: "2025-01-01" }))).toEqual([
      "u.txt:14:6 '#D'.actor: unknown actor \"FR\"; declare it in an '#A' line",
      "u.txt:15:11 '#D'.issue: unknown issue \"size\"; declare it in a '#P' line",
      'u.txt:16:6 \'#D\': duplicate row: actor "NL" on issue "when" is already given on line 13',
      "u.txt:16:18 '#D'.position: expected a position on the issue's scale, 0 to 100 (its '#M' points), got 101",
    ]);
  });
});

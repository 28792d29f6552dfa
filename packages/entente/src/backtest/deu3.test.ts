import { readFileSync } from "node:fs";
import { compromise, weightedMedianModel } from "@entente/core";
import { describe, expect, it } from "vitest";
import reference from "../../../../test/fixtures/deu3/schelling-compromise.json" with {
  type: "json",
};
import { type Deu3File, isUsable, parseDeu3 } from "./deu3-parse.ts";
import { runDeu3Backtest } from "./run-backtest.ts";

const file = new URL("../../../../test/fixtures/deu3/deu3.csv", import.meta.url).pathname;

function load(): Deu3File {
  const parsed = parseDeu3(readFileSync(file, "utf8"), file);
  if ("diagnostics" in parsed) throw new Error(parsed.diagnostics[0]?.message);
  return parsed.table;
}

describe("parseDeu3", () => {
  const table = load();

  it("reads 364 issues, 353 with an outcome, 351 usable; row 2 is weights, not an issue", () => {
    expect(table.issues).toHaveLength(364);
    expect(table.issues.filter((i) => i.outcome !== undefined)).toHaveLength(353);
    expect(table.issues.filter(isUsable)).toHaveLength(351);
    expect(table.rowTwoWeights.de).toBe(table.rowTwoWeights.com);
  });

  it("reads the final act's year from both date spellings, and 999 as unknown", () => {
    const year = (id: string) => table.issues.find((i) => i.id === id)?.finalActYear;
    expect(year("d00032i1")).toBe(2001); // "1930-05-01" = 30-05-01
    expect(year("d00060i1")).toBeUndefined(); // 999
  });

  it("locates a bad value and a file that is not DEU III", () => {
    const lines = readFileSync(file, "utf8").split("\n");
    lines[2] = (lines[2] as string).replace(/\t100\t100\t40\t/, "\t100\tabc\t40\t");
    const bad = parseDeu3(lines.join("\n"), "deu.tsv");
    expect("diagnostics" in bad && bad.diagnostics[0]).toMatchObject({
      file: "deu.tsv",
      line: 3,
      path: "pep",
      message: 'expected a number from 0 to 100 (or blank / 999 for missing), got "abc"',
    });
    const other = parseDeu3("a,b,c\n1,2,3\n", "x.csv");
    expect("diagnostics" in other && other.diagnostics[0]?.message).toMatch(/^not a DEU III table/);
  });
});

describe("runDeu3Backtest", () => {
  const table = load();
  const models = [compromise, weightedMedianModel];

  it("reproduces the independent baselines with equal capability: 23.64 and 28.31", () => {
    const result = runDeu3Backtest(table, models, { capability: "equal", dataset: "deu3" });
    const [mean, median] = result.models;
    const b = reference.baselines;
    expect(result.usable).toBe(351);
    expect(mean?.n).toBe(351);
    expect(mean?.mae.toFixed(2)).toBe(b.compromiseEqualCapability.toFixed(2));
    expect(mean?.medianAE.toFixed(2)).toBe(b.compromiseEqualCapabilityMedianAE.toFixed(2));
    expect(median?.mae.toFixed(2)).toBe(b.weightedMedian.toFixed(2));
    expect(median?.medianAE.toFixed(2)).toBe(b.weightedMedianMedianAE.toFixed(2));
    expect(mean?.heldOut.n).toBe(175);
  });

  it("agrees issue by issue with the peer's compromise forecasts under Council votes", () => {
    const result = runDeu3Backtest(table, [compromise], {
      capability: "votes",
      dataset: "deu3",
      perIssue: true,
    });
    const expected: Record<string, { compromise: number; regime: string }> = reference.issues;
    let compared = 0;
    const lisbon: string[] = [];
    for (const row of result.issues ?? []) {
      const peer = expected[row.issue];
      expect(peer).toBeDefined();
      if (peer?.regime === "lisbon") {
        lisbon.push(row.issue); // population weights: no table shipped (see deu3-capability.ts)
        continue;
      }
      expect(
        Math.abs((row.forecasts.compromise as number) - (peer?.compromise as number)),
      ).toBeLessThan(5e-5);
      compared++;
    }
    expect(compared).toBe(322);
    expect(lisbon).toHaveLength(29);
  });
});

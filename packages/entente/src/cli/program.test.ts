import { readFile } from "node:fs/promises";
import { models } from "@entente/core";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { entente } from "../../../../test/support/cli.ts";

const root = new URL("../../../../", import.meta.url);
const path = (p: string) => new URL(p, root).pathname;

describe("entente forecast", () => {
  it("forecasts the built-in Budapest scenario when no file is given", async () => {
    const { code, stdout, stderr } = await entente("forecast");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("[budapest-2025]");
    expect(stdout).toContain("Compromise (C)");
    expect(stdout).toContain("Weighted median (W)");
    expect(stdout).toContain("spread between models");
  });

  it("reproduces the emission-standards reference values 7.389955687 and 7 in JSON", async () => {
    const { code, stdout } = await entente(
      "forecast",
      path("scenarios/emission-standards.yaml"),
      "--format",
      "json",
    );
    expect(code).toBe(0);
    const table = JSON.parse(stdout);
    const [issue] = table.issues;
    expect(issue.forecasts.compromise).toBeCloseTo(7.389955687, 9);
    expect(issue.forecasts["weighted-median"]).toBe(7);
    expect(issue.unit).toBe("years");
  });

  it("writes CSV with one row per issue and Markdown with a table", async () => {
    const csv = await entente("forecast", "-f", "csv");
    const rows = csv.stdout.trim().split("\n");
    const ids = models.map((m) => m.id).join(",");
    const ranges = models.flatMap((m) => [`${m.id}_80_low`, `${m.id}_80_high`]).join(",");
    expect(rows[0]).toBe(
      `issue,title,min,max,unit,min_label,max_label,status_quo,${ids},spread,${ranges}`,
    );
    const scenario = parse(await readFile(path("scenarios/budapest-2025.yaml"), "utf8"));
    expect(rows).toHaveLength(scenario.issues.length + 1);
    const md = await entente("forecast", "-f", "md");
    expect(md.stdout).toMatch(/^\| Issue \| Scale \| Status quo \| Compromise \|/m);
    expect(md.stdout).toMatch(/^- \*\*Ceasefire sequencing:\*\* Most likely: /m);
  });

  it("runs one model on the built-in scenario when no file is given", async () => {
    const r = await entente("run", "-m", "smp", "-f", "table");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^smp on budapest-2025\n/);
  });

  it("rejects an unknown format with exit code 2", async () => {
    const { code, stderr } = await entente("forecast", "-f", "xml");
    expect(code).toBe(2);
    expect(stderr).toContain("Allowed choices are table, json, csv, md");
  });

  it("exits 2 with located diagnostics for an invalid scenario", async () => {
    const file = path("test/fixtures/invalid/salience-130.yaml");
    const { code, stdout, stderr } = await entente("forecast", file);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `${file}:26:15 stances.0.salience: expected a salience from 0 to 100, got 130\n`,
    );
  });
});

describe("entente run", () => {
  const emission = path("scenarios/emission-standards.yaml");

  it("prints the documented JSON shape", async () => {
    const { code, stdout } = await entente("run", emission, "--model", "compromise");
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ scenario: "emission-standards", model: "compromise" });
    const [issue] = doc.issues;
    expect(issue.issue).toBe("emission-deadline");
    expect(issue.forecast).toBeCloseTo(7.389955687, 9);
    expect(issue.rounds[0]).toEqual({
      round: 0,
      positions: { nl: 4, be: 7, lu: 4, de: 4, fr: 10, it: 10, uk: 10, ie: 7, dk: 4, gr: 7 },
    });
  });

  it("passes parameters and prints a table", async () => {
    const { code, stdout } = await entente(
      "run",
      path("test/fixtures/valid/minimal.yaml"),
      "-m",
      "weighted-median",
      "--param",
      "tie=upper",
      "-f",
      "table",
    );
    expect(code).toBe(0);
    expect(stdout).toContain("Tariff level  [tariff]  forecast 20.0");
    expect(stdout).toMatch(/^ {2}0 +20\.0 +80\.0$/m);
  });

  it.each([
    [["-m", "nope"], 'unknown model "nope"; known models: compromise'],
    [
      ["-m", "weighted-median", "-p", "tie=sideways"],
      'expected one of lower, midpoint, upper, got "sideways"',
    ],
    [["-m", "weighted-median", "-p", "colour=red"], 'has no parameter "colour"; parameters: tie'],
    [["-m", "weighted-median", "-p", "tie"], '--param expects key=value, got "tie"'],
    [["-m", "compromise", "--preset", "x"], 'model "compromise" has no preset "x"'],
    [["-m", "compromise", "--rounds", "3"], 'model "compromise" has no rounds'],
  ])("exits 2 on bad options %j", async (args, message) => {
    const { code, stderr } = await entente("run", emission, ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe("entente backtest deu3", () => {
  it("prints n, MAE and median AE per model", async () => {
    const { code, stdout } = await entente("backtest", "deu3", path("test/fixtures/deu3/deu3.csv"));
    expect(code).toBe(0);
    expect(stdout).toContain("351 usable issues");
    expect(stdout).toMatch(/^Compromise +351 +23\.64 +18\.46 +175 /m);
    const json = await entente(
      "backtest",
      "deu3",
      path("test/fixtures/deu3/deu3.csv"),
      "-f",
      "json",
      "--models",
      "compromise",
    );
    expect(JSON.parse(json.stdout).models[0]).toMatchObject({ model: "compromise", n: 351 });
  });

  it("exits 2 for a missing or malformed file", async () => {
    expect((await entente("backtest", "deu3", "nope.csv")).stderr).toBe(
      "nope.csv:1:1 (file): no such file\n",
    );
    const { writeFile, mkdtemp } = await import("node:fs/promises");
    const dir = await mkdtemp(`${(await import("node:os")).tmpdir()}/entente-deu-`);
    const header = (await readFile(path("test/fixtures/deu3/deu3.csv"), "utf8")).split("\n")[0];
    await writeFile(`${dir}/empty.csv`, `${header}\n`);
    const empty = await entente("backtest", "deu3", `${dir}/empty.csv`);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("(file): no usable issue");
    const bad = await entente("backtest", "deu3", path("test/fixtures/valid/minimal.yaml"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("(header): not a DEU III table");
  });
});

describe("entente models", () => {
  it("lists every model with its reference and parameters", async () => {
    const { code, stdout } = await entente("models");
    expect(code).toBe(0);
    expect(stdout).toContain("weighted-median — Weighted median");
    expect(stdout).toContain("--param tie=<lower | midpoint | upper>");
  });
});

describe("entente validate", () => {
  it("passes every shipped scenario", async () => {
    const files = ["budapest-2025", "emission-standards", "ktab-dummy-3dim"].map((n) =>
      path(`scenarios/${n}.yaml`),
    );
    const { code, stdout } = await entente("validate", ...files);
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(3);
  });

  it("checks every file and exits 2 if any is invalid", async () => {
    const { code, stdout, stderr } = await entente(
      "validate",
      path("scenarios/emission-standards.yaml"),
      path("test/fixtures/invalid/unknown-actor.yaml"),
    );
    expect(code).toBe(2);
    expect(stdout).toContain("emission-standards.yaml: ok");
    expect(stderr).toContain('unknown actor "gamma"');
    expect(stderr).toContain("1 of 2 files invalid");
  });
});

describe("entente schema", () => {
  it("prints the JSON Schema that is committed as scenario.schema.json", async () => {
    const { code, stdout } = await entente("schema");
    expect(code).toBe(0);
    const committed = await readFile(path("scenario.schema.json"), "utf8");
    expect(JSON.parse(stdout)).toEqual(JSON.parse(committed));
    expect(JSON.parse(stdout).required).toEqual(
      expect.arrayContaining(["id", "title", "asOf", "actors", "issues", "stances"]),
    );
  });
});

describe("help and usage", () => {
  for (const command of [
    [],
    ["forecast"],
    ["run"],
    ["models"],
    ["backtest", "deu3"],
    ["validate"],
    ["schema"],
  ]) {
    it(`--help on ${command.join(" ") || "entente"} exits 0 and describes it`, async () => {
      const { code, stdout } = await entente(...command, "--help");
      expect(code).toBe(0);
      expect(stdout).toContain("Usage: entente");
    });
  }

  it("an unknown command exits 2", async () => {
    const { code, stderr } = await entente("forecats");
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command");
  });
});

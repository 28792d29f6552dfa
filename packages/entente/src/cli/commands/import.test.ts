import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { forecastScenario } from "@entente/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entente } from "../../../../../test/support/cli.ts";
import { readScenario } from "../../io/read-scenario.ts";

const root = new URL("../../../../../", import.meta.url);
const fixture = (name: string) => new URL(`test/fixtures/import/${name}`, root).pathname;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "entente-import-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("entente import", () => {
  it("writes the scenario as YAML to stdout, with the schema line and the input as source", async () => {
    const { code, stdout, stderr } = await entente(
      "import",
      fixture("dummyData_3Dim.csv"),
      "--as-of",
      "2017-05-30",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# yaml-language-server: \$schema=\S*scenario\.schema\.json\n/);
    expect(stdout).toContain("locator: dummyData_3Dim.csv");
    expect(stdout).toContain("asOf: 2017-05-30");
  });

  it("writes -o with a schema path relative to it, and the file round-trips KTAB's numbers", async () => {
    const out = join(dir, "ktab.yaml");
    const { code, stdout } = await entente(
      "import",
      fixture("dummyData_3Dim.csv"),
      "-o",
      out,
      "--as-of",
      "2017-05-30",
    );
    expect(code).toBe(0);
    expect(stdout).toContain(`${out}: wrote 7 actors, 3 issues, 21 stances`);
    const text = await readFile(out, "utf8");
    expect(text.split("\n")[0]).toMatch(
      /^# yaml-language-server: \$schema=(\.\.\/)+.*scenario\.schema\.json$/,
    );
    const imported = await readScenario(out);
    const shipped = await readScenario(new URL("scenarios/ktab-dummy-3dim.yaml", root).pathname);
    expect(imported.data.issues.map((i) => [i.capabilities, i.positions, i.saliences])).toEqual(
      shipped.data.issues.map((i) => [i.capabilities, i.positions, i.saliences]),
    );
  });

  it("imports the emission table (CR-only) to compromise 7.3899556869 and weighted median 7", async () => {
    const out = join(dir, "emission.yaml");
    const { code } = await entente("import", fixture("emission-standards.dmasad.csv"), "-o", out);
    expect(code).toBe(0);
    const { data } = await readScenario(out);
    const [row] = forecastScenario(data).issues;
    expect(Math.abs((row?.forecasts.compromise as number) - 7.3899556869)).toBeLessThanOrEqual(
      1e-9,
    );
    expect(row?.forecasts["weighted-median"]).toBe(7);
  });

  it("refuses to overwrite a file without --force, and leaves it as it was", async () => {
    const out = join(dir, "existing.yaml");
    await writeFile(out, "my own work\n");
    const refused = await entente("import", fixture("ChinaData.csv"), "-o", out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `entente: ${out} already exists; use --force to replace it (nothing was written)\n`,
    );
    expect(await readFile(out, "utf8")).toBe("my own work\n");
    const forced = await entente("import", fixture("ChinaData.csv"), "-o", out, "--force");
    expect(forced.code).toBe(0);
    expect((await readScenario(out)).scenario.actors).toHaveLength(24);
  });

  it("never writes over its input, even with --force", async () => {
    const input = join(dir, "table.csv");
    const original = await readFile(fixture("emission-standards.jmckib.csv"), "utf8");
    await writeFile(input, original);
    const { code, stderr } = await entente("import", input, "-o", input, "--force");
    expect(code).toBe(2);
    expect(stderr).toContain("refusing to write the scenario over its input file");
    expect(await readFile(input, "utf8")).toBe(original);
  });

  it("exits 2 with file:line:col diagnostics and no stack trace for a bad input, writing nothing", async () => {
    const out = join(dir, "never.yaml");
    const input = fixture("smpExample.xml");
    const { code, stdout, stderr } = await entente("import", input, "-o", out);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `${input}:32:17 Scenario.Actors.Actor.0.Position.dCoord.0: expected a position from 0 to 100, got nothing\n`,
    );
    await expect(readFile(out)).rejects.toThrow();
  });

  it("takes --from, --scale-min/--scale-max and --salience-scale", async () => {
    const { code, stdout } = await entente(
      "import",
      fixture("emission-standards.jmckib.csv"),
      "--from",
      "eum-table",
      "--scale-min",
      "0",
      "--scale-max",
      "12",
      "--salience-scale",
      "0-1",
    );
    expect(code).toBe(0);
    expect(stdout).toContain("min: 0\n");
    expect(stdout).toContain("max: 12\n");
  });

  it.each([
    [["--from", "excel"], "Allowed choices are ktab-csv, ktab-xml, eum-table"],
    [["--scale-min", "low"], '--scale-min expects a number, got "low"'],
    [
      ["--scale-min", "5", "--scale-max", "5"],
      "--scale-max (5) must be greater than --scale-min (5)",
    ],
    [["--as-of", "2024-02-30"], '--as-of expects a date written YYYY-MM-DD, got "2024-02-30"'],
  ])("exits 2 on bad options %j", async (args, message) => {
    const { code, stderr } = await entente("import", fixture("ChinaData.csv"), ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it("exits 2 for a missing file", async () => {
    const { code, stderr } = await entente("import", "no/such.csv");
    expect(code).toBe(2);
    expect(stderr).toBe("no/such.csv:1:1 (file): no such file\n");
  });
});

// Calibrated forecasts and simulations as a reader sees them, and the `--calibration` option's
// errors. Their golden outputs are in test/golden-outputs.test.ts.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { entente } from "../../../../test/support/cli.ts";

const root = new URL("../../../../", import.meta.url);
const path = (p: string) => new URL(p, root).pathname;
const emission = path("scenarios/emission-standards.yaml");

describe("calibrated output", () => {
  it("simulate on Budapest: phases' agreement, questions and sources' figures in JSON", async () => {
    const r = await entente(
      "simulate",
      "-n",
      "250",
      "--models",
      "compromise",
      "-w",
      "0",
      "-f",
      "json",
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.calibration).toMatch(
      /^calibration of \d{4}-\d\d-\d\d on DEU III \(deu3\.csv, equal capability\)$/,
    );
    expect(doc.report.phases.map((p: { phase: string }) => p.phase)).toEqual([
      "advisers",
      "kyiv-track",
      "budapest-summit",
      "merged-process",
    ]);
    const q = doc.report.questions.find(
      (x: { question: string }) => x.question === "us-russia-cooperation",
    );
    expect(q.models[0]).toMatchObject({ model: "compromise" });
    expect(q.models[0].probability).toBeGreaterThan(0);
    expect(q.models[0].probability).toBeLessThan(1);
    expect(q.models[0].se).toBeGreaterThan(0);
  });

  it("--calibration none prints point forecasts without ranges or headline", async () => {
    const r = await entente("forecast", emission, "--calibration", "none");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("80 %");
    expect(r.stdout).not.toContain("Most likely");
    expect(r.stdout).toMatch(/^ {2}Compromise \(C\) +7\.390 years$/m);
  });

  it("exits 2 with file:line:col for a missing or malformed calibration file", async () => {
    const missing = await entente("forecast", emission, "--calibration", "nope.json");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'nope.json:1:1 (file): no such file; --calibration takes "none", "default" or a file written by `entente calibrate`\n',
    );
    const dir = await mkdtemp(`${tmpdir()}/entente-cal-`);
    const bad = `${dir}/bad.json`;
    await writeFile(
      bad,
      '{\n  "version": 1,\n  "provenance": {},\n  "models": { "compromise": { "n": 1, "atoms": [0.7, 0.6], "residuals": [2, 1], "levels": { "50": 0.5, "80": 0.8, "95": 2 } } }\n}\n',
    );
    const r = await entente("simulate", emission, "-n", "10", "--calibration", bad);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toBe(`${bad}:3:17 provenance.method: missing required field "method"`);
    expect(r.stderr).toContain(`${bad}:4:36 models.compromise.n: expected at least 2 decisions\n`);
    expect(r.stderr).toContain(
      `${bad}:4:121 models.compromise.levels.95: expected a share from 0 to 1\n`,
    );
    expect(r.stderr).not.toMatch(/at .+\.ts:\d+/); // no stack trace
  });

  it("names a value, not a half of the scale, when the scale has no marks", async () => {
    const r = await entente("forecast", path("scenarios/ktab-dummy-3dim.yaml"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}Most likely around \d+\.\d \(80 %: \d+\.\d–\d+\.\d\) \[/m);
  });

  it("refuses calibration files whose intervals would not nest, or with unknown models", async () => {
    const dir = await mkdtemp(`${tmpdir()}/entente-cal-`);
    const shipped = JSON.parse(
      await (await import("node:fs/promises")).readFile(
        path("packages/core/src/calibration/deu3-calibration.json"),
        "utf8",
      ),
    );
    const compromise = shipped.models.compromise;
    const file = `${dir}/odd.json`;
    await writeFile(
      file,
      `${JSON.stringify(
        {
          ...shipped,
          models: {
            compromise: { ...compromise, levels: { "50": 0.9, "80": 0.5, "95": 0.2 } },
            eum: { ...compromise, residuals: [] },
            foo: compromise,
          },
        },
        null,
        2,
      )}\n`,
    );
    const r = await entente("forecast", emission, "--calibration", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /models\.compromise\.levels: expected levels with 0 < 50 < 80 < 95 ≤ 1/,
    );
    expect(r.stderr).toMatch(/models\.eum\.residuals: expected at least one training error/);
    expect(r.stderr).toMatch(/models\.foo: unknown model "foo"; known models: compromise, /);
  });

  it("checks -t thresholds against the issue's scale", async () => {
    const r = await entente("simulate", emission, "-n", "10", "-t", "emission-deadline=12");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'entente: threshold for issue "emission-deadline": expected a value on its scale, 4 to 10, got 12\n',
    );
  });

  it("locates a JSON syntax error where V8's message gives no position", async () => {
    const dir = await mkdtemp(`${tmpdir()}/entente-json-`);
    const file = `${dir}/bad.json`;
    await writeFile(file, '{\n  "id": "x",\n  "title": tru,\n  "asOf": "2025-01-01"\n}\n');
    const r = await entente("validate", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3:15 (syntax): invalid JSON: unexpected ","\n`);
  });
});

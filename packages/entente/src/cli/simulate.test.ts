import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { entente } from "../../../../test/support/cli.ts";

describe("entente simulate and merge", async () => {
  const dir = await mkdtemp(join(tmpdir(), "entente-sim-"));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const common = [
    "-n",
    "1500",
    "--seed",
    "7",
    "--models",
    "compromise,weighted-median",
    "-f",
    "json",
  ];

  it("gives exactly one run's JSON from shards merged, whatever the split", async () => {
    const whole = await entente("simulate", ...common, "-w", "1");
    expect(whole.code).toBe(0);
    const parts: string[] = [];
    for (const i of [2, 0, 1]) {
      const out = join(dir, `part-${i}.json`);
      const r = await entente("simulate", ...common, "-w", "0", "--shard", `${i}/3`, "--out", out);
      expect(r.code).toBe(0);
      parts.push(out);
    }
    const merged = await entente("merge", ...parts);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    const report = JSON.parse(whole.stdout);
    expect(report).toMatchObject({ scenario: "budapest-2025", samples: 1500, seed: 7 });
    expect(report.report.issues[0].models[0].outcome.intervals["80"]).toHaveLength(2);
  });

  it("refuses an incomplete or repeated set of parts", async () => {
    const a = join(dir, "a.json");
    await entente("simulate", ...common, "--shard", "0/2", "--out", a);
    const missing = await entente("merge", a);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/shards .* are missing/);
    const twice = await entente("merge", a, a);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("in more than one part");
  });

  it("prints a readable table with intervals and threshold probabilities", async () => {
    const r = await entente("simulate", "-n", "500", "--models", "compromise", "-w", "0");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^ {2}Most likely: .+ \(\d+(\.\d)? %; 80 %: \d+\.\d–\d+\.\d\); no agreement, status quo holds: \d+(\.\d)? % \[compromise\]$/m,
    );
    expect(r.stdout).toMatch(
      /^ {2}compromise +\d+\.\d +\d+\.\d +\d+\.\d–\d+\.\d +\d+\.\d–\d+\.\d +\d+\.\d–\d+\.\d$/m,
    );
    expect(r.stdout).toMatch(/^ {2}≥ 60\.0 +\d+(\.\d)? % {2}Frozen line plus autonomy/m);
    expect(r.stdout).toMatch(
      /^ {2}budapest-summit +\d+ % +± \d\.\d\d {2}Leaders' summit in Budapest/m,
    );
    expect(r.stdout).toMatch(/^ {4}seed-003 says 40 %/m);
  });

  it("estimates how often a deal exists between two actors", async () => {
    const r = await entente(
      "simulate",
      "-n",
      "250",
      "--models",
      "compromise",
      "-w",
      "0",
      "--deal",
      "usa,russia",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Deal: in \d+\.\d % of samples some package \(5 points per issue\) is preferred to no deal by both usa and russia$/m,
    );
  });

  it.each([
    [["--deal", "usa,usa"], "deal: expected two different actors"],
    [
      ["--deal", "usa,russia,ukraine"],
      '--deal expects two actor ids a,b, got "usa,russia,ukraine"',
    ],
    [
      ["--deal", "usa,russia", "--deal-grid", "abc"],
      '--deal-grid: expected a whole number, got "abc"',
    ],
    [["-n", "1000", "--shard", "0/8", "-o", "x.json"], "this run has only 4 shards of 250 samples"],
    [
      ["test/fixtures/valid/one-actor.yaml", "--models", "nash"],
      'issue "i" has no statusQuo; the nash model bargains from the status quo',
    ],
    [["-n", "0"], '--samples: expected a whole number ≥ 1, got "0"'],
    [["--seed", "-3"], "--seed: expected a whole number ≥ 0"],
    [["--shard", "3/3", "--out", "x.json"], '--shard expects i/N with 0 ≤ i < N, got "3/3"'],
    [["--shard", "0/3"], "--shard needs --out"],
    [["--models", "nope"], 'unknown model "nope"'],
    [["-t", "territory"], '--threshold expects issue=value, got "territory"'],
    [["-t", "nowhere=3"], 'threshold for unknown issue "nowhere"'],
  ])("exits 2 on %j", async (args, message) => {
    const r = await entente("simulate", ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

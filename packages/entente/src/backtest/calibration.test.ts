import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compromise } from "@entente/core";
import { describe, expect, it } from "vitest";
import { entente } from "../../../../test/support/cli.ts";
import { readDeu3 } from "./read-deu3.ts";
import { runDeu3Backtest } from "./run-backtest.ts";

const root = new URL("../../../../", import.meta.url).pathname;
const deu3 = `${root}test/fixtures/deu3/deu3.csv`;
const shipped = `${root}packages/core/src/calibration/deu3-calibration.json`;

describe("entente calibrate deu3", () => {
  it("refits the shipped calibration bit for bit", async () => {
    const file = JSON.parse(readFileSync(shipped, "utf8"));
    const { date } = file.provenance as { date: string };
    // The shipped file's models: a model added since is uncalibrated until a refit adds it.
    const models = Object.keys(file.models).join(",");
    const out = join(mkdtempSync(join(tmpdir(), "entente-cal-")), "calibration.json");
    const r = await entente(
      "calibrate",
      "deu3",
      deu3,
      "--date",
      date,
      "--models",
      models,
      "--out",
      out,
    );
    expect(r.code).toBe(0);
    expect(readFileSync(out)).toEqual(readFileSync(shipped));
  });

  it("exits 2 for a file with too few usable issues", async () => {
    const dir = mkdtempSync(join(tmpdir(), "entente-cal-"));
    const small = join(dir, "small.csv");
    writeFileSync(small, readFileSync(deu3, "utf8").split("\n").slice(0, 4).join("\n"));
    for (const command of [
      ["calibrate", "deu3"],
      ["backtest", "deu3"],
    ]) {
      const r = await entente(...command, small);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^.+small\.csv:1:1 \(file\): only \d usable issues?: scoring and calibrating need at least 4/,
      );
    }
  });

  it("never overwrites without --force, and refuses a bad date", async () => {
    const again = await entente("calibrate", "deu3", deu3, "--out", shipped);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("exists; add --force to overwrite it");
    expect((await entente("calibrate", "deu3", deu3, "--date", "2026-13-45")).code).toBe(2);
    const bad = await entente("calibrate", "deu3", deu3, "--date", "yesterday");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--date: expected a calendar date written YYYY-MM-DD, got "yesterday"',
    );
  });
});

describe("calibrated predictive distributions on DEU III", async () => {
  const { table } = await readDeu3(deu3);
  const result = runDeu3Backtest(table, [compromise], { capability: "equal", dataset: "deu3" });
  const score = result.models[0];
  if (!score) throw new Error("no score");

  it("cover their nominal share of outcomes, cross-fitted over 351 issues and held out", () => {
    // 95 % binomial bands around 50 / 80 / 95 % for n = 351 and n = 175.
    const bands = {
      crossFitted: { "50": [0.448, 0.552], "80": [0.758, 0.842], "95": [0.927, 0.973] },
      heldOut: { "50": [0.426, 0.574], "80": [0.741, 0.859], "95": [0.918, 0.982] },
    } as const;
    expect(score.crossFitted.n).toBe(351);
    expect(score.heldOut.n).toBe(175);
    for (const split of ["crossFitted", "heldOut"] as const) {
      for (const level of ["50", "80", "95"] as const) {
        const [lo, hi] = bands[split][level];
        const covered = score[split].coverage[level];
        expect([split, level, covered >= lo && covered <= hi]).toEqual([split, level, true]);
      }
    }
  });

  it("are sharper than one global error quantile: lower CRPS, narrower 80 % intervals", () => {
    expect(score.crossFitted.crps).toBeLessThan(score.baseline.crossFitted.crps);
    expect(score.heldOut.crps).toBeLessThan(score.baseline.heldOut.crps);
    expect(score.crossFitted.width["80"]).toBeLessThan(score.baseline.crossFitted.width["80"]);
    // Golden, rounded (docs/calibration.md): 15.99 against 16.61.
    expect(score.crossFitted.crps.toFixed(2)).toBe("15.99");
    expect(score.baseline.crossFitted.crps.toFixed(2)).toBe("16.61");
  });

  it("have a PIT histogram of 10 bins holding every issue", () => {
    expect(score.crossFitted.pit).toHaveLength(10);
    expect(score.crossFitted.pit.reduce((a, b) => a + b, 0)).toBeCloseTo(351, 9);
  });

  it("score the peer's TEST split as the peer does: compromise MAE 21.06 under Council votes", async () => {
    const split = JSON.parse(
      readFileSync(new URL("./peer-test-split.json", import.meta.url), "utf8"),
    ) as { test: string[] };
    const peer = runDeu3Backtest(table, [compromise], {
      capability: "votes",
      dataset: "deu3",
      split: "peer-test",
      peerTest: split.test,
    });
    expect(split.test).toHaveLength(106);
    expect(peer.models[0]?.heldOut.n).toBe(106);
    expect(peer.models[0]?.heldOut.mae.toFixed(2)).toBe("21.06");
  });
});

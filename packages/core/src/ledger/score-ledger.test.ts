import { describe, expect, it } from "vitest";
import type { ForecastEntry, LedgerEntry, LedgerRecord, ResolutionEntry } from "./ledger-entry.ts";
import { ledgerQuestions, standingForecasts } from "./ledger-questions.ts";
import { PERCENTILE_LEVELS } from "./recorded-distribution.ts";
import { referenceName, scoreLedger } from "./score-ledger.ts";

const forecast = (
  question: string,
  forecaster: string,
  probability: number,
  extra: Partial<ForecastEntry> = {},
): ForecastEntry => ({
  kind: "forecast",
  question,
  text: `Question ${question}?`,
  forecaster,
  forecasterKind: forecaster === "compromise" ? "model" : "analyst",
  ...(forecaster === "compromise" ? { calibration: "deu3 2026-12-04" } : {}),
  probability,
  date: "2025-10-20",
  created: "2025-10-20T00:00:00.000Z",
  ...extra,
});
const resolve = (
  question: string,
  outcome: boolean | number,
  extra: Partial<ResolutionEntry> = {},
): ResolutionEntry => ({
  kind: "resolution",
  question,
  outcome,
  date: "2025-11-01",
  source: "test",
  created: "2025-11-01T00:00:00.000Z",
  ...extra,
});
const chain = (entries: LedgerEntry[]): LedgerRecord[] =>
  entries.map((entry, i) => ({ seq: i + 1, prevHash: "", hash: "", entry }));

// The 20 forecasts of scores/probability-scores.test.ts (Brier 0.13, REL 0.005, RES 0.125,
// log −0.408173), as the model "compromise"; analyst alice says 20 % on the first ten only.
const P = [
  0.1, 0.1, 0.1, 0.1, 0.3, 0.3, 0.3, 0.3, 0.5, 0.5, 0.5, 0.5, 0.7, 0.7, 0.7, 0.7, 0.9, 0.9, 0.9,
  0.9,
];
const O = [0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1].map((x) => x === 1);
const uniform = { min: 0, max: 100, percentiles: PERCENTILE_LEVELS.map((l) => 100 * l) };

function fixture(): LedgerRecord[] {
  const entries: LedgerEntry[] = [];
  // A first forecast on q0 that is corrected (superseded) below.
  entries.push(forecast("q0", "compromise", 0.99));
  for (const [i, p] of P.entries()) {
    entries.push(forecast(`q${i}`, "compromise", p, i === 0 ? { supersedes: 1 } : {}));
  }
  for (let i = 0; i < 10; i++) entries.push(forecast(`q${i}`, "alice", 0.2));
  // Made after q5 was resolved: never scored.
  entries.push(forecast("q5", "alice", 1, { date: "2025-11-02" }));
  entries.push(forecast("territory", "compromise", Number.NaN, { distribution: uniform }));
  entries.push(forecast("energy", "compromise", Number.NaN, { distribution: uniform }));
  for (const e of entries) if (e.kind === "forecast" && e.distribution) delete e.probability;
  for (const [i, y] of O.entries()) entries.push(resolve(`q${i}`, i === 3 ? !y : y));
  // q3 was first resolved wrongly, then corrected.
  entries.push(resolve("q3", O[3] as boolean, { supersedes: entries.length - 20 + 3 + 1 }));
  entries.push(resolve("territory", 50));
  entries.push(resolve("energy", 0));
  entries.push(forecast("open", "compromise", 0.4));
  return chain(entries);
}

describe("scoreLedger", () => {
  it("scores the latest standing forecast per question by forecaster, with skill against 50 %", () => {
    const s = scoreLedger(fixture());
    expect(s.questions).toEqual({ total: 23, resolved: 22 });
    const model = s.groups.find((g) => g.forecaster === "compromise");
    expect(model?.binary?.n).toBe(20);
    expect(model?.binary?.brier).toBeCloseTo(0.13, 12);
    expect(model?.binary?.reliability).toBeCloseTo(0.005, 12);
    expect(model?.binary?.resolution).toBeCloseTo(0.125, 12);
    expect(model?.binary?.logScore).toBeCloseTo(-8.1634681198 / 20, 9);
    // 1 − 0.13 / 0.25
    expect(model?.binary?.skill).toBeCloseTo(0.48, 12);
    // CRPS of uniform(0, 100): at 50, (50³ + 50³) / (3·100²) = 25/3; at 0, 100/3; mean 125/6.
    expect(model?.numeric?.n).toBe(2);
    expect(model?.numeric?.crps).toBeCloseTo(125 / 6, 9);
    const alice = s.groups.find((g) => g.forecaster === "alice");
    // Ten forecasts of 20 %, two of the ten events happened: (2·0.8² + 8·0.2²)/10 = 0.16.
    expect(alice?.binary?.n).toBe(10);
    expect(alice?.binary?.brier).toBeCloseTo(0.16, 12);
  });

  it("skill against a named forecaster uses the questions both forecast", () => {
    const s = scoreLedger(fixture(), { reference: "alice" });
    const model = s.groups.find((g) => g.forecaster === "compromise");
    // On q0–q9 the model scores (4·0.01 + 0.49 + 3·0.09 + 0.25 + 0.25)/10 = 0.13, alice 0.16.
    expect(model?.binary?.referenceBrier).toBeCloseTo(0.16, 12);
    expect(model?.binary?.skill).toBeCloseTo(1 - 0.13 / 0.16, 12);
  });

  it("scores the latest-dated standing forecast, and nothing written after the first resolution", () => {
    const records = chain([
      forecast("q", "alice", 0.9, { date: "2025-10-25" }),
      // Written later but dated earlier: not the standing forecast.
      forecast("q", "alice", 0.1, { date: "2025-10-01" }),
      forecast("q", "bob", 0.6),
      resolve("q", true),
      // Dated before the resolution, written after it: hindsight, never scored.
      forecast("q", "bob", 1, { date: "2025-10-30" }),
      forecast("q", "carol", 1, { date: "2025-10-30" }),
    ]);
    const s = scoreLedger(records);
    expect(s.groups.map((g) => [g.forecaster, g.binary?.brier])).toEqual([
      ["alice", expect.closeTo(0.01, 12)],
      ["bob", expect.closeTo(0.16, 12)],
    ]);
    expect(s.groups[0]?.binary?.shared).toBe(1);
    const q = ledgerQuestions(records)[0];
    expect(standingForecasts(q?.forecasts ?? []).map((f) => [f.forecaster, f.probability])).toEqual(
      [
        ["alice", 0.9],
        ["bob", 1],
        ["carol", 1],
      ],
    );
  });

  it("reads the reference as typed: any spelling of 50 %, or a name with its spaces", () => {
    expect(["50%", "50 %", " 50 % "].map(referenceName)).toEqual(["50%", "50%", "50%"]);
    expect(referenceName("Jane Doe")).toBe("Jane Doe");
  });

  it("by model keeps model forecasts only, per calibration", () => {
    const s = scoreLedger(fixture(), { by: "model" });
    expect(s.groups.map((g) => g.forecaster)).toEqual(["compromise · deu3 2026-12-04"]);
  });

  it("lists questions with their history and standing resolution", () => {
    const q = ledgerQuestions(fixture());
    const q0 = q.find((x) => x.question === "q0");
    expect(q0?.forecasts.map((f) => [f.probability, f.superseded])).toEqual([
      [0.99, true],
      [0.1, false],
      [0.2, false],
    ]);
    expect(q.find((x) => x.question === "q3")?.resolution?.outcome).toBe(false);
    const territory = q.find((x) => x.question === "territory");
    expect(territory?.kind).toBe("numeric");
    expect(territory?.forecasts[0]?.median).toBeCloseTo(50, 9);
    expect(q.find((x) => x.question === "open")?.resolution).toBeNull();
  });
});

import type { CalibrationBin } from "@entente/core";
import type { GroupScores } from "entente/wire-types";
import { describe, expect, it } from "vitest";
import { reliabilityPoints } from "./reliability-points.ts";

type Filled = { n: number; mean: number; observed: number; interval: [number, number] | null };

/** Ten bins [k/10, (k+1)/10), empty but for the given ones (keyed by k). */
function bins(filled: Record<number, Filled>): CalibrationBin[] {
  return Array.from({ length: 10 }, (_, k) => {
    const b = filled[k];
    return {
      from: k / 10,
      to: (k + 1) / 10,
      n: b?.n ?? 0,
      meanForecast: b?.mean ?? null,
      observed: b?.observed ?? null,
      interval: b?.interval ?? null,
    };
  });
}

function group(forecaster: string, kind: GroupScores["kind"], calibration: CalibrationBin[]) {
  const scores: GroupScores = {
    forecaster,
    kind,
    binary: {
      n: calibration.reduce((n, b) => n + b.n, 0),
      brier: 0.2,
      reliability: 0.05,
      resolution: 0.1,
      uncertainty: 0.25,
      logScore: null,
      skill: 0.2,
      referenceBrier: 0.25,
      shared: 1,
      calibration,
    },
    numeric: null,
  };
  return scores;
}

describe("reliabilityPoints", () => {
  it("keeps each forecaster's non-empty bins, in the groups' order and by increasing forecast", () => {
    const points = reliabilityPoints([
      group(
        "eum",
        "model",
        bins({
          2: { n: 1, mean: 0.23, observed: 0, interval: [0, 0.73] },
          7: { n: 2, mean: 0.75, observed: 1, interval: [0.42, 1] },
        }),
      ),
      group(
        "seed-003",
        "source",
        bins({ 4: { n: 1, mean: 0.4, observed: 1, interval: [0.27, 1] } }),
      ),
    ]);
    expect(
      points.map((p) => [p.forecaster, p.kind, p.n, p.meanForecast, p.observed, p.lo, p.hi]),
    ).toEqual([
      ["eum", "model", 1, 0.23, 0, 0, 0.73],
      ["eum", "model", 2, 0.75, 1, 0.42, 1],
      ["seed-003", "source", 1, 0.4, 1, 0.27, 1],
    ]);
    expect(points.map((p) => [p.from, p.to])).toEqual([
      [2 / 10, 3 / 10],
      [7 / 10, 8 / 10],
      [4 / 10, 5 / 10],
    ]);
  });

  it("draws nothing for groups without scored yes/no forecasts", () => {
    const numericOnly: GroupScores = {
      forecaster: "compromise",
      kind: "model",
      binary: null,
      numeric: { n: 3, crps: 4.2 },
    };
    expect(reliabilityPoints([numericOnly, group("eum", "model", bins({}))])).toEqual([]);
  });

  it("falls back to a zero-width interval when a bin has none", () => {
    const [point] = reliabilityPoints([
      group("analyst", "analyst", bins({ 9: { n: 1, mean: 0.95, observed: 1, interval: null } })),
    ]);
    expect(point).toMatchObject({ lo: 1, hi: 1 });
  });
});

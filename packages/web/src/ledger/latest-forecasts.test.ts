import type { QuestionForecast } from "@entente/core";
import { describe, expect, it } from "vitest";
import { latestForecasts } from "./latest-forecasts.ts";

const f = (
  seq: number,
  forecaster: string,
  probability: number,
  superseded = false,
): QuestionForecast => ({
  seq,
  forecaster,
  forecasterKind: forecaster.startsWith("seed") ? "source" : "model",
  probability,
  date: "2025-11-01",
  created: `2025-11-01T10:00:0${seq}Z`,
  superseded,
});

describe("latestForecasts", () => {
  it("keeps each forecaster's last forecast, in the order forecasters first appear", () => {
    const forecasts = [
      f(1, "eum", 0.3),
      f(2, "seed-003", 0.4),
      f(3, "compromise", 0.5),
      f(4, "eum", 0.35),
    ];
    expect(latestForecasts({ forecasts }).map((x) => [x.forecaster, x.probability])).toEqual([
      ["eum", 0.35],
      ["seed-003", 0.4],
      ["compromise", 0.5],
    ]);
  });

  it("skips forecasts a later entry corrected, and forecasters with nothing standing", () => {
    const forecasts = [f(1, "eum", 0.3), f(2, "eum", 0.9, true), f(3, "nash", 0.2, true)];
    expect(latestForecasts({ forecasts }).map((x) => x.seq)).toEqual([1]);
  });
});

import type { ForecastTable } from "@entente/core";
import { describe, expect, it } from "vitest";
import { withServerOnlyModels } from "./server-only-models.ts";

const table = (models: string[], forecasts: Record<string, number>[]): ForecastTable => ({
  scenario: "s",
  title: "S",
  phases: [],
  models: models.map((id) => ({ id, label: id.toUpperCase(), reference: "r" })),
  issues: forecasts.map((f, k) => ({
    issue: `i${k}`,
    title: `I${k}`,
    min: 0,
    max: 100,
    minLabel: "lo",
    maxLabel: "hi",
    statusQuo: 50,
    forecasts: f,
    spread: 0,
  })) as ForecastTable["issues"],
});

describe("withServerOnlyModels", () => {
  it("adds the server's models the browser lacks, issue by issue, and keeps the live numbers", () => {
    const live = table(["compromise"], [{ compromise: 40 }, { compromise: 60 }]);
    const server = table(
      ["compromise", "plug"],
      [
        { compromise: 41, plug: 10 },
        { compromise: 61, plug: 90 },
      ],
    );
    const merged = withServerOnlyModels(live, server);
    expect(merged?.models.map((m) => m.id)).toEqual(["compromise", "plug"]);
    expect(merged?.issues.map((r) => r.forecasts)).toEqual([
      { compromise: 40, plug: 10 },
      { compromise: 60, plug: 90 },
    ]);
    expect(withServerOnlyModels(live, table(["compromise"], [{ compromise: 1 }]))).toBe(live);
    expect(withServerOnlyModels(undefined, server)).toBe(server);
    expect(withServerOnlyModels(live, undefined)).toBe(live);
  });
});

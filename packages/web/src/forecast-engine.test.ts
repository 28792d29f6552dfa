import { describe, expect, it } from "vitest";
import { ForecastEngine, fastModels } from "./forecast-engine.ts";

const scenario = {
  id: "t",
  title: "Test",
  asOf: "2025-01-31",
  actors: [
    { id: "a", name: "Alpha", capability: 2 },
    { id: "b", name: "Beta", capability: 1 },
    { id: "c", name: "Gamma", capability: 1 },
  ],
  issues: [
    { id: "x", title: "Tariff", scale: { minLabel: "free", maxLabel: "closed" }, statusQuo: 40 },
  ],
  stances: [
    { actor: "a", issue: "x", position: 20, salience: 50 },
    { actor: "b", issue: "x", position: 70, salience: 80 },
    { actor: "c", issue: "x", position: 90, salience: 60 },
  ],
};

describe("ForecastEngine", () => {
  it("forecasts a loaded draft with every model, then a drag with the fast models only", () => {
    const engine = new ForecastEngine();
    const loaded = engine.handle({ type: "load", seq: 1, scenario });
    if (loaded?.type !== "forecast") throw new Error(`expected a forecast, got ${loaded?.type}`);
    expect(loaded.fastOnly).toBe(false);
    const compromise = loaded.table.issues[0]?.forecasts.compromise;
    // Σ c·s·x / Σ c·s = (2·50·20 + 80·70 + 60·90) / (100 + 80 + 60)
    expect(compromise).toBeCloseTo((2000 + 5600 + 5400) / 240, 12);

    const dragged = engine.handle({ type: "drag", seq: 2, issue: "x", actor: "a", position: 80 });
    if (dragged?.type !== "forecast") throw new Error(`expected a forecast, got ${dragged?.type}`);
    expect(dragged.fastOnly).toBe(true);
    expect(dragged.moved).toEqual({ issue: "x", actor: "a", position: 80 });
    expect(dragged.table.models.map((m) => m.id)).toEqual(fastModels.map((m) => m.id));
    expect(dragged.table.issues[0]?.forecasts.compromise).toBeCloseTo(
      (8000 + 5600 + 5400) / 240,
      12,
    );
  });

  it("clamps a drag to the scale and ignores actors without a stance", () => {
    const engine = new ForecastEngine();
    engine.handle({ type: "load", seq: 1, scenario });
    const r = engine.handle({ type: "drag", seq: 2, issue: "x", actor: "b", position: 140 });
    expect(r?.type === "forecast" && r.moved?.position).toBe(100);
    expect(engine.handle({ type: "drag", seq: 3, issue: "x", actor: "zz", position: 1 })).toBe(
      undefined,
    );
  });

  it("reports an invalid draft instead of forecasting it", () => {
    const engine = new ForecastEngine();
    const bad = { ...scenario, stances: [{ actor: "a", issue: "x", position: 20, salience: 130 }] };
    expect(engine.handle({ type: "load", seq: 1, scenario: bad })).toEqual({
      type: "invalid",
      seq: 1,
      errors: 1,
    });
  });
});

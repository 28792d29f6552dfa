import { describe, expect, it } from "vitest";
import { forecastScenario } from "../forecast.ts";
import { scaleCapabilities } from "./capability-scale.ts";
import type { ScenarioData } from "./prepare.ts";

const scenario = (capabilities: number[]): ScenarioData => ({
  id: "c",
  title: "C",
  actors: capabilities.map((_, i) => ({ id: `a${i}`, name: `A${i}` })),
  issues: [
    {
      id: "x",
      title: "X",
      min: 0,
      max: 100,
      unit: undefined,
      minLabel: "lo",
      maxLabel: "hi",
      statusQuo: 50,
      outcome: undefined,
      ratifiers: new Int32Array(0),
      actors: Int32Array.from(capabilities, (_, i) => i),
      positions: Float64Array.from(capabilities, (_, i) => (i * 37) % 101),
      saliences: Float64Array.from(capabilities, (_, i) => 20 + ((i * 53) % 80)),
      capabilities: Float64Array.from(capabilities),
    },
  ],
});

describe("scaleCapabilities", () => {
  it("leaves ordinary capabilities untouched (same object)", () => {
    const data = scenario([1, 30, 2 ** 40, 2 ** -40]);
    expect(scaleCapabilities(data)).toBe(data);
  });

  it("rescales extreme ones by a power of two, keeping every ratio exact", () => {
    for (const caps of [
      [1e308, 3e307, 1],
      [1e-300, 4e-301, 5e-324],
      [Number.MAX_VALUE, Number.MAX_VALUE],
    ]) {
      const scaled = scaleCapabilities(scenario(caps)).issues[0]?.capabilities as Float64Array;
      const max = Math.max(...scaled);
      expect(max >= 1 && max < 2).toBe(true);
      const f = (scaled[0] as number) / (caps[0] as number);
      expect(Number.isInteger(Math.log2(f))).toBe(true);
      caps.forEach((c, i) => {
        if (c * f >= 2 ** -1022) expect(scaled[i]).toBe(c * f);
      });
    }
  });

  it("lets every model forecast whatever the capabilities' magnitude, with the same result", () => {
    const plain = forecastScenario(scenario([1, 3, 0.5, 2]));
    for (const k of [1e300, 1e-300, 2 ** 1000]) {
      const data = scenario([1, 3, 0.5, 2].map((c) => c * k));
      const table = forecastScenario(scaleCapabilities(data));
      const row = table.issues[0];
      for (const m of table.models) {
        if (m.unavailable) continue;
        expect(Number.isFinite(row?.forecasts[m.id])).toBe(true);
      }
      // Multiplying by a power of two changes nothing; by 1e±300, only the last bits.
      for (const [id, x] of Object.entries(plain.issues[0]?.forecasts ?? {})) {
        expect(row?.forecasts[id]).toBeCloseTo(x, 4);
      }
    }
  });
});

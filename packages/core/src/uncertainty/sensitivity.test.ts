import { describe, expect, it } from "vitest";
import type { Scenario } from "../scenario/schema.ts";
import { validateScenario } from "../scenario/validate.ts";
import { compileSimulation } from "./compile-simulation.ts";
import { sensitivity } from "./sensitivity.ts";

function scenario(): Scenario {
  const r = validateScenario({
    id: "sens",
    title: "S",
    asOf: "2025-01-01",
    actors: [
      { id: "a", name: "A", capability: 1 },
      { id: "b", name: "B", capability: 1 },
    ],
    issues: [{ id: "i", title: "I", scale: { minLabel: "lo", maxLabel: "hi" } }],
    stances: [
      // Compromise = (x_a + x_b) / 2 with equal weights: x_a varies 4× as widely as x_b.
      { actor: "a", issue: "i", position: { value: 50, low: 10, high: 90 }, salience: 50 },
      { actor: "b", issue: "i", position: { value: 50, low: 40, high: 60 }, salience: 50 },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe("sensitivity", () => {
  const sim = compileSimulation({
    scenario: scenario(),
    samples: 1,
    seed: 7,
    models: ["compromise"],
    distribution: "uniform",
  });
  const [result] = sensitivity(sim, 2048);

  it("sweeps one input at a time, largest swing first", () => {
    expect(result?.base).toBe(50);
    expect(result?.tornado.map((t) => [t.input, t.atLow, t.atHigh])).toEqual([
      ["a / i position", 30, 70],
      ["b / i position", 45, 55],
    ]);
  });

  it("estimates first-order Sobol indices close to the analytic 16/17 and 1/17", () => {
    // Y = (X_a + X_b)/2 with uniform ranges of width 80 and 20: V_a ∝ 80², V_b ∝ 20².
    const byInput = Object.fromEntries((result?.sobol ?? []).map((s) => [s.input, s.firstOrder]));
    expect(byInput["a / i position"]).toBeCloseTo(16 / 17, 1);
    expect(byInput["b / i position"]).toBeCloseTo(1 / 17, 1);
  });

  it("is reproducible from the seed", () => {
    expect(sensitivity(sim, 64)).toEqual(sensitivity(sim, 64));
  });
});

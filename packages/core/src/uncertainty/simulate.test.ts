import { describe, expect, it } from "vitest";
import type { Scenario } from "../scenario/schema.ts";
import { validateScenario } from "../scenario/validate.ts";
import { simulationReport } from "./report.ts";
import {
  compileSimulation,
  runShard,
  SHARD_SIZE,
  type SimulationPlan,
  shardCount,
} from "./simulate.ts";
import { mergeSummaries, missingShards } from "./summary.ts";

const scenario = (() => {
  const r = validateScenario({
    id: "mc",
    title: "MC",
    asOf: "2025-01-01",
    sources: [{ id: "s", title: "S", locator: "s" }],
    actors: [
      { id: "a", name: "A", capability: { value: 2, low: 1, high: 3 } },
      { id: "b", name: "B", capability: 1 },
      { id: "c", name: "C", capability: 1 },
    ],
    issues: [
      {
        id: "i",
        title: "I",
        scale: { minLabel: "lo", maxLabel: "hi", marks: [{ at: 50, label: "half" }] },
        statusQuo: 20,
      },
    ],
    stances: [
      { actor: "a", issue: "i", position: { value: 30, low: 10, high: 50 }, salience: 60 },
      {
        actor: "b",
        issue: "i",
        position: [
          { value: 70, source: "s" },
          { value: 90, source: "s" },
        ],
        salience: 50,
      },
      { actor: "c", issue: "i", position: 55, salience: 40 },
    ],
    shocks: [
      {
        id: "hard",
        title: "Hardening",
        probability: 0.3,
        effects: [{ kind: "shift-position", actors: ["a"], by: 20 }],
      },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario as Scenario;
})();

const plan: SimulationPlan = {
  scenario,
  samples: 1000,
  seed: 42,
  models: ["compromise", "weighted-median"],
};

const runAll = (p: SimulationPlan, order: (n: number) => number[]) => {
  const sim = compileSimulation(p);
  return mergeSummaries(order(shardCount(p)).map((i) => runShard(sim, i)));
};

describe("Monte Carlo simulation", () => {
  it("gives bit-identical summaries whatever the shard order or grouping", () => {
    const inOrder = runAll(plan, (n) => [...Array(n).keys()]);
    const reversed = runAll(plan, (n) => [...Array(n).keys()].reverse());
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(inOrder));
    // Group shards into two parts first, then merge the parts (as two machines would).
    const sim = compileSimulation(plan);
    const n = shardCount(plan);
    const part1 = mergeSummaries([0, 2].map((i) => runShard(sim, i)));
    const part2 = mergeSummaries([3, 1].filter((i) => i < n).map((i) => runShard(sim, i)));
    expect(JSON.stringify(mergeSummaries([part2, part1]))).toBe(JSON.stringify(inOrder));
    expect(JSON.parse(JSON.stringify(inOrder))).toEqual(inOrder);
  });

  it("covers every sample once and reports missing or repeated shards", () => {
    const sim = compileSimulation(plan);
    expect(shardCount(plan)).toBe(Math.ceil(1000 / SHARD_SIZE));
    const partial = mergeSummaries([runShard(sim, 0), runShard(sim, 2)]);
    expect(missingShards(partial, shardCount(plan))).toEqual([1, 3]);
    expect(() => mergeSummaries([runShard(sim, 1), runShard(sim, 1)])).toThrow(
      /more than one part/,
    );
  });

  it("changes with the seed and reproduces with the same seed", () => {
    const a = runAll(plan, (n) => [...Array(n).keys()]);
    const b = runAll({ ...plan, seed: 43 }, (n) => [...Array(n).keys()]);
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });

  it("reports distributions, threshold probabilities and shock effects that agree with the inputs", () => {
    const report = simulationReport(
      runAll({ ...plan, samples: 4000 }, (n) => [...Array(n).keys()]),
    );
    const [issue] = report.issues;
    const compromise = issue?.models[0];
    expect(compromise?.n).toBe(4000);
    expect(compromise?.quantiles.p10).toBeLessThan(compromise?.quantiles.p90 as number);
    expect(compromise?.atLeast[0]?.threshold).toBe(50);
    const shock = report.shocks[0];
    expect(shock?.frequency).toBeGreaterThan(0.27);
    expect(shock?.frequency).toBeLessThan(0.33);
    // Moving actor a up by 20 moves the compromise up: a's weight share is ≈ 0.5 → ≈ +10.
    const shift = shock?.effect.find((e) => e.model === "compromise")?.shift as number;
    expect(shift).toBeGreaterThan(6);
    expect(shift).toBeLessThan(13);
  });

  it("counts the samples in which both parties have a package they prefer to no deal", () => {
    const withDeal: SimulationPlan = {
      ...plan,
      samples: 600,
      deal: { between: ["a", "b"], grid: 3 },
    };
    const summary = runAll(withDeal, (n) => [...Array(n).keys()]);
    const reversed = runAll(withDeal, (n) => [...Array(n).keys()].reverse());
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(summary));
    const report = simulationReport(summary);
    expect(report.deal?.between).toEqual(["a", "b"]);
    expect(report.deal?.probability).toBeGreaterThanOrEqual(0);
    expect(report.deal?.probability).toBeLessThanOrEqual(1);
    expect(summary.dealExists).toBe(Math.round((report.deal?.probability ?? 0) * 600));
    expect(() => compileSimulation({ ...plan, deal: { between: ["a", "zz"] } })).toThrow(
      /deal: expected two different actors/,
    );
  });

  it("rejects bad plans with messages naming the value", () => {
    expect(() => compileSimulation({ ...plan, samples: 0 })).toThrow(
      /samples: expected a whole number ≥ 1, got 0/,
    );
    expect(() => compileSimulation({ ...plan, seed: -1 })).toThrow(/seed/);
    expect(() => compileSimulation({ ...plan, models: ["nope"] })).toThrow(/unknown model "nope"/);
    expect(() => compileSimulation({ ...plan, thresholds: { zz: [3] } })).toThrow(
      /unknown issue "zz"/,
    );
  });
});

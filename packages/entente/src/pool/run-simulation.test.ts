import {
  compileSimulation,
  DEU3_CALIBRATION,
  mergeSummaries,
  runShard,
  type SimulationPlan,
  shardCount,
} from "@entente/core";
import { afterAll, describe, expect, it } from "vitest";
import { readScenario } from "../io/read-scenario.ts";
import { closeSimulationPools, runSimulation } from "./run-simulation.ts";

const root = new URL("../../../../", import.meta.url).pathname;

afterAll(closeSimulationPools);

describe("runSimulation", async () => {
  const { scenario } = await readScenario(`${root}scenarios/budapest-2025.yaml`);
  const plan: SimulationPlan = {
    scenario,
    samples: 1200,
    seed: 42,
    models: ["compromise", "weighted-median"],
    // Model error, the agreement check and the scenario's questions all draw or sum per sample.
    calibration: DEU3_CALIBRATION,
  };

  it("gives bit-identical summaries on 0, 1, 2 and 4 worker threads", async () => {
    const results = [];
    for (const workers of [0, 1, 2, 4])
      results.push(JSON.stringify(await runSimulation(plan, { workers })));
    expect(new Set(results).size).toBe(1);
  });

  it("equals the in-thread shards merged in any grouping", async () => {
    const sim = compileSimulation(plan);
    const n = shardCount(plan);
    const halves = [
      mergeSummaries([...Array(n).keys()].filter((i) => i % 2 === 0).map((i) => runShard(sim, i))),
      mergeSummaries([...Array(n).keys()].filter((i) => i % 2 === 1).map((i) => runShard(sim, i))),
    ];
    const pooled = await runSimulation(plan, { workers: 2 });
    expect(JSON.stringify(mergeSummaries(halves.reverse()))).toBe(JSON.stringify(pooled));
  });

  it("reports progress up to every sample and can be cancelled", async () => {
    let last = 0;
    await runSimulation(plan, { workers: 0, onProgress: (done) => (last = done) });
    expect(last).toBe(1200);
    const controller = new AbortController();
    controller.abort();
    await expect(runSimulation(plan, { workers: 1, signal: controller.signal })).rejects.toThrow();
  });
});

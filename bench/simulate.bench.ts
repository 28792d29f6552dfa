import { models, type SimulationPlan } from "@entente/core";
import { readScenario } from "../packages/entente/src/io/read-scenario.ts";
import { runSimulation } from "../packages/entente/src/pool/run-simulation.ts";
import type { Benchmark, Measurement } from "./harness.ts";

const root = new URL("../", import.meta.url).pathname;
const { scenario } = await readScenario(`${root}scenarios/budapest-2025.yaml`);
const wanted = ["compromise", "weighted-median", "eum"].filter((id) =>
  models.some((m) => m.id === id),
);
const plan: SimulationPlan = { scenario, samples: 10_000, seed: 42, models: wanted };

/** 10 000 samples of the Budapest scenario on 1 and 2 worker threads. */
export const simulationBenchmarks: Benchmark[] = [1, 2].map((workers) => ({
  name: `simulate: Budapest 10k samples, ${workers} worker${workers > 1 ? "s" : ""}`,
  // The target is for the default run on this 2-core machine: one worker per core.
  ...(workers === 2 ? { targetSeconds: 5 } : {}),
  repeat: 3,
  items: { count: plan.samples, unit: "samples" },
  setup: () => () => runSimulation(plan, { workers }),
}));

/** Print the speed-up from one to two workers (target ≥ 1.7×) and the models simulated. */
export function speedUp(results: Measurement[]): void {
  const one = results.find((r) => r.name.endsWith("1 worker"));
  const two = results.find((r) => r.name.endsWith("2 workers"));
  if (one && two) {
    const x = one.seconds / two.seconds;
    process.stdout.write(
      `\nsimulate speed-up 1 → 2 workers: ${x.toFixed(2)}× (target ≥ 1.7×, ${x >= 1.7 ? "met" : "MISSED"}); models: ${wanted.join(", ")}\n`,
    );
  }
}

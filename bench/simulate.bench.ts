import {
  compileSimulation,
  DEU3_CALIBRATION,
  models,
  randomStream,
  type SimulationPlan,
  sampleScenario,
  samplingState,
} from "@entente/core";
import { readScenario } from "../packages/entente/src/io/read-scenario.ts";
import { runSimulation } from "../packages/entente/src/pool/run-simulation.ts";
import type { Benchmark, Measurement } from "./harness.ts";

const root = new URL("../", import.meta.url).pathname;
const { scenario } = await readScenario(`${root}scenarios/budapest-2025.yaml`);
const wanted = ["compromise", "weighted-median", "eum"].filter((id) =>
  models.some((m) => m.id === id),
);
/** The default run: model error from the shipped calibration, phases checked for agreement. */
const plan: SimulationPlan = {
  scenario,
  samples: 10_000,
  seed: 42,
  models: wanted,
  calibration: DEU3_CALIBRATION,
};

/**
 * 10 000 samples of the Budapest scenario on 1 and 2 worker threads (calibration, the agreement
 * check and the questions included), the same run with input uncertainty only (no model error, no
 * agreement check: what `simulate` did before), and the agreement check alone on the same 10 000
 * sampled scenarios in this thread.
 */
export const simulationBenchmarks: Benchmark[] = [
  ...[1, 2].map(
    (workers): Benchmark => ({
      name: `simulate: Budapest 10k samples, ${workers} worker${workers > 1 ? "s" : ""}`,
      // The target is for the default run on this 2-core machine: one worker per core.
      ...(workers === 2 ? { targetSeconds: 5 } : {}),
      repeat: 3,
      items: { count: plan.samples, unit: "samples" },
      setup: () => () => runSimulation(plan, { workers }),
    }),
  ),
  {
    name: "simulate: inputs only, 2 workers (baseline)",
    repeat: 3,
    items: { count: plan.samples, unit: "samples" },
    setup: () => () =>
      runSimulation({ ...plan, calibration: null, agreement: false }, { workers: 2 }),
  },
  {
    name: "agreement check alone: 10k samples, 1 thread",
    repeat: 3,
    items: { count: plan.samples, unit: "samples" },
    setup: () => {
      const sim = compileSimulation(plan);
      const state = samplingState(sim);
      const u = new Float64Array(sim.inputs.length);
      const active = new Uint8Array(sim.shocks.length);
      const samples = Array.from({ length: plan.samples }, (_, n) => {
        const rng = randomStream(plan.seed, sim.hash, n);
        for (let i = 0; i < u.length; i++) u[i] = rng.next();
        for (let s = 0; s < active.length; s++)
          active[s] = rng.next() < (sim.shocks[s]?.probability ?? 0) ? 1 : 0;
        return sampleScenario(sim.base, sim.inputs, u, sim.shocks, active);
      });
      return () => {
        let sum = 0;
        for (const data of samples) sum += state.agreement(data).agree[0] as number;
        return sum;
      };
    },
  },
];

/** Print the speed-up from one to two workers (target ≥ 1.7×) and the models simulated. */
export function speedUp(results: Measurement[]): void {
  const one = results.find((r) => r.name.endsWith("1 worker"));
  const two = results.find((r) => r.name.endsWith("2 workers"));
  if (one && two) {
    const x = one.seconds / two.seconds;
    process.stdout.write(
      `\nsimulate speed-up 1 → 2 workers: ${x.toFixed(2)}× (target ≥ 1.7×, ${x >= 1.7 ? "met" : "MISSED"}); models: ${wanted.join(", ")}; with model error (DEU III calibration), the agreement check and ${scenario.questions?.length ?? 0} questions\n`,
    );
  }
}

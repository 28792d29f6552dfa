import { DEU3_CALIBRATION, models, type SimulationPlan } from "@entente/core";
import { readScenario } from "../packages/entente/src/io/read-scenario.ts";
import { runSimulation } from "../packages/entente/src/pool/run-simulation.ts";
import { runQueuedSimulation } from "../packages/entente/src/queue/run-queued.ts";
import { type RedisServer, startRedis } from "../test/support/redis-server.ts";
import { startWorker, type WorkerProcess } from "../test/support/worker-process.ts";
import type { Benchmark, Measurement } from "./harness.ts";

const root = new URL("../", import.meta.url).pathname;
const { scenario } = await readScenario(`${root}scenarios/budapest-2025.yaml`);
/** `entente simulate -n 100000` on the Budapest scenario (default models and calibration). */
const plan: SimulationPlan = {
  scenario,
  samples: 100_000,
  seed: 42,
  models: ["compromise", "weighted-median", "eum"].filter((id) => models.some((m) => m.id === id)),
  calibration: DEU3_CALIBRATION,
};
const IN_PROCESS = "simulate 100k: in-process, 2 threads";
const QUEUED = "simulate 100k: Redis queue, 2 workers";

let redis: RedisServer | undefined;
let workers: WorkerProcess[] = [];

/**
 * 100 000 Budapest samples on this machine's two cores: in this process on 2 worker threads,
 * then through a throwaway Redis with 2 `entente worker` processes of one thread each (started
 * during the untimed warm-up run, stopped after). {@link queueOverhead} prints the ratio.
 */
export const queueBenchmarks: Benchmark[] = [
  {
    name: IN_PROCESS,
    repeat: 1,
    items: { count: plan.samples, unit: "samples" },
    setup: () => () => runSimulation(plan, { workers: 2 }),
  },
  {
    name: QUEUED,
    repeat: 1,
    items: { count: plan.samples, unit: "samples" },
    setup: () => async () => {
      if (!redis) {
        redis = await startRedis();
        const url = redis.url;
        workers = await Promise.all([startWorker(url), startWorker(url)]);
      }
      return runQueuedSimulation(plan, { redis: redis.url });
    },
    teardown: async () => {
      await Promise.all(workers.map((w) => w.stop()));
      await redis?.stop();
      redis = undefined;
      workers = [];
    },
  },
];

/** Print the queued run's time over the in-process run's (target: overhead ≤ 10 %). */
export function queueOverhead(results: Measurement[]): void {
  const local = results.find((r) => r.name === IN_PROCESS);
  const queued = results.find((r) => r.name === QUEUED);
  if (!local || !queued) return;
  const ratio = queued.seconds / local.seconds;
  process.stdout.write(
    `\nqueue overhead, 100k Budapest samples: in-process ${local.seconds.toFixed(2)} s, through Redis on 2 worker processes ${queued.seconds.toFixed(2)} s, ratio ${ratio.toFixed(3)} (target ≤ 1.10, ${ratio <= 1.1 ? "met" : "MISSED"})\n`,
  );
}

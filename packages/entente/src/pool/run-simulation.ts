import { setMaxListeners } from "node:events";
import { availableParallelism } from "node:os";
import {
  compileSimulation,
  type IssueSensitivity,
  mergeSummaries,
  runShard,
  SHARD_SIZE,
  type SimulationPlan,
  type SimulationSummary,
  scenarioHash,
  shardCount,
} from "@entente/core";
import { Piscina } from "piscina";
import type { ShardTask } from "./simulate-worker.ts";
import { sourceWorkerOptions } from "./worker-preloads.ts";

export interface RunSimulationOptions {
  /** Worker threads; 0 runs in this thread. Default: the machine's cores. */
  workers?: number;
  /** Which shards to run (default all): a contiguous part of the plan, e.g. for `--shard 3/16`. */
  shards?: number[];
  /** Called with samples done and samples in all, at most every 100 ms. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Default number of workers: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Run a simulation plan on a piscina pool of worker threads (or in this thread with
 * `workers: 0`). Shards are handed out in small batches and their summaries merged exactly, so
 * the result is bit-identical for any number of workers.
 */
export async function runSimulation(
  plan: SimulationPlan,
  options: RunSimulationOptions = {},
): Promise<SimulationSummary> {
  const all = options.shards ?? [...Array(shardCount(plan)).keys()];
  const workers = options.workers ?? defaultWorkers();
  const total = samplesIn(all, plan.samples);
  if (workers <= 0) {
    const sim = compileSimulation(plan);
    const parts: SimulationSummary[] = [];
    let done = 0;
    for (const shard of all) {
      if (options.signal?.aborted) throw new DOMException("simulation cancelled", "AbortError");
      const part = runShard(sim, shard);
      parts.push(part);
      done += part.samples;
      options.onProgress?.(done, total);
    }
    return mergeSummaries(parts);
  }
  const progress = new Int32Array(new SharedArrayBuffer(4));
  const pool = simulationPool(workers);
  const timer = options.onProgress
    ? setInterval(() => options.onProgress?.(Atomics.load(progress, 0), total), 100)
    : undefined;
  try {
    const key = planKey(plan);
    const batch = Math.max(1, Math.ceil(all.length / (workers * 8)));
    // Every queued task listens for the abort: say how many are expected.
    if (options.signal) setMaxListeners(Math.ceil(all.length / batch) + 16, options.signal);
    const tasks: Array<Promise<SimulationSummary>> = [];
    for (let i = 0; i < all.length; i += batch) {
      const task: ShardTask = { key, plan, shards: all.slice(i, i + batch), progress };
      tasks.push(pool.run(task, options.signal ? { signal: options.signal } : {}));
    }
    const parts = await Promise.all(tasks);
    options.onProgress?.(Atomics.load(progress, 0), total);
    return mergeSummaries(parts);
  } finally {
    if (timer) clearInterval(timer);
  }
}

/** A plan's identity for the workers' compiled-plan cache (seed, scenario and options). */
function planKey(plan: SimulationPlan): string {
  return `${plan.seed}:${scenarioHash(plan.scenario)}:${JSON.stringify({ ...plan, scenario: undefined })}`;
}

/** Samples in `shards` of a plan of `samples` (the last shard may be short). */
export function samplesIn(shards: readonly number[], samples: number): number {
  return shards.reduce(
    (n, s) => n + Math.max(0, Math.min(samples - s * SHARD_SIZE, SHARD_SIZE)),
    0,
  );
}

/**
 * Sensitivity of a plan's forecasts to each uncertain input ({@link sensitivity} in the core),
 * computed on a worker thread of the pool so that a server's event loop stays free.
 */
export async function runSensitivity(
  plan: SimulationPlan,
  baseSamples: number,
  options: { workers?: number; signal?: AbortSignal } = {},
): Promise<IssueSensitivity[]> {
  const pool = simulationPool(Math.max(1, options.workers ?? defaultWorkers()));
  return (await pool.run({ plan, baseSamples } as unknown as ShardTask, {
    name: "sensitivityTask",
    ...(options.signal ? { signal: options.signal } : {}),
  })) as unknown as IssueSensitivity[];
}

const pools = new Map<number, Piscina<ShardTask, SimulationSummary>>();

/**
 * The pool of `workers` threads running `simulate-worker` (shards, sensitivity, forecast
 * models), started on first use and kept for later runs (starting a thread costs far more than
 * a shard). {@link closeSimulationPools} stops them.
 */
export function simulationPool(workers: number): Piscina<ShardTask, SimulationSummary> {
  let pool = pools.get(workers);
  if (!pool) {
    pool = new Piscina<ShardTask, SimulationSummary>({
      filename: new URL(`./simulate-worker${extension()}`, import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 30_000,
      // From source, workers need the TypeScript loader, the `source` condition and plug-ins.
      ...(extension() === ".ts" ? sourceWorkerOptions() : {}),
    });
    pools.set(workers, pool);
  }
  return pool;
}

/** Stop every pool's threads (call before the process should exit). */
export async function closeSimulationPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.destroy()));
}

/** `.ts` when running from source (tsx), `.js` when running the build. */
function extension(): string {
  return import.meta.url.endsWith(".ts") ? ".ts" : ".js";
}

// A worker thread of the simulation pool: runs shards of a plan and returns their summaries.
import {
  type CompiledSimulation,
  compileSimulation,
  type IssueSensitivity,
  mergeSummaries,
  runShard,
  type SimulationPlan,
  type SimulationSummary,
  sensitivity,
} from "@entente/core";

/** One task: a plan (with a key identifying it) and the shards to run. */
export interface ShardTask {
  key: string;
  plan: SimulationPlan;
  shards: number[];
  /** Shared counter of finished samples, for the progress bar. */
  progress?: Int32Array;
}

let cached: { key: string; sim: CompiledSimulation } | undefined;

/** Run the task's shards (compiling the plan once per worker) and merge their summaries. */
export default function runShards(task: ShardTask): SimulationSummary {
  if (cached?.key !== task.key) cached = { key: task.key, sim: compileSimulation(task.plan) };
  const sim = cached.sim;
  const parts = task.shards.map((shard) => {
    const summary = runShard(sim, shard);
    if (task.progress) Atomics.add(task.progress, 0, summary.samples);
    return summary;
  });
  return mergeSummaries(parts);
}

/** One sensitivity analysis of a plan (one-at-a-time and first-order Sobol). */
export function sensitivityTask(task: {
  plan: SimulationPlan;
  baseSamples: number;
}): IssueSensitivity[] {
  return sensitivity(compileSimulation(task.plan), task.baseSamples);
}

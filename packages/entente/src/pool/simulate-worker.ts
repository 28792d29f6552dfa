// A worker thread of the simulation pool: runs shards of a plan and returns their summaries.
import {
  type CompiledSimulation,
  compileSimulation,
  getModel,
  type IssueSensitivity,
  type ModelSteps,
  mergeSummaries,
  modelSteps,
  type PhaseData,
  type RunOptions,
  runShard,
  type ScenarioData,
  type SimulationPlan,
  type SimulationSummary,
  sensitivity,
} from "@entente/core";
import { requireWorkerPreloads } from "./worker-preloads.ts";

// Models registered by plug-ins the main thread preloaded (see worker-preloads.ts).
requireWorkerPreloads();

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

/** One model's phased run for a forecast ({@link modelSteps} in the core). */
export interface ModelTask {
  model: string;
  data: ScenarioData;
  phases: PhaseData[];
  options?: RunOptions;
}

/** Run one model of a forecast on this worker. */
export function modelTask(task: ModelTask): ModelSteps {
  return modelSteps(getModel(task.model), task.data, task.phases, task.options);
}

import {
  type Model,
  type ModelSteps,
  modelSteps,
  type PhaseData,
  type RunOptions,
  type ScenarioData,
} from "@entente/core";
import { defaultWorkers, simulationPool } from "./run-simulation.ts";
import type { ModelTask, ShardTask } from "./simulate-worker.ts";

/** Options of {@link runModels}. */
export interface RunModelsOptions {
  /** Worker threads; 0 runs the models one after another in this thread. Default: the cores. */
  workers?: number;
  /** Per-model run options by model id. */
  options?: Readonly<Record<string, RunOptions>>;
  /** Called as models finish: how many are done, how many in all, and those still running. */
  onProgress?: (done: number, total: number, running: string[]) => void;
}

/**
 * Each model's phased run ({@link modelSteps}), the models running concurrently on the worker
 * pool — the slow, dynamic ones first so that they start at once. Results come back in the order
 * of `models`, and are the same bits as running them in this thread.
 */
export async function runModels(
  data: ScenarioData,
  phases: readonly PhaseData[],
  models: readonly Model[],
  options: RunModelsOptions = {},
): Promise<ModelSteps[]> {
  const workers = options.workers ?? defaultWorkers();
  const total = models.length;
  let done = 0;
  const running = new Set(models.map((m) => m.label));
  const finished = (model: Model) => {
    done++;
    running.delete(model.label);
    options.onProgress?.(done, total, [...running]);
  };
  options.onProgress?.(0, total, [...running]);
  if (workers <= 0) {
    return models.map((model) => {
      const run = modelSteps(model, data, phases, options.options?.[model.id]);
      finished(model);
      return run;
    });
  }
  const pool = simulationPool(workers);
  const rank = (m: Model) => (m.dynamic ? 0 : m.fast ? 2 : 1);
  const order = models
    .map((_, i) => i)
    .sort((a, b) => rank(models[a] as Model) - rank(models[b] as Model) || a - b);
  const results: ModelSteps[] = new Array(total);
  await Promise.all(
    order.map(async (i) => {
      const model = models[i] as Model;
      const task: ModelTask = {
        model: model.id,
        data,
        phases: [...phases],
        ...(options.options?.[model.id] ? { options: options.options[model.id] } : {}),
      };
      results[i] = (await pool.run(task as unknown as ShardTask, {
        name: "modelTask",
      })) as unknown as ModelSteps;
      finished(model);
    }),
  );
  return results;
}

/**
 * Running `entente simulate`'s plan: on worker threads here or on `entente worker` processes
 * through Redis, with a progress bar, Ctrl-C to cancel, and the sensitivity analysis after.
 * @module
 */
import {
  compileSimulation,
  type IssueSensitivity,
  ModelInputError,
  SENSITIVITY_BASE_SAMPLES,
  type SimulationPlan,
  type SimulationSummary,
  sensitivity,
} from "@entente/core";
import { closeSimulationPools, defaultWorkers, runSimulation } from "../../pool/run-simulation.ts";
import { QueueUnavailableError, redactedUrl } from "../../queue/redis-connection.ts";
import { runQueuedSensitivity, runQueuedSimulation } from "../../queue/run-queued.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";
import { progressBar } from "../progress.ts";
import { queueUnavailable } from "./worker.ts";

/** Where and how much of a plan {@link runSimulate} runs. */
export interface RunSimulateOptions {
  /** The Redis server whose workers run the shards; here when undefined. */
  queue: string | undefined;
  /** Worker threads here (0 = this thread); default: cores. */
  workers: number | undefined;
  /** The shards of a `--shard` part; all when undefined. */
  shards: number[] | undefined;
  /** Also run the sensitivity analysis (never for a part). */
  sensitivity: boolean;
}

/**
 * Run `plan` and, when asked, its sensitivity analysis. Exit 130 when cancelled, exit 2 for an
 * unreachable queue or a model that cannot run a sample (prefixed `sensitivity: ` in that stage).
 */
export async function runSimulate(
  plan: SimulationPlan,
  options: RunSimulateOptions,
  io: CliIO,
): Promise<{ summary: SimulationSummary; extra: IssueSensitivity[] | undefined }> {
  const { queue, shards } = options;
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const bar = progressBar(`simulating ${plan.samples} samples`);
  let summary: SimulationSummary;
  let extra: IssueSensitivity[] | undefined;
  let stage = "";
  try {
    summary = queue
      ? await runQueuedSimulation(plan, {
          redis: queue,
          ...(shards ? { shards } : {}),
          onProgress: bar.update,
          onNoWorkers: () =>
            io.stderr(
              `entente: no worker is listening on ${redactedUrl(queue)} yet; the shards wait in the queue until one starts (entente worker --redis …)\n`,
            ),
          signal: controller.signal,
        })
      : await runSimulation(plan, {
          workers: options.workers ?? defaultWorkers(),
          ...(shards ? { shards } : {}),
          onProgress: bar.update,
          signal: controller.signal,
        });
    if (options.sensitivity && !shards) {
      stage = "sensitivity: ";
      extra = queue
        ? await runQueuedSensitivity(plan, SENSITIVITY_BASE_SAMPLES, {
            redis: queue,
            signal: controller.signal,
          })
        : sensitivity(compileSimulation(plan));
    }
  } catch (e) {
    if (controller.signal.aborted) throw new CliError("cancelled", 130);
    if (e instanceof QueueUnavailableError) throw queueUnavailable(e);
    if (e instanceof ModelInputError) {
      throw new CliError(`${stage}${e.message}`, EXIT.invalidInput);
    }
    throw e;
  } finally {
    bar.stop();
    process.off("SIGINT", onSigint);
    await closeSimulationPools();
  }
  return { summary, extra };
}

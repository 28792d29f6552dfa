/**
 * Where a server's simulation runs: on `entente worker` processes through the Redis queue when
 * the server has one, else — or when Redis is unreachable or lost, or no worker listens — on
 * this process's worker threads. The result is the same bits either way.
 * @module
 */
import type { IssueSensitivity, SimulationPlan, SimulationSummary } from "@entente/core";
import { runSensitivity, runSimulation } from "../pool/run-simulation.ts";
import { QueueUnavailableError } from "../queue/redis-connection.ts";
import { runQueuedSensitivity, runQueuedSimulation } from "../queue/run-queued.ts";

/** The queue (if any), where to say that a run fell back to this process, and its name. */
export interface Somewhere {
  redis: string | undefined;
  log: (message: string) => void;
  /** e.g. `simulation 0f3…`, for the log line. */
  name: string;
}

/** A plan's summary, on the queue or here ({@link runQueuedSimulation}, {@link runSimulation}). */
export function simulateSomewhere(
  plan: SimulationPlan,
  workers: number,
  signal: AbortSignal,
  where: Somewhere,
  onProgress: (done: number, total: number) => void,
): Promise<SimulationSummary> {
  const { redis } = where;
  const local = () => runSimulation(plan, { workers, signal, onProgress });
  if (!redis) return local();
  return queuedOrLocal(signal, where, local, (attempt, onNoWorkers) =>
    runQueuedSimulation(plan, { redis, signal: attempt, onProgress, onNoWorkers }),
  );
}

/** A plan's sensitivity analysis, on a queue worker or here. */
export function sensitivitySomewhere(
  plan: SimulationPlan,
  baseSamples: number,
  workers: number,
  signal: AbortSignal,
  where: Somewhere,
): Promise<IssueSensitivity[]> {
  const { redis } = where;
  const local = () => runSensitivity(plan, baseSamples, { workers, signal });
  if (!redis) return local();
  return queuedOrLocal(signal, where, local, (attempt, onNoWorkers) =>
    runQueuedSensitivity(plan, baseSamples, { redis, signal: attempt, onNoWorkers }),
  );
}

/** Try `queued`; fall back to `local` when the queue cannot serve it (never when cancelled). */
async function queuedOrLocal<T>(
  signal: AbortSignal,
  where: Somewhere,
  local: () => Promise<T>,
  queued: (attempt: AbortSignal, onNoWorkers: () => void) => Promise<T>,
): Promise<T> {
  const attempt = new AbortController();
  const follow = () => attempt.abort();
  signal.addEventListener("abort", follow, { once: true });
  let noWorkers = false;
  try {
    return await queued(attempt.signal, () => {
      noWorkers = true;
      attempt.abort();
    });
  } catch (e) {
    if (signal.aborted) throw e;
    if (e instanceof QueueUnavailableError) {
      where.log(`${e.message}; running ${where.name} in this process`);
      return local();
    }
    if (noWorkers) {
      where.log(`no worker listens on the queue; running ${where.name} in this process`);
      return local();
    }
    throw e;
  } finally {
    signal.removeEventListener("abort", follow);
  }
}

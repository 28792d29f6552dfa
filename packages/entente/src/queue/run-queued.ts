import { randomUUID } from "node:crypto";
import {
  type IssueSensitivity,
  mergeSummaries,
  type SimulationPlan,
  type SimulationSummary,
  shardCount,
} from "@entente/core";
import { Queue, QueueEvents } from "bullmq";
import { samplesIn } from "../pool/run-simulation.ts";
import {
  pingRedis,
  QueueUnavailableError,
  redactedUrl,
  redisConnection,
} from "./redis-connection.ts";
import { CANCEL_CHANNEL, type QueueTask, SHARD_QUEUE, shardJobs } from "./shard-task.ts";

/** Options of {@link runQueuedSimulation} and {@link runQueuedSensitivity}. */
export interface QueuedRunOptions {
  /** Redis URL, e.g. `redis://127.0.0.1:6379`. */
  redis: string;
  /** Which shards to run (default all), as for `--shard i/N`. */
  shards?: number[];
  /** Called with samples done and samples in all as workers report. */
  onProgress?: (done: number, total: number) => void;
  /** Called once if no worker is listening on the queue when the jobs are added. */
  onNoWorkers?: () => void;
  /** Aborting cancels the run's jobs: waiting ones are removed, running ones stopped. */
  signal?: AbortSignal;
}

/**
 * Run a simulation plan on the workers of the shard queue (`entente worker`): the shards are
 * cut into jobs ({@link shardJobs}), each worker returns its jobs' merged summaries, and these
 * are merged here in shard order — exactly the summary {@link runSimulation} computes in this
 * process. Rejects with a {@link QueueUnavailableError} when Redis cannot be reached or is lost.
 */
export async function runQueuedSimulation(
  plan: SimulationPlan,
  options: QueuedRunOptions,
): Promise<SimulationSummary> {
  const run = randomUUID();
  const all = options.shards ?? [...Array(shardCount(plan)).keys()];
  const jobs = shardJobs(all);
  const tasks: QueueTask[] = jobs.map((shards) => ({ kind: "shards", run, plan, shards }));
  const sizes = jobs.map((shards) => samplesIn(shards, plan.samples));
  const parts = await runTasks<SimulationSummary>(tasks, sizes, options);
  return mergeSummaries(parts);
}

/** A sensitivity analysis ({@link runSensitivity}) computed by one worker of the shard queue. */
export async function runQueuedSensitivity(
  plan: SimulationPlan,
  baseSamples: number,
  options: Omit<QueuedRunOptions, "shards">,
): Promise<IssueSensitivity[]> {
  const task: QueueTask = { kind: "sensitivity", run: randomUUID(), plan, baseSamples };
  const [result] = await runTasks<IssueSensitivity[]>([task], [0], options);
  return result as IssueSensitivity[];
}

/** Add one run's tasks as jobs, follow their progress, and return their results in order. */
async function runTasks<R>(
  tasks: QueueTask[],
  sizes: number[],
  options: QueuedRunOptions,
): Promise<R[]> {
  const { redis, signal } = options;
  if (signal?.aborted) throw new DOMException("simulation cancelled", "AbortError");
  await pingRedis(redis);
  const run = (tasks[0] as QueueTask).run;
  const ids = tasks.map((_, i) => `${run}.${i}`);
  const index = new Map(ids.map((id, i) => [id, i]));
  const total = sizes.reduce((a, b) => a + b, 0);
  const done = new Array<number>(tasks.length).fill(0);
  const report = (jobId: string, samples: number) => {
    const i = index.get(jobId);
    if (i === undefined) return; // another run's job
    done[i] = Math.min(samples, sizes[i] as number);
    options.onProgress?.(
      done.reduce((a, b) => a + b, 0),
      total,
    );
  };

  const connection = redisConnection(redis);
  const eventsConnection = redisConnection(redis);
  let lost = false;
  let fail: (e: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {});
  /** `promise`, or the connection's loss (or the abort), whichever comes first. */
  const guard = <T>(promise: Promise<T>): Promise<T> => {
    promise.catch(() => {}); // once lost, its own failure does not matter
    return Promise.race([promise, failed]);
  };
  for (const c of [connection, eventsConnection]) {
    c.on("error", (e: Error) => {
      lost = true;
      fail(
        new QueueUnavailableError(
          `lost the connection to Redis at ${redactedUrl(redis)}: ${e.message}`,
        ),
      );
    });
  }
  const onAbort = () => fail(new DOMException("simulation cancelled", "AbortError"));
  signal?.addEventListener("abort", onAbort, { once: true });
  const queue = new Queue<QueueTask, R>(SHARD_QUEUE, { connection });
  const events = new QueueEvents(SHARD_QUEUE, { connection: eventsConnection });
  // Removing the jobs at the end adds a listener per job for a moment: say so.
  queue.setMaxListeners(tasks.length + 16);
  // Their connections' errors are handled above; BullMQ re-emits them on these.
  queue.on("error", () => {});
  events.on("error", () => {});
  events.on("progress", ({ jobId, data }) => {
    if (typeof data === "number") report(jobId, data);
  });
  // Results and failures arrive as events (the listeners are in place before the jobs exist).
  const results = new Array<R | undefined>(tasks.length);
  let remaining = tasks.length;
  const finished = new Promise<R[]>((resolve, reject) => {
    events.on("completed", ({ jobId, returnvalue }) => {
      const i = index.get(jobId);
      if (i === undefined || results[i] !== undefined) return;
      results[i] = returnvalue as R;
      report(jobId, Number.POSITIVE_INFINITY);
      if (--remaining === 0) resolve(results as R[]);
    });
    events.on("failed", ({ jobId, failedReason }) => {
      if (index.has(jobId)) reject(new Error(`a worker failed job ${jobId}: ${failedReason}`));
    });
  });
  try {
    await guard(events.waitUntilReady());
    await guard(
      queue.addBulk(
        tasks.map((data, i) => ({
          name: data.kind,
          data,
          opts: {
            jobId: ids[i] as string,
            removeOnComplete: { age: 3600 },
            removeOnFail: { age: 86_400 },
          },
        })),
      ),
    );
    options.onProgress?.(0, total);
    if (options.onNoWorkers && (await guard(queue.getWorkersCount())) === 0) {
      options.onNoWorkers();
    }
    return await guard(finished);
  } catch (e) {
    if (signal?.aborted && !lost) await connection.publish(CANCEL_CHANNEL, run).catch(() => {});
    throw e;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    if (lost) {
      // Nothing more can be asked of Redis: do not wait for it.
      void Promise.allSettled([events.close(), queue.close()]);
    } else {
      // The results are read: drop the jobs (running ones, just cancelled, expire on their own).
      await Promise.allSettled(ids.map((id) => queue.remove(id)));
      await Promise.allSettled([events.close(), queue.close()]);
    }
    connection.disconnect();
    eventsConnection.disconnect();
  }
}

import type { IssueSensitivity, SimulationSummary } from "@entente/core";
import { type Job, UnrecoverableError, Worker } from "bullmq";
import { runSensitivity, runSimulation } from "../pool/run-simulation.ts";
import { redactedUrl, redisConnection } from "./redis-connection.ts";
import { CANCEL_CHANNEL, type QueueTask, SHARD_QUEUE } from "./shard-task.ts";

/** Options of {@link startShardWorker}. */
export interface ShardWorkerOptions {
  /** Redis URL, e.g. `redis://127.0.0.1:6379`. */
  redis: string;
  /** Jobs computed at once, on a pool of as many worker threads. */
  concurrency: number;
  /**
   * How long a job's lock lasts without renewal, in ms (default 30 000): a worker killed
   * mid-job has its job handed to another worker after about this long.
   */
  stallTimeoutMs?: number;
  /** Where to report connection trouble and failed jobs (default: nowhere). */
  log?: (message: string) => void;
}

/** A running worker: stop it with `close()` (its jobs in progress finish first). */
export interface ShardWorker {
  readonly worker: Worker<QueueTask, SimulationSummary | IssueSensitivity[]>;
  close(): Promise<void>;
}

/**
 * Take jobs from the shard queue ({@link SHARD_QUEUE}) and compute them on a pool of
 * `concurrency` worker threads ({@link runSimulation}, {@link runSensitivity}): simulation
 * shards return their merged summary, a sensitivity
 * job its analysis. Progress is reported to the job as samples done. A job whose worker dies is
 * handed to another by BullMQ's stalled-job check; a run cancelled by its client (a message on
 * {@link CANCEL_CHANNEL}) aborts its jobs here.
 */
export async function startShardWorker(options: ShardWorkerOptions): Promise<ShardWorker> {
  const { redis, concurrency, stallTimeoutMs = 30_000 } = options;
  const log = options.log ?? (() => {});
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency: expected a whole number ≥ 1, got ${concurrency}`);
  }
  if (!Number.isSafeInteger(stallTimeoutMs) || stallTimeoutMs < 500) {
    throw new RangeError(`stallTimeoutMs: expected a whole number ≥ 500, got ${stallTimeoutMs}`);
  }
  /** Active jobs of this worker: job id → run id. */
  const active = new Map<string, string>();
  const connection = redisConnection(redis);
  const subscriber = redisConnection(redis);
  let reported = false;
  for (const c of [connection, subscriber]) {
    c.on("error", (e: Error) => {
      if (!reported) log(`Redis at ${redactedUrl(redis)}: ${e.message}; retrying every second`);
      reported = true;
    });
    c.on("ready", () => {
      if (reported) log(`Redis at ${redactedUrl(redis)} is back`);
      reported = false;
    });
  }
  const worker = new Worker<QueueTask, SimulationSummary | IssueSensitivity[]>(
    SHARD_QUEUE,
    async (job: Job<QueueTask>, _token?: string, signal?: AbortSignal) => {
      const task = job.data;
      active.set(job.id as string, task.run);
      try {
        if (task.kind === "sensitivity") {
          return await runSensitivity(task.plan, task.baseSamples, {
            workers: concurrency,
            ...(signal ? { signal } : {}),
          });
        }
        let reported = 0;
        return await runSimulation(task.plan, {
          workers: concurrency,
          shards: task.shards,
          ...(signal ? { signal } : {}),
          onProgress: (done) => {
            if (done === reported) return; // the pool reports every 100 ms, moved or not
            reported = done;
            job.updateProgress(done).catch(() => {});
          },
        });
      } catch (e) {
        if (signal?.aborted) throw new UnrecoverableError("cancelled by its client");
        throw e;
      } finally {
        active.delete(job.id as string);
      }
    },
    {
      connection,
      concurrency,
      name: "entente-worker",
      lockDuration: stallTimeoutMs,
      stalledInterval: Math.max(250, Math.floor(stallTimeoutMs / 2)),
      maxStalledCount: 2,
    },
  );
  worker.on("failed", (job, e) => {
    if (job && !/cancelled by its client/.test(e.message))
      log(`job ${job.id} failed: ${e.message}`);
  });
  worker.on("error", () => {}); // connection errors are reported above, once
  await subscriber.subscribe(CANCEL_CHANNEL);
  subscriber.on("message", (_channel: string, run: string) => {
    for (const [jobId, jobRun] of active) {
      if (jobRun === run) worker.cancelJob(jobId, "cancelled by its client");
    }
  });
  await worker.waitUntilReady();
  return {
    worker,
    async close() {
      // Jobs in progress finish first; with Redis gone that could wait forever, so not long.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        worker.close(),
        new Promise((resolve) => {
          timer = setTimeout(resolve, stallTimeoutMs);
        }),
      ]);
      clearTimeout(timer);
      subscriber.disconnect();
      connection.disconnect();
    },
  };
}

import { setMaxListeners } from "node:events";
import type { SimulationPlan } from "@entente/core";
import { simulationDocument } from "../format/simulation.ts";
import { HEARTBEAT_MS, RunHeartbeat } from "../queue/run-heartbeat.ts";
import type { RunRecord } from "../store/records.ts";
import type { Store } from "../store/store.ts";
import { ConflictError } from "../store/store-errors.ts";
import { sensitivitySomewhere, simulateSomewhere } from "./simulate-somewhere.ts";

/** What a run's listeners hear: progress while it runs, then the finished run once. */
export type RunEvent =
  | { type: "progress"; done: number; total: number }
  | { type: "end"; run: RunRecord };

/** Options of {@link SimulationJobs}. */
export interface SimulationJobsOptions {
  /** Simulations run at once; the rest wait, queued (default 1: a simulation uses every core). */
  concurrency?: number;
  /** Least time between two progress writes to the store, in ms (default 250). */
  progressIntervalMs?: number;
  /** Where to report a failure to record a run's state (default: nowhere). */
  log?: (message: string) => void;
  /**
   * Redis URL: simulations go to `entente worker` processes through the shard queue; while
   * Redis is unreachable or no worker listens, they run in this process instead.
   */
  redis?: string;
  /** Simulations one client may have queued or running at once (default 4). */
  perClient?: number;
}

interface Job {
  run: RunRecord;
  /** Who asked (the client's address), for the per-client limit. */
  client: string;
  plan: SimulationPlan;
  workers: number;
  controller: AbortController;
  /** Base samples of the sensitivity analysis to add to the result, if any. */
  sensitivity: number | undefined;
}

/**
 * Background simulations: runs recorded as `queued` are started in order on the worker pool
 * ({@link runSimulation}), their progress written to the store and sent to listeners, their
 * result or error recorded at the end. Cancelling aborts the workers and records `cancelled`.
 */
export class SimulationJobs {
  readonly #store: Store;
  readonly #concurrency: number;
  readonly #interval: number;
  readonly #log: (message: string) => void;
  readonly #redis: string | undefined;
  readonly #perClient: number;
  readonly #heartbeat: RunHeartbeat | undefined;
  readonly #beating: NodeJS.Timeout | undefined;
  readonly #queue: Job[] = [];
  readonly #running = new Map<string, Job>();
  readonly #listeners = new Map<string, Set<(event: RunEvent) => void>>();
  readonly #settled = new Set<Promise<void>>();
  #closed = false;

  constructor(store: Store, options: SimulationJobsOptions = {}) {
    const { concurrency = 1, progressIntervalMs = 250, log = () => {}, perClient = 4 } = options;
    if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`concurrency: expected a whole number ≥ 1, got ${concurrency}`);
    }
    if (!Number.isFinite(progressIntervalMs) || progressIntervalMs < 0) {
      throw new RangeError(`progressIntervalMs: expected a number ≥ 0, got ${progressIntervalMs}`);
    }
    this.#store = store;
    this.#concurrency = concurrency;
    this.#interval = progressIntervalMs;
    if (!Number.isSafeInteger(perClient) || perClient < 1) {
      throw new RangeError(`perClient: expected a whole number ≥ 1, got ${perClient}`);
    }
    this.#log = log;
    this.#redis = options.redis;
    this.#perClient = perClient;
    if (options.redis) {
      const heartbeat = new RunHeartbeat(options.redis);
      this.#heartbeat = heartbeat;
      this.#beating = setInterval(() => void heartbeat.beat(this.#held()), HEARTBEAT_MS);
      this.#beating.unref();
    }
  }

  /** Ids of the runs this process holds (queued or running). */
  #held(): string[] {
    return [...this.#queue.map((j) => j.run.id), ...this.#running.keys()];
  }

  /**
   * At start-up, record as failed (with `error`) the unfinished runs that no server holds any
   * more: all of them on one machine; with Redis, those without a live heartbeat (another
   * server may be computing the rest). Returns how many were failed.
   */
  async failOrphaned(error: string): Promise<number> {
    if (!this.#heartbeat) return this.#store.failUnfinishedRuns(error);
    const runs = [
      ...(await this.#store.listRuns({ status: "queued", limit: 1000 })),
      ...(await this.#store.listRuns({ status: "running", limit: 1000 })),
    ].filter((r) => !this.has(r.id));
    let alive: boolean[];
    try {
      alive = await this.#heartbeat.alive(runs.map((r) => r.id));
    } catch (e) {
      this.#log(
        `cannot ask Redis which runs other servers hold (${(e as Error).message}); unfinished runs are left as they are`,
      );
      return 0;
    }
    let failed = 0;
    for (const [i, run] of runs.entries()) {
      if (alive[i]) continue;
      try {
        await this.#store.updateRun(run.id, {
          status: "failed",
          error,
          finished: new Date().toISOString(),
        });
        failed++;
      } catch {
        // It finished meanwhile.
      }
    }
    return failed;
  }

  /** Simulations one client may have queued or running at once. */
  get perClient(): number {
    return this.#perClient;
  }

  /** How many simulations `client` has queued or running in this process. */
  activeFor(client: string): number {
    let n = 0;
    for (const job of [...this.#queue, ...this.#running.values()]) if (job.client === client) n++;
    return n;
  }

  /**
   * Queue a simulation for `run` (already recorded as `queued`) on `workers` threads; with
   * `sensitivity` (base samples), the result also carries one-at-a-time and Sobol sensitivity.
   * `client` (an address) counts towards its per-client limit. Resolves once the run is marked
   * as held in Redis, when there is one (see {@link failOrphaned}).
   */
  submit(
    run: RunRecord,
    plan: SimulationPlan,
    workers: number,
    sensitivity?: number,
    client = "",
  ): Promise<void> {
    if (this.#closed) throw new Error("the server is stopping; no new simulations are started");
    const controller = new AbortController();
    // The pool adds one abort listener per task batch (up to 8 per worker).
    setMaxListeners(8 * workers + 8, controller.signal);
    this.#queue.push({ run, plan, workers, controller, sensitivity, client });
    this.#pump();
    // Held from now on, for servers sharing the store (waiting at most 250 ms for Redis).
    return this.#heartbeat ? this.#heartbeat.beat([run.id], 250) : Promise.resolve();
  }

  /** Whether this process is running or holding `id` in its queue. */
  has(id: string): boolean {
    return this.#running.has(id) || this.#queue.some((j) => j.run.id === id);
  }

  /**
   * Cancel a queued or running simulation and record it as `cancelled`. Throws the store's
   * ConflictError if it had already finished, NotFoundError if there is no such run.
   */
  async cancel(id: string): Promise<RunRecord> {
    const queued = this.#queue.findIndex((j) => j.run.id === id);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      void this.#heartbeat?.end(id);
    }
    this.#running.get(id)?.controller.abort();
    const run = await this.#store.updateRun(id, {
      status: "cancelled",
      finished: new Date().toISOString(),
    });
    this.#emit(id, { type: "end", run });
    return run;
  }

  /** Listen to one run's events; returns the function that stops listening. */
  subscribe(id: string, listener: (event: RunEvent) => void): () => void {
    let set = this.#listeners.get(id);
    if (!set) {
      set = new Set();
      this.#listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(id) === set) this.#listeners.delete(id);
    };
  }

  /**
   * Stop: queued and running simulations are aborted and recorded as failed ("the server
   * stopped"), and this waits until each has settled.
   */
  async close(): Promise<void> {
    this.#closed = true;
    const pending = [...this.#queue.splice(0), ...this.#running.values()];
    for (const job of pending) job.controller.abort();
    await Promise.all(
      pending.map(async (job) => {
        try {
          const run = await this.#store.updateRun(job.run.id, {
            status: "failed",
            error: "the server stopped before the simulation finished",
            finished: new Date().toISOString(),
          });
          this.#emit(job.run.id, { type: "end", run });
        } catch {
          // It finished or was cancelled meanwhile: its record is already final.
        }
      }),
    );
    await Promise.all([...this.#settled]);
    clearInterval(this.#beating);
    this.#heartbeat?.close();
  }

  #pump(): void {
    while (!this.#closed && this.#running.size < this.#concurrency && this.#queue.length > 0) {
      const job = this.#queue.shift() as Job;
      this.#running.set(job.run.id, job);
      const done = this.#execute(job).finally(() => {
        this.#running.delete(job.run.id);
        void this.#heartbeat?.end(job.run.id);
        this.#settled.delete(done);
        this.#pump();
      });
      this.#settled.add(done);
    }
  }

  async #execute(job: Job): Promise<void> {
    const { run, plan, controller, sensitivity } = job;
    const id = run.id;
    const total = plan.samples;
    try {
      await this.#store.updateRun(id, {
        status: "running",
        started: new Date().toISOString(),
        progressTotal: total,
      });
    } catch {
      return; // cancelled before it started
    }
    this.#emit(id, { type: "progress", done: 0, total });
    let lastWrite = 0;
    let lastDone = 0;
    let writing: Promise<unknown> = Promise.resolve();
    try {
      const where = { redis: this.#redis, log: this.#log, name: `simulation ${id}` };
      const summary = await simulateSomewhere(
        plan,
        job.workers,
        controller.signal,
        where,
        (done, all) => {
          if (done === lastDone) return; // the pool reports every 100 ms, moved or not
          lastDone = done;
          this.#emit(id, { type: "progress", done, total: all });
          const now = Date.now();
          if (now - lastWrite >= this.#interval) {
            lastWrite = now;
            writing = writing
              .then(() => this.#store.updateRun(id, { progressDone: done }))
              .catch((e) => {
                // Cancelled through another server sharing the store: stop computing it.
                if (e instanceof ConflictError) controller.abort();
              });
          }
        },
      );
      await writing;
      if (controller.signal.aborted) return;
      const document = simulationDocument(plan, summary);
      const result =
        sensitivity === undefined
          ? document
          : {
              ...document,
              sensitivity: await sensitivitySomewhere(
                plan,
                sensitivity,
                job.workers,
                controller.signal,
                where,
              ),
            };
      if (controller.signal.aborted) return;
      const finished = await this.#store.updateRun(id, {
        status: "done",
        progressDone: total,
        result,
        finished: new Date().toISOString(),
      });
      this.#emit(id, { type: "end", run: finished });
    } catch (e) {
      await writing;
      if (controller.signal.aborted) return; // cancel() or close() has recorded it
      const message = e instanceof Error ? e.message : String(e);
      try {
        const failed = await this.#store.updateRun(id, {
          status: "failed",
          error: message,
          finished: new Date().toISOString(),
        });
        this.#emit(id, { type: "end", run: failed });
      } catch (recordError) {
        this.#log(`cannot record the failure of run ${id}: ${(recordError as Error).message}`);
      }
    }
  }

  #emit(id: string, event: RunEvent): void {
    for (const listener of this.#listeners.get(id) ?? []) listener(event);
  }
}

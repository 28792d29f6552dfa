import { createHash } from "node:crypto";
import { ModelInputError } from "@entente/core";
import { Piscina } from "piscina";
import { sourceWorkerOptions } from "../pool/worker-preloads.ts";
import analyseHere, { type AnalysisAnswer, type AnalysisTask } from "./analysis-worker.ts";
import { ApiError } from "./api-error.ts";

/** Options of {@link AnalysisPool}. */
export interface AnalysisPoolOptions {
  /** Worker threads; 0 computes in this thread (blocking it). */
  threads: number;
  /** Analyses waiting for a thread, at most; beyond that requests get 503 (default 32). */
  maxQueue?: number;
  /** Finished analyses kept, most recently used first (default 256). */
  cacheSize?: number;
}

/** Seconds a client refused with 503 is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 1;

/**
 * The server's synchronous analyses (forecast, model run, deal search) off the event loop: on a
 * pool of worker threads with a bounded queue — a full queue answers 503 with `Retry-After`
 * instead of letting latency grow without bound — and cached by the scenario's content and the
 * parameters (a SHA-256 of both), so that asking again, or many clients asking at once, costs
 * one computation.
 */
export class AnalysisPool {
  readonly #pool: Piscina<AnalysisTask, AnalysisAnswer> | undefined;
  readonly #maxQueue: number;
  readonly #cacheSize: number;
  /** Content key → the analysis' answer (pending or done), in least-recently-used order. */
  readonly #cache = new Map<string, Promise<AnalysisAnswer>>();

  constructor(options: AnalysisPoolOptions) {
    const { threads, maxQueue = 32, cacheSize = 256 } = options;
    for (const [name, value, min] of [
      ["threads", threads, 0],
      ["maxQueue", maxQueue, 1],
      ["cacheSize", cacheSize, 0],
    ] as const) {
      if (!Number.isSafeInteger(value) || value < min) {
        throw new RangeError(`${name}: expected a whole number ≥ ${min}, got ${value}`);
      }
    }
    this.#maxQueue = maxQueue;
    this.#cacheSize = cacheSize;
    if (threads > 0) {
      const ts = import.meta.url.endsWith(".ts");
      this.#pool = new Piscina<AnalysisTask, AnalysisAnswer>({
        filename: new URL(`./analysis-worker${ts ? ".ts" : ".js"}`, import.meta.url).href,
        minThreads: threads,
        maxThreads: threads,
        maxQueue,
        idleTimeout: 60_000,
        ...(ts ? sourceWorkerOptions() : {}),
      });
    }
  }

  /**
   * The analysis' document. Throws what computing it in this thread would throw: a
   * ModelInputError or RangeError for the route to map, an ApiError from the deal search, or a
   * 503 ApiError when too many analyses are waiting.
   */
  async run(task: AnalysisTask): Promise<unknown> {
    const key = createHash("sha256").update(JSON.stringify(task)).digest("base64url");
    let answer = this.#cache.get(key);
    if (answer) {
      this.#cache.delete(key); // re-inserted below: now the most recently used
    } else {
      answer = this.#compute(task);
    }
    if (this.#cacheSize > 0) {
      this.#cache.set(key, answer);
      if (this.#cache.size > this.#cacheSize) {
        this.#cache.delete(this.#cache.keys().next().value as string);
      }
    }
    let result: AnalysisAnswer;
    try {
      result = await answer;
    } catch (e) {
      if (this.#cache.get(key) === answer) this.#cache.delete(key); // a refusal is not kept
      throw e;
    }
    if (result.ok) return result.value;
    if (this.#cache.get(key) === answer) this.#cache.delete(key);
    if (result.kind === "api") throw new ApiError(result.status as 400, result.errors);
    throw result.kind === "model-input"
      ? new ModelInputError(result.message)
      : new RangeError(result.message);
  }

  async #compute(task: AnalysisTask): Promise<AnalysisAnswer> {
    const pool = this.#pool;
    if (!pool) return analyseHere(task);
    if (pool.queueSize >= this.#maxQueue) throw busy(pool.queueSize);
    try {
      return await pool.run(task);
    } catch (e) {
      if (/queue is at limit/i.test((e as Error).message)) throw busy(pool.queueSize);
      throw e;
    }
  }

  /** Stop the threads. */
  async close(): Promise<void> {
    await this.#pool?.destroy();
  }
}

function busy(waiting: number): ApiError {
  return new ApiError(
    503,
    [
      {
        path: "(server)",
        message: `the server is busy: ${waiting} analyses are waiting for a thread; try again in ${RETRY_AFTER_SECONDS} s`,
      },
    ],
    { "Retry-After": String(RETRY_AFTER_SECONDS) },
  );
}

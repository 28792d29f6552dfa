import { once } from "node:events";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { checkRedisUrl, failFastConnection, redactedUrl } from "./redis-connection.ts";
import { SHARD_QUEUE } from "./shard-task.ts";

/** What a server says about its queue on `/api/health`. */
export type QueueHealth =
  | { kind: "in-process" }
  | { kind: "redis"; status: "up"; workers: number }
  | { kind: "redis"; status: "down"; message: string };

/**
 * The shard queue as `/api/health` reports it: up with the number of workers listening, or
 * down with the reason. Asks Redis each time (at most 1 s), on a connection that fails fast.
 */
export class QueueStatus {
  readonly #url: string;
  readonly #connection: Redis;
  #queue: Queue | undefined;

  constructor(url: string) {
    this.#url = checkRedisUrl(url);
    this.#connection = failFastConnection(url); // its errors are reported by read()
  }

  /** The queue, made once the connection is ready (BullMQ keeps a failed first connect). */
  async #ready(): Promise<Queue> {
    const connection = this.#connection;
    if (connection.status !== "ready") await once(connection, "ready");
    if (!this.#queue) {
      this.#queue = new Queue(SHARD_QUEUE, { connection, skipWaitingForReady: true });
      this.#queue.on("error", () => {});
    }
    return this.#queue;
  }

  /** Up (with the workers listening) or down (with why). */
  async read(): Promise<QueueHealth> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const workers = await Promise.race([
        this.#ready().then((queue) => queue.getWorkersCount()),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("no answer within 1000 ms")), 1000);
        }),
      ]);
      return { kind: "redis", status: "up", workers };
    } catch (e) {
      return {
        kind: "redis",
        status: "down",
        message: `cannot reach Redis at ${redactedUrl(this.#url)} (${(e as Error).message}); simulations run in this process until it answers`,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.#queue?.close().catch(() => {});
    this.#connection.disconnect();
  }
}

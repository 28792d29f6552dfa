import type { Redis } from "ioredis";
import { failFastConnection } from "./redis-connection.ts";

/** How often a server renews its runs' heartbeats, in ms. */
export const HEARTBEAT_MS = 10_000;
const key = (run: string) => `entente:run:${run}`;

/**
 * Which runs are alive, when several servers share one store: each server renews a short-lived
 * Redis key for every run it holds (queued or running), so that a server starting up fails only
 * the unfinished runs nobody holds — not those another server is computing.
 */
export class RunHeartbeat {
  readonly #client: Redis;

  constructor(url: string) {
    this.#client = failFastConnection(url); // a missed beat only matters to a server starting now
  }

  /**
   * Renew the keys of `runs` for three beats, waiting at most `timeoutMs` for Redis. Failures
   * are ignored (Redis may be down).
   */
  async beat(runs: Iterable<string>, timeoutMs = HEARTBEAT_MS): Promise<void> {
    const pipeline = this.#client.pipeline();
    for (const run of runs) pipeline.set(key(run), "1", "PX", 3 * HEARTBEAT_MS);
    if (pipeline.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      pipeline.exec().catch(() => {}),
      new Promise((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }

  /** Drop a finished run's key. */
  async end(run: string): Promise<void> {
    await this.#client.del(key(run)).catch(() => {});
  }

  /** Whether each run is held by a live server (throws when Redis cannot be asked). */
  async alive(runs: readonly string[]): Promise<boolean[]> {
    if (runs.length === 0) return [];
    const values = await this.#client.mget(runs.map(key));
    return values.map((v) => v !== null);
  }

  close(): void {
    this.#client.disconnect();
  }
}

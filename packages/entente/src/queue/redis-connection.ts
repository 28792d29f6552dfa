/**
 * Connections to the Redis server behind the shard queue: the URL checked, the password kept
 * out of messages, and an unreachable server reported as a {@link QueueUnavailableError}.
 * @module
 */
import { Redis } from "ioredis";

/** Redis cannot be reached (or was lost): the caller reports it, or runs the work itself. */
export class QueueUnavailableError extends Error {
  override name = "QueueUnavailableError";
}

/** How long to wait for Redis to answer before calling it unreachable, in ms. */
export const CONNECT_TIMEOUT_MS = 3000;

/** The URL with its password replaced by `***`, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.password) return url;
    u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

/** Check a Redis URL's form: `redis://[user:password@]host[:port][/db]` (or `rediss://`). */
export function checkRedisUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new RangeError(`expected a Redis URL such as redis://127.0.0.1:6379, got "${url}"`);
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") {
    throw new RangeError(
      `expected a Redis URL starting with redis:// or rediss://, got "${redactedUrl(url)}"`,
    );
  }
  return url;
}

/**
 * A connection for BullMQ (commands wait for a reconnect instead of failing, as BullMQ
 * requires). It retries every second while the server is down.
 */
export function redisConnection(url: string): Redis {
  return new Redis(checkRedisUrl(url), {
    maxRetriesPerRequest: null,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: () => 1000,
  });
}

/**
 * A connection for small bookkeeping commands that must not wait long: they wait for the first
 * connection, and fail at the first failed reconnect instead of queueing while Redis is down.
 */
export function failFastConnection(url: string): Redis {
  const client = new Redis(checkRedisUrl(url), {
    maxRetriesPerRequest: 0,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: () => 1000,
  });
  client.on("error", () => {}); // each command's failure is its caller's to report
  return client;
}

/**
 * Whether Redis at `url` answers `PING` within {@link CONNECT_TIMEOUT_MS}: resolves when it
 * does, rejects with a {@link QueueUnavailableError} naming the server and the reason.
 */
export async function pingRedis(url: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<void> {
  const client = new Redis(checkRedisUrl(url), {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  let cause: Error | undefined;
  client.on("error", (e: Error) => {
    cause ??= e; // the socket's reason (e.g. ECONNREFUSED), better than "Connection is closed"
  });
  try {
    await withTimeout(
      client.connect().then(() => client.ping()),
      timeoutMs,
      `no answer within ${timeoutMs} ms`,
    );
  } catch (e) {
    throw new QueueUnavailableError(
      `cannot reach Redis at ${redactedUrl(url)}: ${(cause ?? (e as Error)).message || String(e)}`,
    );
  } finally {
    client.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

import { Command } from "@commander-js/extra-typings";
import { closeSimulationPools, defaultWorkers } from "../../pool/run-simulation.ts";
import { checkRedisUrl, pingRedis, QueueUnavailableError } from "../../queue/redis-connection.ts";
import { startShardWorker } from "../../queue/shard-worker.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";
import { wholeAtLeast } from "./simulation-options.ts";

/** The Redis URL of `--redis`, else `$REDIS_URL`, checked. */
export function redisUrl(option: string | undefined, flag = "--redis"): string {
  const url = option ?? process.env.REDIS_URL;
  if (!url) {
    throw new CliError(
      `${flag}: name the Redis server (e.g. ${flag} redis://127.0.0.1:6379) or set REDIS_URL`,
      EXIT.invalidInput,
    );
  }
  try {
    return checkRedisUrl(url);
  } catch (e) {
    throw new CliError(`${flag}: ${(e as Error).message}`, EXIT.invalidInput);
  }
}

/** Redis unreachable or lost, as the CLI says it: exit code 2, the reason and what to do. */
export function queueUnavailable(e: QueueUnavailableError): CliError {
  return new CliError(
    `${e.message}; start Redis there, or check the URL (--redis / REDIS_URL)`,
    EXIT.invalidInput,
  );
}

/** Exit code 2 with the reason when Redis cannot be reached. */
async function requireRedis(url: string): Promise<void> {
  try {
    await pingRedis(url);
  } catch (e) {
    throw e instanceof QueueUnavailableError ? queueUnavailable(e) : e;
  }
}

/**
 * `entente worker`: compute simulation shards and sensitivity analyses queued on Redis by
 * `entente simulate --queue` and by servers with `REDIS_URL`, until SIGINT or SIGTERM.
 */
export function workerCommand(io: CliIO) {
  return new Command("worker")
    .description(
      "take simulation shards and sensitivity analyses from the Redis queue (BullMQ) and compute them, until stopped",
    )
    .option("--redis <url>", "Redis server (default: $REDIS_URL)")
    .option(
      "-c, --concurrency <n>",
      "jobs computed at once, on as many worker threads (default: cores)",
      wholeAtLeast("--concurrency", 1),
    )
    .option(
      "--stall-timeout <ms>",
      "hand a job to another worker when its worker has not renewed its lock for this long",
      wholeAtLeast("--stall-timeout", 500),
      30_000,
    )
    .action(async (options) => {
      const url = redisUrl(options.redis);
      await requireRedis(url);
      const concurrency = options.concurrency ?? defaultWorkers();
      const worker = await startShardWorker({
        redis: url,
        concurrency,
        stallTimeoutMs: options.stallTimeout,
        log: (message) => io.stderr(`entente worker: ${message}\n`),
      });
      io.stderr(`entente worker: ready, ${concurrency} job(s) at once\n`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      io.stderr("entente worker: stopping after the jobs in progress\n");
      await worker.close();
      await closeSimulationPools();
    });
}

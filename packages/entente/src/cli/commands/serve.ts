import { Command } from "@commander-js/extra-typings";
import { checkRedisUrl, pingRedis, redactedUrl } from "../../queue/redis-connection.ts";
import { checkToken, LOOPBACK_HOSTS } from "../../server/access-control.ts";
import { corsOrigins } from "../../server/cors-origins.ts";
import { createApp } from "../../server/create-app.ts";
import { draftingNote, serverDraftProvider } from "../../server/draft-provider.ts";
import { isLoopback, startServer } from "../../server/start-server.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";
import { openCliStore } from "../open-cli-store.ts";

/** What runs left unfinished by an earlier server are marked with at start-up. */
export const INTERRUPTED = "interrupted: the server stopped before the run finished";

const port = (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n > 65535) {
    throw new CliError(
      `--port: expected a whole number from 0 to 65535, got "${value}"`,
      EXIT.invalidInput,
    );
  }
  return n;
};

/**
 * `entente serve`: the workbench's HTTP API (and the web UI when it is built) on this machine.
 * Data goes to SQLite in `--data-dir` / `ENTENTE_DATA_DIR` / `~/.entente`, or to PostgreSQL
 * when `DATABASE_URL` is set. `ENTENTE_TOKEN` makes every change need `Authorization: Bearer`.
 * `ENTENTE_LLM_BASE_URL` and `ENTENTE_LLM_MODEL` (key: `ENTENTE_LLM_API_KEY`) enable drafting
 * scenarios from articles.
 * Runs until SIGINT or SIGTERM, then stops cleanly.
 */
export function serveCommand(io: CliIO) {
  return new Command("serve")
    .description(
      "serve the workbench's HTTP API (and web UI when built); data in SQLite (--data-dir, $ENTENTE_DATA_DIR, ~/.entente) or PostgreSQL ($DATABASE_URL); $ENTENTE_TOKEN guards changes; $REDIS_URL sends simulations to `entente worker` processes; $ENTENTE_LLM_BASE_URL and $ENTENTE_LLM_MODEL (key: $ENTENTE_LLM_API_KEY) enable drafting from articles",
    )
    .option("-p, --port <n>", "port to listen on (0: any free port)", port, 8080)
    .option(
      "--host <address>",
      "address to listen on; anything but loopback (127.0.0.1, ::1, localhost) opens the server to the network",
      "127.0.0.1",
    )
    .option(
      "--data-dir <dir>",
      "folder of the SQLite store (default: $ENTENTE_DATA_DIR, else ~/.entente)",
    )
    .option(
      "--cors <origins>",
      "let web pages from these origins call the API (comma-separated, e.g. http://localhost:5173)",
    )
    .action(async (options) => {
      const token = process.env.ENTENTE_TOKEN || undefined;
      const redis = process.env.REDIS_URL || undefined;
      const drafting = serverDraftProvider(process.env);
      const loopback = isLoopback(options.host);
      // Options first, so that nothing is opened for a command that cannot run.
      try {
        if (token !== undefined) checkToken(token);
        corsOrigins(options.cors);
        if (redis !== undefined) checkRedisUrl(redis);
        if (!drafting.ok) throw new Error(drafting.message);
      } catch (e) {
        const message = (e as Error).message
          .replace(/^token:/, "ENTENTE_TOKEN:")
          .replace(/^cors:/, "--cors:")
          .replace(/^expected a Redis URL/, "REDIS_URL: expected a Redis URL");
        throw new CliError(message, EXIT.invalidInput);
      }
      const draftProvider = drafting.ok ? drafting.config : undefined;
      const store = await openCliStore(options.dataDir);
      try {
        const app = createApp({
          store,
          ...(token === undefined ? {} : { token }),
          ...(options.cors === undefined ? {} : { cors: options.cors }),
          ...(loopback ? { allowedHosts: loopbackNames(options.host) } : {}),
          ...(redis === undefined ? {} : { redis }),
          ...(draftProvider === undefined ? {} : { draftProvider }),
          log: (message) => io.stderr(`entente: ${message}\n`),
        });
        const interrupted = await app.jobs.failOrphaned(INTERRUPTED);
        const server = await startServer(app, { host: options.host, port: options.port }).catch(
          (e: Error) => {
            throw new CliError(e.message);
          },
        );
        io.stderr(
          `entente: serving on ${server.url} — store: ${store.dialect} ${store.location}${redis ? `; simulations on the queue at ${redactedUrl(redis)}` : ""}${token ? "; changes need the ENTENTE_TOKEN" : ""}; ${draftingNote(draftProvider)}\n`,
        );
        if (drafting.ok && drafting.warning) io.stderr(`entente: warning: ${drafting.warning}\n`);
        if (redis) {
          await pingRedis(redis).catch((e: Error) =>
            io.stderr(
              `entente: warning: ${e.message}; simulations run in this process until it answers\n`,
            ),
          );
        }
        if (interrupted > 0) {
          io.stderr(`entente: ${interrupted} run(s) left unfinished earlier are marked failed\n`);
        }
        if (!loopback && !token) {
          io.stderr(
            `entente: warning: ${options.host} is not a loopback address and ENTENTE_TOKEN is not set: anyone who can reach this machine can change scenarios\n`,
          );
        }
        await new Promise<void>((resolve) => {
          process.once("SIGINT", resolve);
          process.once("SIGTERM", resolve);
        });
        io.stderr("entente: stopping\n");
        await server.close();
      } finally {
        await store.close();
      }
    });
}

/** The Host names a loopback server answers to: the usual ones and the address it is bound to. */
function loopbackNames(host: string): string[] {
  const bound = host.includes(":") ? `[${host}]` : host;
  return [...new Set([...LOOPBACK_HOSTS, bound.toLowerCase()])];
}

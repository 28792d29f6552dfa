// Load on the real `entente serve`: many concurrent clients reading scenarios and forecasts on
// loopback for a bounded time. Figures, not pass/fail. Run on its own with
//   node --conditions=source --import tsx bench/serve.bench.ts [seconds] [connections]
// or call `serveLoad()` from another script.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { startServe } from "../test/support/serve-process.ts";

const root = new URL("../", import.meta.url);

/** Options of {@link serveLoad}. */
export interface ServeLoadOptions {
  /** Concurrent clients (connections), default 200. */
  connections?: number;
  /** Seconds of load, default 30 (at most 120). */
  seconds?: number;
  /** Record each forecast as a run in the store (a write per request); default false. */
  recordForecasts?: boolean;
  /** Where to print the figures (default stdout). */
  print?: (line: string) => void;
}

/** What {@link serveLoad} measured. */
export interface ServeLoadResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** Connection errors and timeouts plus non-2xx answers. */
  errors: number;
  non2xx: number;
  timeouts: number;
}

/**
 * Start `entente serve` on 127.0.0.1 (any free port) with a fresh SQLite store, load the
 * shipped scenarios, then let `connections` clients each cycle through listing the scenarios,
 * reading the Budapest scenario and forecasting it (every model, through its phases) for
 * `seconds`. Prints and returns requests/s, latency p50/p99 and errors. Loopback only, bounded
 * in time; the server is stopped and its data removed afterwards.
 */
export async function serveLoad(options: ServeLoadOptions = {}): Promise<ServeLoadResult> {
  const { connections = 200, seconds = 30, recordForecasts = false } = options;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (!Number.isSafeInteger(connections) || connections < 1 || connections > 1000) {
    throw new RangeError(`connections: expected a whole number from 1 to 1000, got ${connections}`);
  }
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 120) {
    throw new RangeError(`seconds: expected a number of seconds from 1 to 120, got ${seconds}`);
  }
  const dir = await mkdtemp(join(tmpdir(), "entente-serve-bench-"));
  const server = await startServer(dir);
  try {
    for (const name of ["budapest-2025", "emission-standards", "ktab-dummy-3dim"]) {
      const text = readFileSync(new URL(`scenarios/${name}.yaml`, root), "utf8");
      const response = await fetch(`${server.url}/api/scenarios`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text }),
      });
      if (response.status !== 201) throw new Error(`seeding ${name}: ${response.status}`);
    }
    print(
      `serve load: ${connections} clients for ${seconds} s on ${server.url} (list scenarios, read one, forecast it${recordForecasts ? ", recorded" : ""})`,
    );
    const result = await autocannon({
      url: server.url,
      connections,
      duration: seconds,
      timeout: 20,
      requests: [
        { method: "GET", path: "/api/scenarios" },
        { method: "GET", path: "/api/scenarios/budapest-2025" },
        {
          method: "POST",
          path: "/api/scenarios/budapest-2025/forecast",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ record: recordForecasts }),
        },
      ],
    });
    const summary: ServeLoadResult = {
      connections,
      seconds: result.duration,
      requests: result.requests.total,
      requestsPerSecond: result.requests.total / result.duration,
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      latencyMaxMs: result.latency.max,
      errors: result.errors + result.non2xx,
      non2xx: result.non2xx,
      timeouts: result.timeouts,
    };
    print(
      `  ${summary.requests} requests in ${summary.seconds.toFixed(1)} s: ${summary.requestsPerSecond.toFixed(0)} requests/s; latency p50 ${summary.latencyP50Ms} ms, p99 ${summary.latencyP99Ms} ms, max ${summary.latencyMaxMs} ms; errors ${summary.errors} (non-2xx ${summary.non2xx}, timeouts ${summary.timeouts})`,
    );
    return summary;
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** `entente serve --port 0 --data-dir dir` in a child process, stopped with SIGTERM. */
async function startServer(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const { child, url, exited } = await startServe(["--data-dir", dir]);
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seconds = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  const connections = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
  await serveLoad({
    ...(seconds === undefined ? {} : { seconds }),
    ...(connections === undefined ? {} : { connections }),
  });
}

// Load on the real `entente serve`: many concurrent clients reading scenarios, then forecasting,
// on loopback for a bounded time. Figures against the targets, not pass/fail. Run it with
//   npm run bench:serve [-- seconds connections]
// or call `serveLoad()` from another script.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { startServe } from "../test/support/serve-process.ts";

const root = new URL("../", import.meta.url);

/** Options of {@link serveLoad}. */
export interface ServeLoadOptions {
  /** Concurrent clients (connections), default 100. */
  connections?: number;
  /** Seconds of load per workload, default 30 (at most 120). */
  seconds?: number;
  /** Record each forecast as a run in the store (a write per request); default false. */
  recordForecasts?: boolean;
  /** Where to print the figures (default stdout). */
  print?: (line: string) => void;
}

/** What {@link serveLoad} measured for one workload. */
export interface ServeLoadResult {
  workload: Workload;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** Deliberate refusals: 503 with Retry-After (queue full) and 429 (per-client limit). */
  refused: number;
  /** Everything else that went wrong: connection errors, timeouts, other non-2xx answers. */
  errors: number;
  timeouts: number;
}

type Workload = "reads" | "forecast";

/** Targets of the issue, for this 2-core machine: p99 in ms. */
const P99_TARGET_MS: Record<Workload, number> = { reads: 500, forecast: 1000 };

/**
 * Start `entente serve` on 127.0.0.1 (any free port) with a fresh SQLite store, load the
 * shipped scenarios, then load it twice for `seconds` each with `connections` clients: scenario
 * reads (the list and the Budapest scenario, alternately), then Budapest forecasts (every
 * model through its phases). Prints and returns requests/s, latency p50/p99, deliberate
 * refusals (503/429) and errors. Loopback only, bounded in time; the server is stopped and its
 * data removed afterwards.
 */
export async function serveLoad(options: ServeLoadOptions = {}): Promise<ServeLoadResult[]> {
  const { connections = 100, seconds = 30, recordForecasts = false } = options;
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
      `serve load: ${connections} clients, ${seconds} s per workload, on ${server.url} (entente serve, SQLite, ${availableParallelism()} cores)`,
    );
    const workloads: Record<Workload, autocannon.Request[]> = {
      reads: [
        { method: "GET", path: "/api/scenarios" },
        { method: "GET", path: "/api/scenarios/budapest-2025" },
      ],
      forecast: [
        {
          method: "POST",
          path: "/api/scenarios/budapest-2025/forecast",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ record: recordForecasts }),
        },
      ],
    };
    const results: ServeLoadResult[] = [];
    for (const workload of ["reads", "forecast"] as const) {
      const result = await autocannon({
        url: server.url,
        connections,
        duration: seconds,
        timeout: 20,
        requests: workloads[workload],
      });
      const codes = result.statusCodeStats as Record<string, { count: number }> | undefined;
      const refused = (codes?.["503"]?.count ?? 0) + (codes?.["429"]?.count ?? 0);
      const summary: ServeLoadResult = {
        workload,
        connections,
        seconds: result.duration,
        requests: result.requests.total,
        requestsPerSecond: result.requests.total / result.duration,
        latencyP50Ms: result.latency.p50,
        latencyP99Ms: result.latency.p99,
        latencyMaxMs: result.latency.max,
        refused,
        errors: result.errors + result.non2xx - refused,
        timeouts: result.timeouts,
      };
      const target = P99_TARGET_MS[workload];
      print(
        `  ${workload.padEnd(8)} ${summary.requestsPerSecond.toFixed(0)} requests/s (${summary.requests} in ${summary.seconds.toFixed(1)} s); latency p50 ${summary.latencyP50Ms} ms, p99 ${summary.latencyP99Ms} ms (target ≤ ${target} ms, ${summary.latencyP99Ms <= target ? "met" : "MISSED"}), max ${summary.latencyMaxMs} ms; 503/429 refusals ${summary.refused}; errors ${summary.errors} (timeouts ${summary.timeouts})`,
      );
      results.push(summary);
    }
    return results;
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

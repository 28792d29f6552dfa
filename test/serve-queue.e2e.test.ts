// A server with REDIS_URL: simulations go to queue workers; with Redis unreachable or lost it
// says so on /api/health and computes them itself — the same result, and no accepted run lost.
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeSimulationPools } from "../packages/entente/src/pool/run-simulation.ts";
import { startShardWorker } from "../packages/entente/src/queue/shard-worker.ts";
import { callApi } from "../packages/entente/src/server/call-api.ts";
import { createApp, type EntenteApp } from "../packages/entente/src/server/create-app.ts";
import { openSqliteStore } from "../packages/entente/src/store/sqlite-store.ts";
import type { Store } from "../packages/entente/src/store/store.ts";
import { type RedisServer, startRedis } from "./support/redis-server.ts";

const budapest = readFileSync(new URL("../scenarios/budapest-2025.yaml", import.meta.url), "utf8");
const BODY = { samples: 2000, seed: 7, workers: 1 };

let redis: RedisServer;
let store: Store;
let app: EntenteApp;
let expected: unknown;
const logged: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
  // The reference: the same simulation on a server without Redis.
  const plain = await openSqliteStore(":memory:");
  const local = createApp({ store: plain, webDir: false });
  try {
    await callApi(local, "POST", "/api/scenarios", { text: budapest });
    expected = (await simulate(local)).result;
  } finally {
    await local.close();
    await plain.close();
  }
}, 60_000);

afterAll(async () => {
  await redis.stop();
  await closeSimulationPools();
});

beforeEach(async () => {
  logged.length = 0;
  store = await openSqliteStore(":memory:");
  app = createApp({ store, webDir: false, redis: redis.url, log: (m) => logged.push(m) });
  await callApi(app, "POST", "/api/scenarios", { text: budapest });
});

afterEach(async () => {
  await app.close();
  await store.close();
});

/** Start a simulation and wait for its end; the finished run. */
async function simulate(server: EntenteApp, during?: () => Promise<void>) {
  const started = await callApi(server, "POST", "/api/scenarios/budapest-2025/simulate", BODY);
  expect(started.status).toBe(202);
  await during?.();
  for (;;) {
    const run = (await callApi(server, "GET", `/api/runs/${started.body.id}`)).body;
    if (run.status !== "queued" && run.status !== "running") return run;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("entente serve with REDIS_URL", () => {
  it("queues simulations on the workers and gets the in-process result", async () => {
    const worker = await startShardWorker({
      redis: redis.url,
      concurrency: 1,
      stallTimeoutMs: 1000,
    });
    try {
      const health = (await callApi(app, "GET", "/api/health")).body;
      expect(health.queue).toEqual({ kind: "redis", status: "up", workers: 1 });
      let taken = 0;
      worker.worker.on("active", () => taken++);
      const run = await simulate(app);
      expect(run.status).toBe("done");
      expect(taken).toBeGreaterThan(0);
      expect(run.result).toEqual(expected);
      expect(logged).toEqual([]);
    } finally {
      await worker.close();
    }
  });

  it("shares one store between servers: a starting server fails only orphaned runs, and a cancel on one stops the other's run", async () => {
    const other = createApp({ store, webDir: false, redis: redis.url, log: (m) => logged.push(m) });
    try {
      const started = await callApi(app, "POST", "/api/scenarios/budapest-2025/simulate", {
        samples: 1_000_000,
        workers: 1,
      });
      const id = started.body.id as string;
      await expect
        .poll(async () => (await callApi(other, "GET", `/api/runs/${id}`)).body.status)
        .toBe("running");
      // A run nobody holds (its server died): the other server's start-up sweep fails it.
      const orphan = await store.createRun({
        scenarioId: "budapest-2025",
        revision: 1,
        kind: "simulate",
        status: "running",
      });
      expect(await other.jobs.failOrphaned("interrupted")).toBe(1);
      expect((await store.getRun(orphan.id)).status).toBe("failed");
      expect((await store.getRun(id)).status).toBe("running");
      // Cancelled through the other server: the one computing it stops.
      const cancelled = await callApi(other, "DELETE", `/api/runs/${id}`);
      expect(cancelled.body.status).toBe("cancelled");
      await expect.poll(() => app.jobs.has(id), { timeout: 10_000 }).toBe(false);
      expect((await store.getRun(id)).status).toBe("cancelled");
    } finally {
      await other.close();
    }
  });

  it("loses no accepted run when Redis stops mid-run: reports it on /api/health and computes it here", {
    timeout: 90_000,
  }, async () => {
    const worker = await startShardWorker({
      redis: redis.url,
      concurrency: 1,
      stallTimeoutMs: 1000,
    });
    try {
      let taken = 0;
      const firstJob = new Promise<void>((resolve) =>
        worker.worker.on("active", () => {
          taken++;
          resolve();
        }),
      );
      const run = await simulate(app, async () => {
        await firstJob;
        await redis.stop();
      });
      expect(taken).toBeGreaterThan(0);
      expect(run.status).toBe("done");
      expect(run.result).toEqual(expected);
      expect(logged.join("\n")).toMatch(
        /Redis at redis:\/\/127\.0\.0\.1:\d+.*; running simulation/,
      );
      const health = await callApi(app, "GET", "/api/health");
      expect(health.status).toBe(200);
      expect(health.body.status).toBe("degraded");
      expect(health.body.queue).toMatchObject({ kind: "redis", status: "down" });
      expect(health.body.queue.message).toMatch(
        /cannot reach Redis.*simulations run in this process/,
      );
      // Accepted while Redis is down: computed here too.
      const later = await simulate(app);
      expect(later.status).toBe("done");
      expect(later.result).toEqual(expected);
    } finally {
      await redis.restart();
      await worker.close();
    }
  });
});

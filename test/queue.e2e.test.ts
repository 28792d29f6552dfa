// Simulations through Redis + BullMQ: `entente worker` processes take the shards that
// `entente simulate --queue` enqueues, and the result is the local run's, bit for bit — also
// when a worker is killed (SIGKILL) in the middle of a job.
import { QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readScenario } from "../packages/entente/src/io/read-scenario.ts";
import { runQueuedSimulation } from "../packages/entente/src/queue/run-queued.ts";
import { SHARD_QUEUE, shardJobs } from "../packages/entente/src/queue/shard-task.ts";
import { entente, spawnEntente } from "./support/cli.ts";
import { freePort, type RedisServer, startRedis } from "./support/redis-server.ts";
import { startWorker } from "./support/worker-process.ts";

const SAMPLES = "2000"; // 8 shards of 250: 8 jobs of one shard, ~0.25 s each

let redis: RedisServer;
let local: string;

beforeAll(async () => {
  redis = await startRedis();
  const run = await entente("simulate", "-n", SAMPLES, "-w", "1", "-f", "json");
  expect(run.code).toBe(0);
  local = run.stdout;
}, 60_000);

afterAll(async () => {
  await redis?.stop();
});

describe("entente simulate --queue", () => {
  it.each([1, 2, 3])(
    "prints exactly the local run's JSON over %i worker process(es)",
    async (n) => {
      const workers = await Promise.all([...Array(n)].map(() => startWorker(redis.url)));
      try {
        const queued = await entente("simulate", "-n", SAMPLES, "-f", "json", "--queue", redis.url);
        expect(queued.stderr).toBe("");
        expect(queued.code).toBe(0);
        expect(queued.stdout).toBe(local);
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
      }
    },
    90_000,
  );

  it("computes the sensitivity analysis on a worker too, with the local run's numbers", async () => {
    const args = ["simulate", "scenarios/emission-standards.yaml", "-n", "500", "--sensitivity"];
    const here = await entente(...args, "-w", "1", "-f", "json");
    const worker = await startWorker(redis.url);
    const events = new QueueEvents(SHARD_QUEUE, {
      connection: new Redis(redis.url, { maxRetriesPerRequest: null }),
    });
    await events.waitUntilReady();
    const completed: string[] = [];
    events.on("completed", ({ jobId }) => completed.push(jobId));
    try {
      const queued = await entente(...args, "-f", "json", "--queue", redis.url);
      expect(queued.code).toBe(0);
      expect(JSON.parse(queued.stdout).sensitivity).toHaveLength(3);
      expect(queued.stdout).toBe(here.stdout);
      // Two runs on the queue: the shards (2 shards, a job each), then the sensitivity analysis.
      expect(completed.map((id) => id.replace(/^.*\./, ""))).toEqual(["0", "1", "0"]);
      expect(new Set(completed.map((id) => id.split(".")[0])).size).toBe(2);
    } finally {
      await events.close();
      await worker.stop();
    }
  }, 60_000);

  it("loses nothing when a worker is killed with SIGKILL mid-job: the shard is handed to another worker", async () => {
    const [victim, survivor] = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
    const events = new QueueEvents(SHARD_QUEUE, {
      connection: new Redis(redis.url, { maxRetriesPerRequest: null }),
    });
    await events.waitUntilReady();
    const stalled: string[] = [];
    events.on("stalled", ({ jobId }) => stalled.push(jobId));
    const started = new Set<string>(); // jobs taken by either worker
    events.on("active", ({ jobId }) => started.add(jobId));
    try {
      const loaded = await readScenario("scenarios/budapest-2025.yaml");
      let killed = false;
      const queued = entente("simulate", "-n", SAMPLES, "-f", "json", "--queue", redis.url);
      // Kill one worker as soon as both have started a job: it dies holding that job's lock.
      const poll = setInterval(() => {
        if (!killed && started.size >= 2) {
          killed = true;
          victim.child.kill("SIGKILL");
        }
      }, 20);
      const result = await queued.finally(() => clearInterval(poll));
      expect(killed).toBe(true);
      expect(victim.child.signalCode).toBe("SIGKILL");
      expect(stalled.length).toBeGreaterThanOrEqual(1);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(local);
      expect(loaded.scenario.id).toBe("budapest-2025");
    } finally {
      await events.close();
      await Promise.all([victim.stop(), survivor.stop()]);
    }
  }, 90_000);

  it("cancels: aborting removes the run's waiting jobs", async () => {
    const loaded = await readScenario("scenarios/budapest-2025.yaml");
    const controller = new AbortController();
    let noWorkers = false;
    const running = runQueuedSimulation(
      {
        scenario: loaded.scenario,
        samples: 1000,
        seed: 1,
        models: ["compromise"],
        distribution: "triangular",
        thresholds: {},
        calibration: null,
        agreement: true,
      },
      {
        redis: redis.url,
        onNoWorkers: () => {
          noWorkers = true;
          controller.abort();
        },
        signal: controller.signal,
      },
    );
    await expect(running).rejects.toThrow(/cancelled/);
    expect(noWorkers).toBe(true);
    const client = new Redis(redis.url);
    try {
      expect(await client.llen(`bull:${SHARD_QUEUE}:wait`)).toBe(0);
    } finally {
      client.disconnect();
    }
  });

  it("cancelling stops the jobs workers are computing, not only the waiting ones", async () => {
    const worker = await startWorker(redis.url);
    const events = new QueueEvents(SHARD_QUEUE, {
      connection: new Redis(redis.url, { maxRetriesPerRequest: null }),
    });
    await events.waitUntilReady();
    const failed: string[] = [];
    const completed: string[] = [];
    events.on("failed", ({ failedReason }) => failed.push(failedReason));
    events.on("completed", ({ jobId }) => completed.push(jobId));
    try {
      const loaded = await readScenario("scenarios/budapest-2025.yaml");
      const controller = new AbortController();
      const running = runQueuedSimulation(
        { scenario: loaded.scenario, samples: 100_000, seed: 3, models: ["eum"] },
        {
          redis: redis.url,
          // A worker has started a job and reported progress: cancel now.
          onProgress: (done) => {
            if (done > 0) controller.abort();
          },
          signal: controller.signal,
        },
      );
      await expect(running).rejects.toThrow(/cancelled/);
      const client = new Redis(redis.url);
      try {
        // On a busy machine the worker can take the next job between the first one failing
        // and the waiting ones being removed: every job it took fails as cancelled, none
        // completes, and nothing is left waiting or active.
        await expect
          .poll(() => client.llen(`bull:${SHARD_QUEUE}:active`), { timeout: 10_000 })
          .toBe(0);
        expect(await client.llen(`bull:${SHARD_QUEUE}:wait`)).toBe(0);
        await expect.poll(() => failed.length, { timeout: 10_000 }).toBeGreaterThan(0);
        expect(new Set(failed)).toEqual(new Set(["cancelled by its client"]));
        expect(completed).toEqual([]);
      } finally {
        client.disconnect();
      }
    } finally {
      await events.close();
      await worker.stop();
    }
  });

  it("Ctrl-C (SIGINT) cancels the run: exit 130, and its jobs leave the queue", async () => {
    const child = spawnEntente(["simulate", "-n", "100000", "--queue", redis.url], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let stdout = "";
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    // No worker listens: the jobs wait, and the command says so; then Ctrl-C.
    await new Promise<void>((resolve) =>
      child.stderr?.on("data", (chunk) => {
        stderr += chunk;
        if (/no worker is listening/.test(stderr)) resolve();
      }),
    );
    const client = new Redis(redis.url);
    try {
      expect(await client.llen(`bull:${SHARD_QUEUE}:wait`)).toBe(
        shardJobs([...Array(400).keys()]).length,
      );
      child.kill("SIGINT");
      expect(await exited).toBe(130);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/entente: cancelled\n$/);
      expect(await client.llen(`bull:${SHARD_QUEUE}:wait`)).toBe(0);
    } finally {
      client.disconnect();
    }
  });

  it("entente worker exits 2 without a reachable Redis, naming what to set", async () => {
    const saved = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    try {
      const none = await entente("worker");
      expect(none.code).toBe(2);
      expect(none.stderr).toBe(
        "entente: --redis: name the Redis server (e.g. --redis redis://127.0.0.1:6379) or set REDIS_URL\n",
      );
    } finally {
      if (saved !== undefined) process.env.REDIS_URL = saved;
    }
    const port = await freePort();
    const down = await entente("worker", "--redis", `redis://127.0.0.1:${port}`);
    expect(down.code).toBe(2);
    expect(down.stderr).toContain(
      `cannot reach Redis at redis://127.0.0.1:${port}: connect ECONNREFUSED`,
    );
  });

  it("exits 2 with a clear message when Redis cannot be reached", async () => {
    const port = await freePort();
    const result = await entente("simulate", "-n", "10", "--queue", `redis://127.0.0.1:${port}`);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      new RegExp(`^entente: cannot reach Redis at redis://127\\.0\\.0\\.1:${port}.*ECONNREFUSED`),
    );
    const bad = await entente("simulate", "-n", "10", "--queue", "http://example.org");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--queue: expected a Redis URL starting with redis://");
  });
});

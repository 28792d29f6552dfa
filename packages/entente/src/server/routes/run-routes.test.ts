import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeSimulationPools } from "../../pool/run-simulation.ts";
import { openSqliteStore } from "../../store/sqlite-store.ts";
import type { Store } from "../../store/store.ts";
import { callApi } from "../call-api.ts";
import { createApp, type EntenteApp } from "../create-app.ts";

const root = new URL("../../../../../", import.meta.url);
const budapest = readFileSync(new URL("scenarios/budapest-2025.yaml", root), "utf8");

let store: Store;
let app: EntenteApp;

beforeEach(async () => {
  store = await openSqliteStore(":memory:");
  app = createApp({ store, webDir: false });
  expect((await callApi(app, "POST", "/api/scenarios", { text: budapest })).status).toBe(201);
});

afterEach(async () => {
  await app.close();
  await store.close();
});

afterAll(() => closeSimulationPools());

const call = (method: string, path: string, body?: unknown) => callApi(app, method, path, body);

interface SseEvent {
  event: string;
  // biome-ignore lint/suspicious/noExplicitAny: event payloads are checked field by field
  data: any;
}

/** Read server-sent events from a response until the stream ends or `stop` says so. */
async function readEvents(
  response: Response,
  stop: (event: SseEvent) => boolean = () => false,
): Promise<SseEvent[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return events;
    buffer += decoder.decode(value, { stream: true });
    let cut = buffer.indexOf("\n\n");
    while (cut >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      cut = buffer.indexOf("\n\n");
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!event || data === undefined) continue;
      const parsed = { event, data: JSON.parse(data) };
      events.push(parsed);
      if (stop(parsed)) {
        await reader.cancel();
        return events;
      }
    }
  }
}

/** Poll a run until `ready` holds (at most ~10 s). */
async function waitFor(
  id: string,
  ready: (run: { status: string; progressDone: number }) => boolean,
) {
  for (let i = 0; i < 200; i++) {
    const run = (await call("GET", `/api/runs/${id}`)).body;
    if (ready(run)) return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`run ${id} never got ready`);
}

describe("background simulations", () => {
  it("adds tornado and Sobol sensitivity to the result when asked", async () => {
    const started = await call("POST", "/api/scenarios/budapest-2025/simulate", {
      samples: 250,
      seed: 7,
      models: ["compromise"],
      workers: 1,
      sensitivity: true,
      sensitivitySamples: 16,
    });
    expect(started.status).toBe(202);
    const events = await readEvents(await app.request(`/api/runs/${started.body.id}/events`));
    const end = events[events.length - 1] as SseEvent;
    expect(end.data.status).toBe("done");
    const sensitivity = end.data.result.sensitivity;
    expect(sensitivity).toHaveLength(end.data.result.report.issues.length);
    const [first] = sensitivity;
    expect(first.model).toBe("compromise");
    expect(first.tornado.length).toBeGreaterThan(0);
    expect(Math.abs(first.tornado[0].swing)).toBeGreaterThanOrEqual(
      Math.abs(first.tornado[1].swing),
    );
    expect(first.sobol.length).toBe(first.tornado.length + 1); // + the false-flag shock
    const bad = await call("POST", "/api/scenarios/budapest-2025/simulate", {
      sensitivitySamples: 3,
    });
    expect(bad.status).toBe(400);
  });

  it("answers 202 with the queued run, then streams progress and the result as events", async () => {
    const started = await call("POST", "/api/scenarios/budapest-2025/simulate", {
      samples: 1500,
      seed: 7,
      models: ["compromise", "weighted-median"],
      workers: 1,
    });
    expect(started.status).toBe(202);
    const id = started.body.id;
    expect(started.headers.get("location")).toBe(`/api/runs/${id}`);
    expect(started.body).toMatchObject({
      kind: "simulate",
      status: "queued",
      seed: 7,
      model: "compromise,weighted-median",
      progressTotal: 1500,
      links: { self: `/api/runs/${id}`, events: `/api/runs/${id}/events` },
    });
    const response = await app.request(`/api/runs/${id}/events`);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = await readEvents(response);
    const progress = events.filter((e) => e.event === "progress").map((e) => e.data);
    // The state when the stream opened, then the pool's reports up to the last shard.
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress[progress.length - 1].done).toBe(1500);
    for (const p of progress) {
      expect(p.total).toBe(1500);
      expect(p.fraction).toBeCloseTo(p.done / 1500, 12);
    }
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    const end = events[events.length - 1] as SseEvent;
    expect(end.event).toBe("end");
    expect(end.data).toMatchObject({ id, status: "done", progressDone: 1500, error: null });
    expect(end.data.result).toMatchObject({
      scenario: "budapest-2025",
      samples: 1500,
      seed: 7,
      models: ["compromise", "weighted-median"],
      distribution: "triangular",
    });
    expect(end.data.result.report.issues.length).toBeGreaterThan(0);
    const run = await call("GET", `/api/runs/${id}`);
    expect(run.body).toEqual(end.data);
    expect(run.body.started <= run.body.finished).toBe(true);
    // A finished run's events are its end, at once.
    const again = await readEvents(await app.request(`/api/runs/${id}/events`));
    expect(again.map((e) => e.event)).toEqual(["end"]);
  });

  it("cancels a running simulation; the event stream ends with it and it stays cancelled", async () => {
    const started = await call("POST", "/api/scenarios/budapest-2025/simulate", {
      samples: 200_000,
      workers: 1,
    });
    const id = started.body.id;
    await waitFor(id, (r) => r.status === "running");
    const response = await app.request(`/api/runs/${id}/events`);
    const streamed = readEvents(response);
    const cancelled = await call("DELETE", `/api/runs/${id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id, status: "cancelled", result: null });
    expect(cancelled.body.finished).not.toBeNull();
    const events = await streamed;
    expect(events[events.length - 1]).toMatchObject({
      event: "end",
      data: { status: "cancelled" },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await call("GET", `/api/runs/${id}`)).body.status).toBe("cancelled");
    const twice = await call("DELETE", `/api/runs/${id}`);
    expect(twice.status).toBe(409);
    expect(twice.body.errors).toEqual([
      { path: "(run)", message: `run ${id} is already cancelled; a finished run does not change` },
    ]);
  });

  it("queues a second simulation behind the first, and cancels it while queued", async () => {
    const first = await call("POST", "/api/scenarios/budapest-2025/simulate", {
      samples: 200_000,
      workers: 1,
    });
    const second = await call("POST", "/api/scenarios/budapest-2025/simulate", {
      samples: 100,
      workers: 1,
    });
    await waitFor(first.body.id, (r) => r.status === "running");
    expect((await call("GET", `/api/runs/${second.body.id}`)).body.status).toBe("queued");
    const cancelled = await call("DELETE", `/api/runs/${second.body.id}`);
    expect(cancelled.body.status).toBe("cancelled");
    expect((await call("DELETE", `/api/runs/${first.body.id}`)).body.status).toBe("cancelled");
    const listed = await call("GET", "/api/runs?scenario=budapest-2025&status=cancelled");
    expect(listed.body.runs.map((r: { id: string }) => r.id)).toEqual([
      second.body.id,
      first.body.id,
    ]);
  });

  it("refuses a client more simulations at once than the server allows: 429 with Retry-After", async () => {
    const limited = createApp({ store, webDir: false, simulationsPerClient: 2 });
    try {
      const body = { samples: 200_000, workers: 1 };
      const path = "/api/scenarios/budapest-2025/simulate";
      const started = [
        await callApi(limited, "POST", path, body),
        await callApi(limited, "POST", path, body),
      ];
      expect(started.map((a) => a.status)).toEqual([202, 202]);
      const refused = await callApi(limited, "POST", path, body);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("10");
      expect(refused.body.errors).toEqual([
        {
          path: "(client)",
          message:
            "you already have 2 simulations queued or running here (at most 2 at once); wait for one to finish or cancel one",
        },
      ]);
      // A finished (here: cancelled) one frees its place.
      await callApi(limited, "DELETE", `/api/runs/${started[1]?.body.id}`);
      expect((await callApi(limited, "POST", path, { samples: 10, workers: 1 })).status).toBe(202);
    } finally {
      await limited.close();
    }
  });

  it("records a stopping server's simulations as failed", async () => {
    const started = await call("POST", "/api/scenarios/budapest-2025/simulate", {
      samples: 200_000,
      workers: 1,
    });
    await waitFor(started.body.id, (r) => r.status === "running");
    await app.close();
    const run = await store.getRun(started.body.id);
    expect(run).toMatchObject({
      status: "failed",
      error: "the server stopped before the simulation finished",
    });
  });

  it.each([
    ["samples 0", { samples: 0 }, "samples", "expected a whole number from 1 to 1000000, got 0"],
    ["a fractional seed", { seed: 1.5 }, "seed", "expected a whole number ≥ 0, got 1.5"],
    [
      "an unknown model",
      { models: ["eum", "tea-leaves"] },
      "models.1",
      /^unknown model "tea-leaves"/,
    ],
    ["no models", { models: [] }, "models", "expected a non-empty list of model ids, got []"],
    [
      "too many workers",
      { workers: 10_000 },
      "workers",
      /^expected a whole number from 1 to \d+, got 10000$/,
    ],
    [
      "an unknown distribution",
      { distribution: "normal" },
      "distribution",
      'expected one of triangular, uniform, got "normal"',
    ],
    [
      "a threshold on an unknown issue",
      { thresholds: { nowhere: [50] } },
      "(plan)",
      /^threshold for unknown issue "nowhere"; issues: territory, ceasefire, /,
    ],
    ["an unknown field", { sample: 10 }, "sample", /^unknown field "sample"/],
  ])("refuses %s with 400", async (_name, body, path, message) => {
    const answer = await call("POST", "/api/scenarios/budapest-2025/simulate", body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].path).toBe(path);
    if (typeof message === "string") expect(answer.body.errors[0].message).toBe(message);
    else expect(answer.body.errors[0].message).toMatch(message);
    expect((await call("GET", "/api/runs")).body.runs).toEqual([]);
  });
});

describe("runs", () => {
  it("lists runs newest first, filtered, without results", async () => {
    const a = await call("POST", "/api/scenarios/budapest-2025/forecast");
    const b = await call("POST", "/api/scenarios/budapest-2025/run", { model: "compromise" });
    const all = await call("GET", "/api/runs");
    expect(all.body.runs.map((r: { id: string }) => r.id)).toEqual([b.body.runId, a.body.runId]);
    expect(all.body.runs[0].result).toBeNull();
    const limited = await call("GET", "/api/runs?limit=1&status=done");
    expect(limited.body.runs.map((r: { id: string }) => r.id)).toEqual([b.body.runId]);
    const bad = await call("GET", "/api/runs?status=sleeping");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toEqual({
      path: "status",
      message: 'expected one of queued, running, done, failed, cancelled, got "sleeping"',
    });
  });

  it("answers 404 for an unknown run on every route, and 409 when cancelling a finished one", async () => {
    for (const [method, path] of [
      ["GET", "/api/runs/nope"],
      ["GET", "/api/runs/nope/events"],
      ["DELETE", "/api/runs/nope"],
    ] as const) {
      const answer = await call(method, path);
      expect([method, path, answer.status]).toEqual([method, path, 404]);
      expect(answer.body.errors).toEqual([{ path: "(run)", message: 'no run "nope"' }]);
    }
    const forecast = await call("POST", "/api/scenarios/budapest-2025/forecast");
    const cancel = await call("DELETE", `/api/runs/${forecast.body.runId}`);
    expect(cancel.status).toBe(409);
  });
});

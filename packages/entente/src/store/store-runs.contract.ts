/**
 * The store contract on runs: their life from queued to done, failed or cancelled, listings,
 * and runs left unfinished.
 * @module
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Store } from "./store.ts";
import { ConflictError } from "./store-errors.ts";
import { sampleRevision } from "./store-samples.contract.ts";

/** The contract on runs, run on the store `current` gives each test. */
export function runsContract(current: () => Store): void {
  describe("runs", () => {
    let store: Store;
    beforeEach(async () => {
      store = current();
      await store.createScenario("alpha", sampleRevision("alpha", "one"));
      await store.saveRevision("alpha", sampleRevision("alpha", "two"));
    });

    it("goes queued → running → done, keeping progress, timing and the result", async () => {
      const run = await store.createRun({
        scenarioId: "alpha",
        revision: 1,
        kind: "simulate",
        model: "compromise,eum",
        parameters: { samples: 1000, models: ["compromise", "eum"] },
        seed: 2 ** 53 - 1,
        progressTotal: 1000,
      });
      expect(run).toMatchObject({
        scenarioId: "alpha",
        revision: 1,
        kind: "simulate",
        model: "compromise,eum",
        parameters: { samples: 1000, models: ["compromise", "eum"] },
        seed: 2 ** 53 - 1,
        status: "queued",
        progressDone: 0,
        progressTotal: 1000,
        result: null,
        error: null,
        started: null,
        finished: null,
      });
      expect(run.id).toMatch(/^[0-9a-f-]{36}$/);
      const started = new Date().toISOString();
      await store.updateRun(run.id, { status: "running", started });
      const halfway = await store.updateRun(run.id, { progressDone: 500 });
      expect(halfway).toMatchObject({ status: "running", progressDone: 500, started });
      const finished = new Date().toISOString();
      const result = { issues: [{ issue: "tariff", mean: 42.5 }], nested: { ok: true } };
      const done = await store.updateRun(run.id, {
        status: "done",
        progressDone: 1000,
        result,
        finished,
      });
      expect(done).toMatchObject({ status: "done", progressDone: 1000, result, finished });
      expect(await store.getRun(run.id)).toEqual(done);
      const late = store.updateRun(run.id, { status: "running" });
      await expect(late).rejects.toMatchObject({ name: "ConflictError", reason: "run-finished" });
      await expect(late).rejects.toThrow(`run ${run.id} is already done`);
    });

    it("keeps a cancelled run cancelled when its work reports done afterwards", async () => {
      const run = await store.createRun({ scenarioId: "alpha", revision: 2, kind: "simulate" });
      await store.updateRun(run.id, { status: "running" });
      await store.updateRun(run.id, { status: "cancelled", finished: new Date().toISOString() });
      await expect(store.updateRun(run.id, { status: "done", result: {} })).rejects.toThrow(
        ConflictError,
      );
      const read = await store.getRun(run.id);
      expect(read.status).toBe("cancelled");
      expect(read.result).toBeNull();
    });

    it("records a failure's message", async () => {
      const run = await store.createRun({ scenarioId: "alpha", revision: 2, kind: "run" });
      const failed = await store.updateRun(run.id, { status: "failed", error: "it broke" });
      expect(failed).toMatchObject({ status: "failed", error: "it broke" });
    });

    it("records a synchronous run straight away as done", async () => {
      const run = await store.createRun({
        scenarioId: "alpha",
        revision: 2,
        kind: "forecast",
        status: "done",
        result: { forecast: [1, 2, 3] },
        started: "2025-01-01T00:00:00.000Z",
        finished: "2025-01-01T00:00:01.000Z",
      });
      expect(await store.getRun(run.id)).toMatchObject({
        status: "done",
        result: { forecast: [1, 2, 3] },
        started: "2025-01-01T00:00:00.000Z",
        finished: "2025-01-01T00:00:01.000Z",
      });
    });

    it("lists runs newest first, filtered by scenario and status, without results", async () => {
      await store.createScenario("beta", sampleRevision("beta", "one"));
      const a1 = await store.createRun({ scenarioId: "alpha", revision: 1, kind: "forecast" });
      const b1 = await store.createRun({ scenarioId: "beta", revision: 1, kind: "run" });
      const a2 = await store.createRun({ scenarioId: "alpha", revision: 2, kind: "simulate" });
      await store.updateRun(a2.id, { status: "done", result: { big: "result" } });
      const all = await store.listRuns();
      expect(all.map((r) => r.id)).toEqual([a2.id, b1.id, a1.id]);
      expect(all[0]?.result).toBeNull();
      expect((await store.listRuns({ scenarioId: "alpha" })).map((r) => r.id)).toEqual([
        a2.id,
        a1.id,
      ]);
      expect((await store.listRuns({ status: "queued" })).map((r) => r.id)).toEqual([b1.id, a1.id]);
      expect((await store.listRuns({ limit: 1 })).map((r) => r.id)).toEqual([a2.id]);
      expect(await store.listRuns({ scenarioId: "nobody" })).toEqual([]);
    });

    it("marks runs left unfinished as failed, and only those", async () => {
      const queued = await store.createRun({
        scenarioId: "alpha",
        revision: 1,
        kind: "simulate",
      });
      const running = await store.createRun({
        scenarioId: "alpha",
        revision: 1,
        kind: "simulate",
      });
      await store.updateRun(running.id, { status: "running" });
      const done = await store.createRun({
        scenarioId: "alpha",
        revision: 1,
        kind: "forecast",
        status: "done",
      });
      expect(await store.failUnfinishedRuns("the server stopped")).toBe(2);
      for (const id of [queued.id, running.id]) {
        const r = await store.getRun(id);
        expect(r).toMatchObject({ status: "failed", error: "the server stopped" });
        expect(r.finished).not.toBeNull();
      }
      expect((await store.getRun(done.id)).status).toBe("done");
    });
  });
}

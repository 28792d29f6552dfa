/**
 * The behaviour every {@link Store} must have, as one vitest suite that each implementation's
 * test file runs with its own factory (SQLite always, PostgreSQL when a database is given).
 * @module
 */
import { type LedgerEntry, type Scenario, validateScenario } from "@entente/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyLedger } from "../ledger/verify-ledger.ts";
import type { NewRevision } from "./records.ts";
import type { Store } from "./store.ts";
import { ConflictError, NotFoundError } from "./store-errors.ts";

/** A fresh, empty store for one test, and how to dispose of it. */
export interface StoreFixture {
  store: Store;
  /**
   * Open another store on the same database (after `store` is closed): checks that data
   * outlives a connection. Leave out for in-memory databases.
   */
  reopen?: () => Promise<Store>;
  /** Remove the database (temporary folder, schema). Called after the stores are closed. */
  cleanup: () => Promise<void>;
}

/** A small valid scenario document with the given id and title. */
export function sampleScenario(id: string, title = `Scenario ${id}`): Scenario {
  const result = validateScenario({
    id,
    title,
    asOf: "2025-01-31",
    actors: [
      { id: "a", name: "Alpha", capability: 2 },
      { id: "b", name: "Beta", capability: 1 },
    ],
    issues: [
      {
        id: "tariff",
        title: "Tariff level",
        scale: { minLabel: "Free trade", maxLabel: "Prohibitive tariffs" },
        statusQuo: 40,
      },
    ],
    stances: [
      { actor: "a", issue: "tariff", position: 20, salience: 50 },
      { actor: "b", issue: "tariff", position: 80, salience: 70 },
    ],
  });
  if (!result.ok) throw new Error(`sample scenario is invalid: ${JSON.stringify(result.issues)}`);
  return result.scenario;
}

/** A revision whose text records `note`, so each save can be told apart. */
export function sampleRevision(
  id: string,
  note: string,
  extra: Partial<NewRevision> = {},
): NewRevision {
  const scenario = sampleScenario(id, `Scenario ${id} (${note})`);
  return {
    text: `# ${note}\n${JSON.stringify(scenario)}\n`,
    format: "yaml",
    scenario,
    ...extra,
  };
}

/**
 * Run the store contract against the stores `factory` makes: revisions, concurrency, runs,
 * listings and not-found errors. `factory` is called once per test for an empty store.
 */
export function storeContract(name: string, factory: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: Store;
    let closed = false;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
      closed = false;
    });

    afterEach(async () => {
      if (!closed) await store.close();
      await fixture.cleanup();
    });

    describe("scenarios and revisions", () => {
      it("creates revision 1 and reads back the text, the scenario and the metadata", async () => {
        const first = sampleRevision("alpha", "first", { author: "ana", message: "initial" });
        const saved = await store.createScenario("alpha", first);
        expect(saved).toMatchObject({
          scenarioId: "alpha",
          revision: 1,
          title: "Scenario alpha (first)",
          format: "yaml",
          author: "ana",
          message: "initial",
          text: first.text,
        });
        const read = await store.getScenario("alpha");
        expect(read).toEqual(saved);
        expect(read.scenario).toEqual(first.scenario);
        expect(Date.parse(read.created)).not.toBeNaN();
      });

      it("numbers every save anew and keeps every old revision readable", async () => {
        await store.createScenario("alpha", sampleRevision("alpha", "one"));
        const two = await store.saveRevision("alpha", sampleRevision("alpha", "two"));
        const three = await store.saveRevision(
          "alpha",
          sampleRevision("alpha", "three", { format: "json", message: "third" }),
        );
        expect([two.revision, three.revision]).toEqual([2, 3]);
        expect((await store.getScenario("alpha")).text).toBe(three.text);
        for (const [n, note] of [
          [1, "one"],
          [2, "two"],
          [3, "three"],
        ] as const) {
          const r = await store.getScenario("alpha", n);
          expect(r.revision).toBe(n);
          expect(r.text.startsWith(`# ${note}\n`)).toBe(true);
          expect(r.scenario.title).toBe(`Scenario alpha (${note})`);
        }
        const history = await store.listRevisions("alpha");
        expect(history.map((r) => r.revision)).toEqual([3, 2, 1]);
        expect(history[0]).toMatchObject({ format: "json", message: "third", author: null });
        expect(history[0]).not.toHaveProperty("text");
      });

      it("refuses a save based on a revision that is no longer the latest, writing nothing", async () => {
        await store.createScenario("alpha", sampleRevision("alpha", "one"));
        await store.saveRevision("alpha", sampleRevision("alpha", "two"), { baseRevision: 1 });
        const stale = store.saveRevision("alpha", sampleRevision("alpha", "late"), {
          baseRevision: 1,
        });
        await expect(stale).rejects.toBeInstanceOf(ConflictError);
        await expect(stale).rejects.toMatchObject({ reason: "stale-revision", latestRevision: 2 });
        await expect(stale).rejects.toThrow(/at revision 2, not 1/);
        expect((await store.listRevisions("alpha")).length).toBe(2);
        const ok = await store.saveRevision("alpha", sampleRevision("alpha", "three"), {
          baseRevision: 2,
        });
        expect(ok.revision).toBe(3);
      });

      it("refuses to create a scenario whose id is taken, leaving it as it was", async () => {
        await store.createScenario("alpha", sampleRevision("alpha", "mine"));
        const again = store.createScenario("alpha", sampleRevision("alpha", "theirs"));
        await expect(again).rejects.toMatchObject({ name: "ConflictError", reason: "exists" });
        await expect(again).rejects.toThrow('scenario "alpha" already exists');
        const read = await store.getScenario("alpha");
        expect(read.revision).toBe(1);
        expect(read.text.startsWith("# mine\n")).toBe(true);
      });

      it("gives concurrent saves of one scenario distinct revisions, and loses none", async () => {
        await store.createScenario("alpha", sampleRevision("alpha", "base"));
        const notes = Array.from({ length: 12 }, (_, i) => `concurrent ${i}`);
        const saved = await Promise.all(
          notes.map((note) => store.saveRevision("alpha", sampleRevision("alpha", note))),
        );
        const numbers = saved.map((r) => r.revision).sort((a, b) => a - b);
        expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
        for (const r of saved) {
          const read = await store.getScenario("alpha", r.revision);
          expect(read.text).toBe(r.text);
        }
        expect((await store.getScenario("alpha")).revision).toBe(13);
      });

      it("lets exactly one of several concurrent saves on the same base revision land", async () => {
        await store.createScenario("alpha", sampleRevision("alpha", "base"));
        const results = await Promise.allSettled(
          Array.from({ length: 5 }, (_, i) =>
            store.saveRevision("alpha", sampleRevision("alpha", `editor ${i}`), {
              baseRevision: 1,
            }),
          ),
        );
        const landed = results.filter((r) => r.status === "fulfilled");
        const refused = results.filter((r) => r.status === "rejected");
        expect(landed).toHaveLength(1);
        expect(refused).toHaveLength(4);
        for (const r of refused) expect(r.reason).toBeInstanceOf(ConflictError);
        expect((await store.listRevisions("alpha")).length).toBe(2);
      });

      it("lists scenarios with their latest revision, most recently updated first", async () => {
        expect(await store.listScenarios()).toEqual([]);
        await store.createScenario("alpha", sampleRevision("alpha", "a1"));
        await store.createScenario("beta", sampleRevision("beta", "b1"));
        await pause(5);
        await store.saveRevision("alpha", sampleRevision("alpha", "a2", { author: "ana" }));
        const list = await store.listScenarios();
        expect(list.map((s) => [s.id, s.latestRevision])).toEqual([
          ["alpha", 2],
          ["beta", 1],
        ]);
        expect(list[0]).toMatchObject({
          title: "Scenario alpha (a2)",
          latest: { scenarioId: "alpha", revision: 2, author: "ana" },
        });
        expect((list[0]?.created as string) <= (list[0]?.updated as string)).toBe(true);
      });
    });

    describe("deleting, restoring and purging", () => {
      it("hides a deleted scenario from listings and reads, and restores it whole", async () => {
        await store.createScenario("alpha", sampleRevision("alpha", "a1"));
        await store.saveRevision("alpha", sampleRevision("alpha", "a2"));
        await store.createScenario("beta", sampleRevision("beta", "b1"));
        const run = await store.createRun({ scenarioId: "alpha", revision: 2, kind: "forecast" });
        const deleted = await store.deleteScenario("alpha");
        expect(deleted).toMatchObject({ id: "alpha", latestRevision: 2 });
        expect(Date.parse(deleted.purgeAfter) - Date.parse(deleted.deleted)).toBe(30 * 86_400_000);
        expect((await store.listScenarios()).map((s) => s.id)).toEqual(["beta"]);
        expect((await store.listDeletedScenarios()).map((s) => s.id)).toEqual(["alpha"]);
        for (const read of [
          () => store.getScenario("alpha"),
          () => store.getScenario("alpha", 1),
          () => store.listRevisions("alpha"),
          () => store.saveRevision("alpha", sampleRevision("alpha", "a3")),
          () => store.createRun({ scenarioId: "alpha", revision: 1, kind: "forecast" }),
          () => store.deleteScenario("alpha"),
        ]) {
          await expect(read()).rejects.toThrow(/scenario "alpha" was deleted on .*restore it/);
        }
        await expect(store.createScenario("alpha", sampleRevision("alpha", "x"))).rejects.toThrow(
          /was deleted on .*restore it or purge it.*another id/,
        );
        const restored = await store.restoreScenario("alpha");
        expect(restored).toMatchObject({ id: "alpha", latestRevision: 2 });
        expect((await store.getScenario("alpha", 1)).scenario.title).toBe("Scenario alpha (a1)");
        expect((await store.getRun(run.id)).scenarioId).toBe("alpha");
        expect(await store.listDeletedScenarios()).toEqual([]);
        await expect(store.restoreScenario("alpha")).rejects.toThrow(/is not deleted/);
      });

      it("purges only deleted scenarios, with their revisions and runs", async () => {
        await store.createScenario("alpha", sampleRevision("alpha", "a1"));
        await store.createScenario("beta", sampleRevision("beta", "b1"));
        await store.createScenario("gamma", sampleRevision("gamma", "g1"));
        const run = await store.createRun({ scenarioId: "alpha", revision: 1, kind: "forecast" });
        await expect(store.purgeScenarios({ id: "alpha" })).rejects.toThrow(
          /"alpha" is not deleted; delete it first/,
        );
        await store.deleteScenario("alpha");
        await store.deleteScenario("beta");
        const cutoff = new Date(Date.now() + 1000).toISOString();
        expect(await store.purgeScenarios({ before: "2000-01-01T00:00:00.000Z" })).toEqual([]);
        expect(await store.purgeScenarios({ id: "beta" })).toEqual(["beta"]);
        expect(await store.purgeScenarios({ before: cutoff })).toEqual(["alpha"]);
        await expect(store.getRun(run.id)).rejects.toThrow(NotFoundError);
        await expect(store.getScenario("alpha")).rejects.toThrow('no scenario "alpha"');
        expect((await store.listScenarios()).map((s) => s.id)).toEqual(["gamma"]);
        // The id is free again.
        await store.createScenario("alpha", sampleRevision("alpha", "again"));
      });
    });

    describe("runs", () => {
      beforeEach(async () => {
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
        expect((await store.listRuns({ status: "queued" })).map((r) => r.id)).toEqual([
          b1.id,
          a1.id,
        ]);
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

    describe("unknown ids", () => {
      it("says which scenario, revision or run does not exist", async () => {
        await store.createScenario("alpha", sampleRevision("alpha", "one"));
        const cases: Array<[() => Promise<unknown>, string, string]> = [
          [() => store.getScenario("nope"), "scenario", 'no scenario "nope"'],
          [
            () => store.getScenario("alpha", 7),
            "revision",
            'scenario "alpha" has no revision 7; its revisions are 1 to 1',
          ],
          [() => store.listRevisions("nope"), "scenario", 'no scenario "nope"'],
          [
            () => store.saveRevision("nope", sampleRevision("nope", "x")),
            "scenario",
            'no scenario "nope"',
          ],
          [() => store.getRun("r-1"), "run", 'no run "r-1"'],
          [() => store.updateRun("r-1", { status: "running" }), "run", 'no run "r-1"'],
          [
            () => store.createRun({ scenarioId: "nope", revision: 1, kind: "forecast" }),
            "scenario",
            'no scenario "nope"',
          ],
          [
            () => store.createRun({ scenarioId: "alpha", revision: 3, kind: "forecast" }),
            "revision",
            'scenario "alpha" has no revision 3; its revisions are 1 to 1',
          ],
        ];
        for (const [call, entity, message] of cases) {
          const error = await call().then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(NotFoundError);
          expect(error).toMatchObject({ entity, message });
        }
      });

      it("refuses bad arguments with a message naming the value", async () => {
        await expect(store.getScenario("alpha", 0)).rejects.toThrow(
          "revision: expected a whole number ≥ 1, got 0",
        );
        await expect(store.listRuns({ limit: 0 })).rejects.toThrow(/limit: .* got 0/);
        await expect(
          store.createRun({
            scenarioId: "alpha",
            revision: 1,
            kind: "dance" as never,
          }),
        ).rejects.toThrow('run kind: expected one of forecast, run, simulate, deals, got "dance"');
      });
    });

    describe("the forecast ledger", () => {
      const forecast = (question: string, probability: number): LedgerEntry => ({
        kind: "forecast",
        question,
        text: `Will ${question} happen?`,
        forecaster: "compromise",
        forecasterKind: "model",
        probability,
        date: "2025-10-20",
        created: "2025-10-20T12:00:00.000Z",
      });

      it("appends entries in order, each chained to the one before, and reads them back as written", async () => {
        expect(await store.readLedger()).toEqual({
          rows: [],
          head: { seq: 0, hash: "0".repeat(64) },
        });
        const first = await store.appendLedger([forecast("a", 0.25), forecast("b", 0.5)]);
        const second = await store.appendLedger([
          {
            kind: "resolution",
            question: "a",
            outcome: true,
            date: "2025-11-01",
            source: "news",
            created: "2025-11-01T00:00:00.000Z",
          },
        ]);
        expect([...first, ...second].map((r) => r.seq)).toEqual([1, 2, 3]);
        expect(first[1]?.prevHash).toBe(first[0]?.hash);
        expect(second[0]?.prevHash).toBe(first[1]?.hash);
        const { rows, head } = await store.readLedger();
        expect(head).toEqual({ seq: 3, hash: second[0]?.hash });
        expect(rows.map((r) => [r.seq, r.kind, r.question])).toEqual([
          [1, "forecast", "a"],
          [2, "forecast", "b"],
          [3, "resolution", "a"],
        ]);
        expect(verifyLedger(rows, head)).toEqual({ ok: true, entries: 3, head: head.hash });
        expect(JSON.parse(rows[0]?.body as string)).toEqual(forecast("a", 0.25));
      });

      it("refuses a bad entry, naming it and the field, and writes none of the batch", async () => {
        await expect(store.appendLedger([forecast("a", 0.5), forecast("b", 1.5)])).rejects.toThrow(
          "ledger entry 2: probability: expected a number from 0 to 1, got 1.5",
        );
        await expect(store.appendLedger([])).rejects.toThrow(/at least one entry/);
        expect((await store.readLedger()).rows).toEqual([]);
      });

      it("calls a prepare function with the ledger as it stands under the lock", async () => {
        // Each append names its question after the ledger's length when it runs: under the
        // lock no two can see the same length, so the names come out 0, 1, 2, … in order.
        await Promise.all(
          Array.from({ length: 12 }, () =>
            store.appendLedger((ledger) => [forecast(`after-${ledger.length}`, 0.5)]),
          ),
        );
        const { rows } = await store.readLedger();
        expect(rows.map((r) => r.question)).toEqual(
          Array.from({ length: 12 }, (_, i) => `after-${i}`),
        );
        await expect(
          store.appendLedger(() => {
            throw new RangeError("refused by prepare");
          }),
        ).rejects.toThrow("refused by prepare");
        expect((await store.readLedger()).rows).toHaveLength(12);
      });

      it("keeps one unbroken chain under concurrent appends", async () => {
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.appendLedger([forecast(`q${i}`, i / 20), forecast(`r${i}`, 0.5)]),
          ),
        );
        const { rows, head } = await store.readLedger();
        expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        expect(verifyLedger(rows, head).ok).toBe(true);
      });
    });

    it("keeps everything when the store is closed and opened again", async () => {
      if (!fixture.reopen) return;
      await store.createScenario("alpha", sampleRevision("alpha", "one"));
      await store.saveRevision("alpha", sampleRevision("alpha", "two"));
      const run = await store.createRun({ scenarioId: "alpha", revision: 2, kind: "forecast" });
      await store.close();
      closed = true;
      store = await fixture.reopen();
      closed = false;
      expect((await store.getScenario("alpha", 1)).text.startsWith("# one\n")).toBe(true);
      expect((await store.getScenario("alpha")).revision).toBe(2);
      expect((await store.getRun(run.id)).kind).toBe("forecast");
      expect((await store.saveRevision("alpha", sampleRevision("alpha", "three"))).revision).toBe(
        3,
      );
    });
  });
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

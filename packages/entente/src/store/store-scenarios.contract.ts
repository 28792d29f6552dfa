/**
 * The store contract on scenarios and revisions: numbering, reading back, stale and concurrent
 * saves, taken ids and listings.
 * @module
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Store } from "./store.ts";
import { ConflictError } from "./store-errors.ts";
import { sampleRevision } from "./store-samples.contract.ts";

/** The contract on scenarios and revisions, run on the store `current` gives each test. */
export function scenariosContract(current: () => Store): void {
  describe("scenarios and revisions", () => {
    let store: Store;
    beforeEach(() => {
      store = current();
    });

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
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

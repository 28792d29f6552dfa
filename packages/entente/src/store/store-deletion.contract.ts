/**
 * The store contract on deleting scenarios softly, restoring them and purging them for good.
 * @module
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Store } from "./store.ts";
import { NotFoundError } from "./store-errors.ts";
import { sampleRevision } from "./store-samples.contract.ts";

/** The contract on deleting, restoring and purging, run on the store `current` gives each test. */
export function deletionContract(current: () => Store): void {
  describe("deleting, restoring and purging", () => {
    let store: Store;
    beforeEach(() => {
      store = current();
    });

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
}

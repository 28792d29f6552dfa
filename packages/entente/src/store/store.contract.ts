/**
 * The behaviour every {@link Store} must have, as one vitest suite that each implementation's
 * test file runs with its own factory (SQLite always, PostgreSQL when a database is given).
 * @module
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "./store.ts";
import { deletionContract } from "./store-deletion.contract.ts";
import { ledgerContract } from "./store-ledger.contract.ts";
import { runsContract } from "./store-runs.contract.ts";
import { sampleRevision } from "./store-samples.contract.ts";
import { scenariosContract } from "./store-scenarios.contract.ts";
import { unknownIdsContract } from "./store-unknown-ids.contract.ts";

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

    const current = () => store;
    scenariosContract(current);
    deletionContract(current);
    runsContract(current);
    unknownIdsContract(current);
    ledgerContract(current);

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

/**
 * The store contract on the forecast ledger: appends in order and chained, checked entries,
 * prepare functions under the lock, and one chain under concurrent appends.
 * @module
 */
import type { LedgerEntry } from "@entente/core";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyLedger } from "../ledger/verify-ledger.ts";
import type { Store } from "./store.ts";

/** The contract on the forecast ledger, run on the store `current` gives each test. */
export function ledgerContract(current: () => Store): void {
  describe("the forecast ledger", () => {
    let store: Store;
    beforeEach(() => {
      store = current();
    });

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
}

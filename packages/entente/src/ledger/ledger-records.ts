import type { LedgerEntry, LedgerRecord } from "@entente/core";
import type { LedgerRow } from "../store/records.ts";

/** The stored rows as records (entries parsed; verify the chain with `verifyLedger`). */
export function ledgerRecords(rows: readonly LedgerRow[]): LedgerRecord[] {
  return rows.map((r) => ({
    seq: r.seq,
    prevHash: r.prevHash,
    hash: r.hash,
    entry: JSON.parse(r.body) as LedgerEntry,
  }));
}

import type { LedgerEntry, LedgerRecord } from "@entente/core";
import type { LedgerHead } from "../store/records.ts";
import { canonicalJson } from "./ledger-hash.ts";
import { type LedgerVerification, verifyLedger } from "./verify-ledger.ts";

/** The `format` of a ledger exported as JSON. */
export const LEDGER_FORMAT = "entente-ledger/1";

/** A ledger exported as JSON: its records with their hashes, and its head. */
export interface LedgerDocument {
  format: typeof LEDGER_FORMAT;
  head: LedgerHead;
  records: LedgerRecord[];
}

/** The ledger as a {@link LedgerDocument}. */
export function ledgerDocument(records: readonly LedgerRecord[], head: LedgerHead): LedgerDocument {
  return { format: LEDGER_FORMAT, head, records: [...records] };
}

/**
 * Check an exported ledger's own chain (so a file altered in transit is caught) and return its
 * entries with the numbers they had in it.
 */
export function documentEntries(
  doc: LedgerDocument,
):
  | { ok: true; entries: LedgerEntry[]; seqs: number[] }
  | { ok: false; verification: LedgerVerification } {
  const rows = doc.records.map((r) => ({
    seq: r.seq,
    kind: r.entry?.kind,
    question: r.entry?.question,
    body: canonicalJson(r.entry),
    prevHash: r.prevHash,
    hash: r.hash,
  }));
  const verification = verifyLedger(rows, doc.head);
  if (!verification.ok) return { ok: false, verification };
  return {
    ok: true,
    entries: doc.records.map((r) => r.entry),
    seqs: doc.records.map((r) => r.seq),
  };
}

/**
 * Entries imported from another ledger, their `supersedes` renumbered: a number that named an
 * entry of the same file now names where that entry lands (after the ledger's `last` entry).
 */
export function renumberSupersedes(
  entries: readonly LedgerEntry[],
  seqs: ReadonlyArray<number | undefined>,
  last: number,
): LedgerEntry[] {
  const moved = new Map<number, number>();
  seqs.forEach((s, i) => {
    if (s !== undefined) moved.set(s, last + 1 + i);
  });
  return entries.map((e) =>
    e.supersedes !== undefined && moved.has(e.supersedes)
      ? { ...e, supersedes: moved.get(e.supersedes) as number }
      : e,
  );
}

import type { LedgerEntry, LedgerRecord } from "@entente/core";
import type { LedgerHead } from "../store/records.ts";
import { canonicalJson } from "./ledger-hash.ts";
import { verifyLedger } from "./verify-ledger.ts";

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
 * Check an exported ledger: its shape (a `head` with `seq` and `hash`, `records` each with `seq`,
 * `prevHash`, `hash` and an `entry` object), then its own chain (so a file altered in transit
 * is caught). Returns its entries with the numbers they had in it, or the path of the first
 * problem and what is wrong there.
 */
export function documentEntries(
  value: unknown,
):
  | { ok: true; entries: LedgerEntry[]; seqs: number[] }
  | { ok: false; path: Array<string | number>; message: string } {
  const doc = value as Partial<LedgerDocument> | null;
  if (typeof doc !== "object" || doc === null || doc.format !== LEDGER_FORMAT) {
    return {
      ok: false,
      path: ["format"],
      message: `not an exported ledger; expected format "${LEDGER_FORMAT}"`,
    };
  }
  const head = doc.head as Partial<LedgerHead> | undefined;
  if (
    typeof head !== "object" ||
    head === null ||
    !Number.isSafeInteger(head.seq) ||
    typeof head.hash !== "string"
  ) {
    return {
      ok: false,
      path: ["head"],
      message: "expected { seq, hash }: the exported ledger's head",
    };
  }
  if (!Array.isArray(doc.records)) {
    return { ok: false, path: ["records"], message: "expected the list of records" };
  }
  for (const [i, r] of doc.records.entries()) {
    const record = r as Partial<LedgerRecord> | null;
    if (
      typeof record !== "object" ||
      record === null ||
      !Number.isSafeInteger(record.seq) ||
      typeof record.prevHash !== "string" ||
      typeof record.hash !== "string" ||
      typeof record.entry !== "object" ||
      record.entry === null ||
      Array.isArray(record.entry)
    ) {
      return {
        ok: false,
        path: ["records", i],
        message: "expected { seq, prevHash, hash, entry }",
      };
    }
  }
  const records = doc.records as LedgerRecord[];
  const rows = records.map((r) => ({
    seq: r.seq,
    kind: r.entry.kind,
    question: r.entry.question,
    body: canonicalJson(r.entry),
    prevHash: r.prevHash,
    hash: r.hash,
  }));
  const verification = verifyLedger(rows, head as LedgerHead);
  if (!verification.ok) {
    const seq = verification.broken?.seq as number;
    const at = records.findIndex((r) => r.seq === seq);
    return {
      ok: false,
      path: at >= 0 ? ["records", at] : ["head"],
      message: `the file's chain is broken at entry ${seq}: ${verification.broken?.reason}`,
    };
  }
  return { ok: true, entries: records.map((r) => r.entry), seqs: records.map((r) => r.seq) };
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

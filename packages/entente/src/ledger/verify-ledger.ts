import { type LedgerEntry, ledgerEntryProblems } from "@entente/core";
import { GENESIS_HASH } from "../store/migrations/002-ledger.ts";
import type { LedgerHead, LedgerRow } from "../store/records.ts";
import { canonicalJson, recordHash } from "./ledger-hash.ts";

/** What {@link verifyLedger} found. */
export interface LedgerVerification {
  ok: boolean;
  /** Rows read. */
  entries: number;
  /** The head's hash (what to write down to check the ledger later). */
  head: string;
  /** The first entry that breaks the chain, and how. */
  broken?: { seq: number; reason: string };
}

/**
 * Check the ledger's hash chain: entries numbered 1, 2, 3, … with none missing, each naming the
 * previous one's hash, each hash matching its number, previous hash and content, each content
 * canonical, well formed and matching its indexed columns, and the head naming the last entry.
 * Any edited, deleted, inserted or reordered row breaks it; the first broken entry is named.
 * With `saved`, a head hash written down earlier, the chain must also pass through it: a chain
 * rewritten from some entry on (hashes and all) is consistent with itself but not with that.
 */
export function verifyLedger(
  rows: readonly LedgerRow[],
  head: LedgerHead,
  saved?: string,
): LedgerVerification {
  let prev = GENESIS_HASH;
  const fail = (seq: number, reason: string): LedgerVerification => ({
    ok: false,
    entries: rows.length,
    head: head.hash,
    broken: { seq, reason },
  });
  for (const [i, row] of rows.entries()) {
    const expected = i + 1;
    if (row.seq !== expected) {
      return fail(
        expected,
        row.seq > expected
          ? `entry ${expected} is missing (the next stored entry is ${row.seq}): entries were deleted`
          : `entry ${row.seq} appears again after entry ${expected - 1}: entries were reordered or duplicated`,
      );
    }
    if (row.prevHash !== prev) {
      return fail(
        row.seq,
        `its previous hash ${short(row.prevHash)} is not entry ${row.seq - 1}'s hash ${short(prev)}: an entry before it was changed, removed or reordered`,
      );
    }
    if (recordHash(row.seq, row.prevHash, row.body) !== row.hash) {
      return fail(row.seq, "its content does not match its hash: the entry was edited");
    }
    let entry: LedgerEntry;
    try {
      entry = JSON.parse(row.body) as LedgerEntry;
    } catch {
      return fail(row.seq, "its content is not JSON");
    }
    if (canonicalJson(entry) !== row.body || ledgerEntryProblems(entry).length > 0) {
      return fail(row.seq, "its content is not a well-formed entry in canonical form");
    }
    if (entry.kind !== row.kind || entry.question !== row.question) {
      return fail(
        row.seq,
        "its kind or question columns disagree with its content: the row was edited",
      );
    }
    prev = row.hash;
  }
  if (head.seq !== rows.length || head.hash !== prev) {
    return fail(
      head.seq > rows.length ? rows.length + 1 : head.seq,
      head.seq > rows.length
        ? `the head names entry ${head.seq} (${short(head.hash)}) but only ${rows.length} are stored: the last entries were deleted`
        : `the head (entry ${head.seq}, ${short(head.hash)}) does not name the last entry ${rows.length} (${short(prev)})`,
    );
  }
  if (saved !== undefined && saved !== GENESIS_HASH && !rows.some((r) => r.hash === saved)) {
    return fail(
      1,
      `no entry has the saved head hash ${short(saved)}: the entries up to where it was written down were rewritten, or it is another ledger's`,
    );
  }
  return { ok: true, entries: rows.length, head: head.hash };
}

function short(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}

/**
 * The forecast ledger in the Kysely store: append entries, each chained to the one before by
 * its hash under the head row's lock, and read the rows back as stored.
 * @module
 */
import { type LedgerEntry, type LedgerRecord, ledgerEntryProblems } from "@entente/core";
import { type Kysely, type Selectable, sql } from "kysely";
import { canonicalJson, recordHash } from "../ledger/ledger-hash.ts";
import { ledgerRecords } from "../ledger/ledger-records.ts";
import type { Database, LedgerEntriesTable } from "./database.ts";
import type { LedgerHead, LedgerRow } from "./records.ts";
import { wholeNumber } from "./row-values.ts";

/** The ledger half of {@link Store} on a Kysely database. */
export class KyselyLedger {
  readonly #db: Kysely<Database>;
  readonly #dialect: "sqlite" | "postgres";

  constructor(db: Kysely<Database>, dialect: "sqlite" | "postgres") {
    this.#db = db;
    this.#dialect = dialect;
  }

  async appendLedger(
    entries: readonly LedgerEntry[] | ((ledger: LedgerRecord[]) => readonly LedgerEntry[]),
  ): Promise<LedgerRecord[]> {
    if (typeof entries !== "function") checkLedgerEntries(entries);
    return this.#db.transaction().execute(async (trx) => {
      // Writing the head first takes its lock (SQLite: the write lock; PostgreSQL: the row's),
      // so the head read next, and the ledger `prepare` sees, stay current until commit.
      await trx
        .updateTable("ledger_head")
        .set({ seq: sql<number>`seq` })
        .where("id", "=", 1)
        .execute();
      const head = await trx
        .selectFrom("ledger_head")
        .select(["seq", "hash"])
        .where("id", "=", 1)
        .executeTakeFirstOrThrow();
      let list = entries as readonly LedgerEntry[];
      if (typeof entries === "function") {
        const rows = await trx.selectFrom("ledger_entries").selectAll().orderBy("seq").execute();
        list = entries(ledgerRecords(rows.map(ledgerRow)));
        checkLedgerEntries(list);
      }
      let seq = wholeNumber(head.seq);
      let prev = head.hash;
      const out: LedgerRecord[] = [];
      for (const entry of list) {
        seq++;
        const body = canonicalJson(entry);
        const hash = recordHash(seq, prev, body);
        await trx
          .insertInto("ledger_entries")
          .values({ seq, kind: entry.kind, question: entry.question, body, prev_hash: prev, hash })
          .execute();
        out.push({ seq, prevHash: prev, hash, entry: JSON.parse(body) as LedgerEntry });
        prev = hash;
      }
      await trx.updateTable("ledger_head").set({ seq, hash: prev }).where("id", "=", 1).execute();
      return out;
    });
  }

  async readLedger(): Promise<{ rows: LedgerRow[]; head: LedgerHead }> {
    // One snapshot for the rows and the head (PostgreSQL's default would let an append that
    // commits in between look like deleted entries); SQLite's transactions are snapshots anyway.
    const trx =
      this.#dialect === "postgres"
        ? this.#db.transaction().setIsolationLevel("repeatable read")
        : this.#db.transaction();
    return trx.execute(async (trx) => {
      const rows = await trx.selectFrom("ledger_entries").selectAll().orderBy("seq").execute();
      const head = await trx
        .selectFrom("ledger_head")
        .select(["seq", "hash"])
        .where("id", "=", 1)
        .executeTakeFirst();
      return {
        rows: rows.map(ledgerRow),
        head: head
          ? { seq: wholeNumber(head.seq), hash: head.hash }
          : { seq: -1, hash: "(missing)" },
      };
    });
  }
}

/** A ledger row as stored, from its database row. */
function ledgerRow(row: Selectable<LedgerEntriesTable>): LedgerRow {
  return {
    seq: wholeNumber(row.seq),
    kind: row.kind,
    question: row.question,
    body: row.body,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Each entry well formed on its own ({@link ledgerEntryProblems}); a RangeError names the first bad one. */
function checkLedgerEntries(entries: readonly LedgerEntry[]): void {
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new RangeError("ledger entries: expected at least one entry");
  }
  for (const [i, entry] of entries.entries()) {
    const problems = ledgerEntryProblems(entry);
    if (problems.length > 0) {
      const where = entries.length > 1 ? `ledger entry ${i + 1}: ` : "";
      throw new RangeError(problems.map((p) => `${where}${p.path}: ${p.message}`).join("; "));
    }
  }
}

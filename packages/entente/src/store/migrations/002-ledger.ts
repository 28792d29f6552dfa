/**
 * Both dialects: the forecast ledger. Its columns are text and integers only, so one migration
 * serves SQLite and PostgreSQL. `body` keeps each entry's canonical JSON as text (never jsonb),
 * so the bytes that were hashed are the bytes that are read back.
 * @module
 */
import { type Kysely, sql } from "kysely";

/** The first record's `prev_hash`. */
export const GENESIS_HASH = "0".repeat(64);

/** Create `ledger_entries` and the one-row `ledger_head`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("ledger_entries")
    .addColumn("seq", "integer", (c) => c.primaryKey().check(sql`seq >= 1`))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('forecast', 'resolution')`))
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createIndex("ledger_entries_question")
    .on("ledger_entries")
    .column("question")
    .execute();
  await db.schema
    .createTable("ledger_head")
    .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await sql`insert into ledger_head (id, seq, hash) values (1, 0, ${GENESIS_HASH})`.execute(db);
}

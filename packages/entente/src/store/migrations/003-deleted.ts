/**
 * Both dialects: soft deletion. A deleted scenario keeps its revisions and runs; `deleted` holds
 * when it was deleted (ISO 8601 text, which sorts in time order), null while it is live.
 * @module
 */
import type { Kysely } from "kysely";

/** Add `scenarios.deleted`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("scenarios").addColumn("deleted", "text").execute();
}

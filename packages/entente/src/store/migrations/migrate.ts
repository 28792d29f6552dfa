import { type Kysely, type Migration, Migrator } from "kysely";
import * as ledger002 from "./002-ledger.ts";
import * as deleted003 from "./003-deleted.ts";
import * as postgres001 from "./postgres/001-initial.ts";
import * as sqlite001 from "./sqlite/001-initial.ts";

/**
 * Every migration per dialect, by name. Names sort in the order they run; add a new file to the
 * dialect's folder (or beside them when both dialects share it) and list it here (both dialects, same name), never edit one that has shipped.
 */
export const MIGRATIONS: Readonly<Record<"sqlite" | "postgres", Record<string, Migration>>> = {
  sqlite: { "001-initial": sqlite001, "002-ledger": ledger002, "003-deleted": deleted003 },
  postgres: { "001-initial": postgres001, "002-ledger": ledger002, "003-deleted": deleted003 },
};

/**
 * Bring the database up to the latest schema. Kysely's migrator takes a lock (a table lock on
 * SQLite, an advisory lock on PostgreSQL), so two processes starting at once are safe. Throws
 * with the failing migration's name and cause.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: "sqlite" | "postgres",
): Promise<void> {
  const migrations = MIGRATIONS[dialect];
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "(setup)";
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${dialect}/${failed} failed: ${cause}`);
  }
}

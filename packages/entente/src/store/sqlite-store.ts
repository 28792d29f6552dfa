import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./database.ts";
import { KyselyStore } from "./kysely-store.ts";
import { migrateToLatest } from "./migrations/migrate.ts";
import type { Store } from "./store.ts";

/** The database file's name inside the data directory. */
export const SQLITE_FILE = "entente.sqlite";

/** How long a write waits for another process's write lock before failing, in milliseconds. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Open (creating it if needed) the SQLite store in `dataDir` (file `entente.sqlite`), or an
 * in-memory one for `":memory:"`. The database runs in WAL mode with `synchronous=FULL`, so a
 * save that has returned survives a crash of the process or the machine, and with foreign keys
 * on. Migrations run before the store is returned.
 */
export async function openSqliteStore(dataDir: string): Promise<Store> {
  if (typeof dataDir !== "string" || dataDir.length === 0) {
    throw new RangeError(`data directory: expected a path, got ${JSON.stringify(dataDir)}`);
  }
  let file = ":memory:";
  if (dataDir !== ":memory:") {
    const dir = resolve(dataDir);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new Error(`cannot create the data directory ${dir}: ${(e as Error).message}`);
    }
    file = join(dir, SQLITE_FILE);
  }
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file);
  } catch (e) {
    throw new Error(`cannot open the database ${file}: ${(e as Error).message}`);
  }
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db as Kysely<unknown>, "sqlite");
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyStore(db, {
    dialect: "sqlite",
    location: file,
    isUniqueViolation: (e) =>
      typeof (e as { code?: unknown })?.code === "string" &&
      /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/.test((e as { code: string }).code),
  });
}

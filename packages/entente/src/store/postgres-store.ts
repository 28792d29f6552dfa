import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "./database.ts";
import { KyselyStore } from "./kysely-store.ts";
import { migrateToLatest } from "./migrations/migrate.ts";
import type { Store } from "./store.ts";

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** A `postgres://` or `postgresql://` connection URL. */
  url: string;
  /**
   * Keep the tables in this schema (created if missing) instead of the connection's default;
   * tests use a fresh schema each. Letters, digits and `_` only.
   */
  schema?: string;
  /** Most connections in the pool (default 10). */
  maxConnections?: number;
}

/**
 * Open the PostgreSQL store at `url` and bring its schema up to date. The pool's connections
 * each run one transaction at a time; saves take the scenario's row lock, so any number of
 * servers can share one database.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const { url, schema, maxConnections = 10 } = options;
  if (typeof url !== "string" || !/^postgres(ql)?:\/\//.test(url)) {
    throw new RangeError(
      `database URL: expected postgres://… or postgresql://…, got ${describeUrl(url)}`,
    );
  }
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new RangeError(
      `schema: expected letters, digits and _ only, got ${JSON.stringify(schema)}`,
    );
  }
  if (!Number.isSafeInteger(maxConnections) || maxConnections < 1) {
    throw new RangeError(`maxConnections: expected a whole number ≥ 1, got ${maxConnections}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its connection must not crash the process.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    await migrateToLatest(db as Kysely<unknown>, "postgres");
  } catch (e) {
    await db.destroy();
    throw new Error(
      `cannot open the PostgreSQL store at ${describeUrl(url)}: ${(e as Error).message}`,
    );
  }
  return new KyselyStore(db, {
    dialect: "postgres",
    location: describeUrl(url),
    isUniqueViolation: (e) => (e as { code?: unknown })?.code === "23505",
  });
}

/** A connection URL for messages: host, port and database, never the password. */
export function describeUrl(url: unknown): string {
  if (typeof url !== "string") return JSON.stringify(url);
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "an invalid URL";
  }
}

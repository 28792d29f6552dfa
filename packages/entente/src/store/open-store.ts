import { resolveDataDir } from "./data-dir.ts";
import { openPostgresStore } from "./postgres-store.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import type { Store } from "./store.ts";

/** Where to keep the data; see {@link openStore}. */
export interface OpenStoreOptions {
  /** `--data-dir`: the SQLite store's folder. */
  dataDir?: string;
  /** The environment to read `DATABASE_URL` and `ENTENTE_DATA_DIR` from (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Open the store the user chose: PostgreSQL when `DATABASE_URL` is set, otherwise SQLite in
 * the data directory (`--data-dir`, `ENTENTE_DATA_DIR`, or `~/.entente`). Giving `--data-dir`
 * while `DATABASE_URL` is set is refused, so that data never goes somewhere unexpected.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const env = options.env ?? process.env;
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== "") {
    if (options.dataDir !== undefined) {
      throw new RangeError(
        `--data-dir ${options.dataDir} was given but DATABASE_URL is set (PostgreSQL); unset DATABASE_URL to use SQLite in that folder`,
      );
    }
    return openPostgresStore({ url });
  }
  return openSqliteStore(resolveDataDir(options.dataDir, env));
}

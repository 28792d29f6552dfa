import { openStore } from "../store/open-store.ts";
import type { Store } from "../store/store.ts";
import { CliError, EXIT } from "./io.ts";

/**
 * The store a command uses (`--data-dir`, else `DATABASE_URL`, `ENTENTE_DATA_DIR` or
 * `~/.entente`; see `openStore`), its refusals as CLI errors: bad options exit 2, a database
 * that cannot be opened 1.
 */
export async function openCliStore(dataDir: string | undefined): Promise<Store> {
  try {
    return await openStore(dataDir === undefined ? {} : { dataDir });
  } catch (e) {
    const code = e instanceof RangeError ? EXIT.invalidInput : EXIT.failure;
    throw new CliError((e as Error).message, code);
  }
}

import type { Store } from "../../../store/store.ts";
import { openCliStore } from "../../open-cli-store.ts";

/** Open the store in `dataDir` (or the environment's), run `use` on it, and always close it. */
export async function withStore(
  dataDir: string | undefined,
  use: (store: Store) => Promise<void>,
): Promise<void> {
  const store = await openCliStore(dataDir);
  try {
    await use(store);
  } finally {
    await store.close();
  }
}

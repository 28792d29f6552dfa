import { homedir } from "node:os";
import { join, resolve } from "node:path";

/** The folder under the home directory used when no data directory is given. */
export const DEFAULT_DATA_DIR_NAME = ".entente";

/**
 * Where the SQLite store lives: `--data-dir` if given, else `ENTENTE_DATA_DIR`, else
 * `~/.entente` (one store per user, whatever folder the server is started from).
 */
export function resolveDataDir(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const chosen = option ?? nonEmpty(env.ENTENTE_DATA_DIR);
  if (chosen !== undefined) {
    if (chosen.trim() === "") {
      throw new RangeError("data directory: expected a path, got an empty string");
    }
    return resolve(chosen);
  }
  return join(homedir(), DEFAULT_DATA_DIR_NAME);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

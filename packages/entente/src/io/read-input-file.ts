import { readFile } from "node:fs/promises";
import { InputError } from "./diagnostic.ts";

/**
 * Why a file the user named could not be read, in words: `expected` says what it should be (for
 * a directory), `missing` replaces "no such file" (e.g. to add what else an option takes).
 */
export function describeFsError(e: unknown, expected: string, missing = "no such file"): string {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return missing;
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return `is a directory; expected ${expected}`;
  return `cannot read: ${(e as Error).message}`;
}

/** Read a file the user named; throws {@link InputError} at file:1:1 when it cannot be read. */
export async function readInputFile(
  file: string,
  expected: string,
  missing?: string,
): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    throw new InputError([
      { file, line: 1, col: 1, path: "(file)", message: describeFsError(e, expected, missing) },
    ]);
  }
}

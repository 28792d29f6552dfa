import { decodeText } from "../io/decode-text.ts";
import { InputError } from "../io/diagnostic.ts";
import { readInputFile } from "../io/read-input-file.ts";
import { type Deu3File, isUsable, parseDeu3 } from "./deu3-parse.ts";

/** Fewest usable issues to score or calibrate on: two in each half of the split. */
export const MIN_USABLE = 4;

/**
 * Read and parse a DEU III table; throws {@link InputError} (file:line:col) for a missing or
 * unreadable file, a table that is not DEU III, a bad value, or one without a usable issue.
 */
export async function readDeu3(file: string): Promise<{ table: Deu3File; bytes: Uint8Array }> {
  const bytes = await readInputFile(file, "the DEU III table");
  const decoded = decodeText(bytes, file);
  if ("diagnostic" in decoded) throw new InputError([decoded.diagnostic]);
  const parsed = parseDeu3(decoded.text, file);
  if ("diagnostics" in parsed) throw new InputError(parsed.diagnostics);
  const usable = parsed.table.issues.filter(isUsable).length;
  if (usable < MIN_USABLE) {
    throw new InputError([
      {
        file,
        line: 1,
        col: 1,
        path: "(file)",
        message: `${usable === 0 ? "no usable issue" : `only ${usable} usable issue${usable === 1 ? "" : "s"}`}: scoring and calibrating need at least ${MIN_USABLE} (each with an outcome and at least three actors with a position and a salience)`,
      },
    ]);
  }
  return { table: parsed.table, bytes };
}

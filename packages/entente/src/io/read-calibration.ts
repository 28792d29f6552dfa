import { type Calibration, DEU3_CALIBRATION, validateCalibration } from "@entente/core";
import { decodeText } from "./decode-text.ts";
import { byPosition, InputError } from "./diagnostic.ts";
import { parseLocated } from "./parse-document.ts";
import { readInputFile } from "./read-input-file.ts";

/**
 * The calibration `--calibration` names: `none` (no model error: input uncertainty only),
 * a calibration file written by `entente calibrate`, or — when not given — the shipped DEU III
 * calibration. A bad file throws {@link InputError} located at file:line:col.
 */
export async function readCalibration(spec: string | undefined): Promise<Calibration | null> {
  if (spec === undefined || spec === "default") return DEU3_CALIBRATION;
  if (spec === "none") return null;
  const bytes = await readInputFile(
    spec,
    "a calibration file",
    'no such file; --calibration takes "none", "default" or a file written by `entente calibrate`',
  );
  return parseCalibration(bytes, spec);
}

/** Parse and validate calibration file contents (JSON); throws {@link InputError}. */
export function parseCalibration(bytes: Uint8Array, file: string): Calibration {
  const decoded = decodeText(bytes, file);
  if ("diagnostic" in decoded) throw new InputError([decoded.diagnostic]);
  const parsed = parseLocated(decoded.text, file.endsWith(".json") ? file : `${file}.json`);
  if ("diagnostics" in parsed) {
    throw new InputError(parsed.diagnostics.map((d) => ({ ...d, file })).sort(byPosition));
  }
  const result = validateCalibration(parsed.document.value);
  if (result.ok) return result.calibration;
  throw new InputError(
    result.issues
      .map((i) => ({
        file,
        ...parsed.document.locate(i.path),
        path: i.path.length > 0 ? i.path.join(".") : "(document)",
        message: i.message,
      }))
      .sort(byPosition),
  );
}

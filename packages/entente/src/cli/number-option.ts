import { CliError, EXIT } from "./io.ts";

/**
 * A numeric option's value: undefined when the option was not given, else the number, or exit 2
 * naming the flag and what was given.
 * @example numberOption("--timeout", "30") // => 30
 */
export function numberOption(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const x = raw.trim() === "" ? Number.NaN : Number(raw);
  if (!Number.isFinite(x)) {
    throw new CliError(`${flag} expects a number, got "${raw}"`, EXIT.invalidInput);
  }
  return x;
}

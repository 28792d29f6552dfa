import { Option } from "@commander-js/extra-typings";
import { isIsoDate } from "@entente/core";
import { CliError, EXIT } from "../../io.ts";

/** The `--data-dir` option's flags and help text, shared by every `entente ledger` subcommand. */
export const DATA_DIR = [
  "--data-dir <dir>",
  "folder of the SQLite store (default: $ENTENTE_DATA_DIR, else ~/.entente); $DATABASE_URL selects PostgreSQL",
] as const;

/** A fresh `-f, --format` option: table (the default) or json. */
export const formatOption = () =>
  new Option("-f, --format <format>", "output format").choices(["table", "json"]).default("table");

/** A `--date` value checked as YYYY-MM-DD (exit 2 naming `name` when not); today when absent. */
export function dateOption(value: string | undefined, name = "--date"): string {
  if (value === undefined) return new Date().toISOString().slice(0, 10);
  if (!isIsoDate(value))
    throw new CliError(`${name}: expected a date YYYY-MM-DD, got "${value}"`, EXIT.invalidInput);
  return value;
}

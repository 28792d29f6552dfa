import { LedgerInputError } from "../../../ledger/ledger-input-error.ts";
import { CliError, EXIT } from "../../io.ts";

/** Run a ledger check or append, turning its refusal into exit 2 with the field named. */
export async function ledgerCall<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof LedgerInputError) {
      throw new CliError(
        e.problems.map((p) => `${p.path}: ${p.message}`).join("\n"),
        EXIT.invalidInput,
      );
    }
    if (e instanceof RangeError) throw new CliError(e.message, EXIT.invalidInput);
    throw e;
  }
}

import { Command } from "@commander-js/extra-typings";
import type { ResolutionEntry } from "@entente/core";
import { findQuestion, prepareEntries } from "../../../ledger/prepare-entries.ts";
import { CliError, type CliIO, EXIT } from "../../io.ts";
import { ledgerCall } from "./ledger-call.ts";
import { DATA_DIR, dateOption, formatOption } from "./ledger-options.ts";
import { withStore } from "./with-store.ts";

/** `entente ledger resolve <question> <outcome>`: record what happened. */
export function ledgerResolveCommand(io: CliIO) {
  return new Command("resolve")
    .description(
      "record what happened: yes or no for a yes/no question, the issue's value for a numeric one",
    )
    .argument("<question>", "the question's id (or the part after the scenario id, when unique)")
    .argument("<outcome>", "yes, no, or a number")
    .requiredOption("--date <YYYY-MM-DD>", "when the outcome was known")
    .requiredOption("--source <text>", "where the outcome is documented")
    .option("--note <text>", "a note")
    .option(...DATA_DIR)
    .addOption(formatOption())
    .action(async (question, outcome, options) => {
      const date = dateOption(options.date, "--date");
      const value = /^(yes|true)$/i.test(outcome)
        ? true
        : /^(no|false)$/i.test(outcome)
          ? false
          : Number(outcome);
      if (typeof value === "number" && (outcome.trim() === "" || !Number.isFinite(value))) {
        throw new CliError(
          `outcome: expected yes, no or a number, got "${outcome}"`,
          EXIT.invalidInput,
        );
      }
      await withStore(options.dataDir, async (store) => {
        const [written] = await ledgerCall(() =>
          store.appendLedger((ledger) => {
            const entry: ResolutionEntry = {
              kind: "resolution",
              question: findQuestion(ledger, question),
              outcome: value,
              date,
              source: options.source,
              ...(options.note === undefined ? {} : { note: options.note }),
              created: new Date().toISOString(),
            };
            return prepareEntries(ledger, [entry]);
          }),
        );
        io.stdout(
          options.format === "json"
            ? `${JSON.stringify(written, null, 2)}\n`
            : `resolved ${written?.entry.question}: ${typeof value === "boolean" ? (value ? "yes" : "no") : value} (entry ${written?.seq}${written?.entry.supersedes ? `, supersedes ${written.entry.supersedes}` : ""})\n`,
        );
      });
    });
}

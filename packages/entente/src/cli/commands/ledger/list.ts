import { Command } from "@commander-js/extra-typings";
import { ledgerQuestions } from "@entente/core";
import { ledgerListTable } from "../../../format/ledger.ts";
import { ledgerRecords } from "../../../ledger/ledger-records.ts";
import { findQuestion } from "../../../ledger/prepare-entries.ts";
import type { CliIO } from "../../io.ts";
import { ledgerCall } from "./ledger-call.ts";
import { DATA_DIR, formatOption } from "./ledger-options.ts";
import { withStore } from "./with-store.ts";

/** `entente ledger list`: the questions with their forecasts and resolutions. */
export function ledgerListCommand(io: CliIO) {
  return new Command("list")
    .description("the questions with their forecasts and resolutions")
    .option("--question <id>", "only this question")
    .option(...DATA_DIR)
    .addOption(formatOption())
    .action(async (options) => {
      await withStore(options.dataDir, async (store) => {
        const records = ledgerRecords((await store.readLedger()).rows);
        let questions = ledgerQuestions(records);
        if (options.question !== undefined) {
          const id = await ledgerCall(() => findQuestion(records, options.question as string));
          questions = questions.filter((q) => q.question === id);
        }
        io.stdout(
          options.format === "json"
            ? `${JSON.stringify({ questions }, null, 2)}\n`
            : ledgerListTable(questions),
        );
      });
    });
}

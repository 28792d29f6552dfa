import { Command, Option } from "@commander-js/extra-typings";
import {
  FIFTY_FIFTY,
  type LedgerScores,
  referenceName,
  type ScoreGrouping,
  scoreLedger,
} from "@entente/core";
import { ledgerScoreTable } from "../../../format/ledger.ts";
import { ledgerRecords } from "../../../ledger/ledger-records.ts";
import { CliError, type CliIO, EXIT } from "../../io.ts";
import { DATA_DIR, formatOption } from "./ledger-options.ts";
import { withStore } from "./with-store.ts";

/** `entente ledger score`: score the forecasters (or models) on the resolved questions. */
export function ledgerScoreCommand(io: CliIO) {
  return new Command("score")
    .description("Brier score (Murphy decomposition), log score, skill, calibration table, CRPS")
    .addOption(
      new Option("--by <grouping>", "group by")
        .choices(["forecaster", "model"])
        .default("forecaster"),
    )
    .option(
      "--reference <forecaster>",
      'the reference for the Brier skill score: a forecaster, or "50%"',
      FIFTY_FIFTY,
    )
    .option(...DATA_DIR)
    .addOption(formatOption())
    .action(async (options) => {
      await withStore(options.dataDir, async (store) => {
        const records = ledgerRecords((await store.readLedger()).rows);
        let scores: LedgerScores;
        try {
          const reference = referenceName(options.reference);
          scores = scoreLedger(records, { by: options.by as ScoreGrouping, reference });
        } catch (e) {
          // The option's name: `reference: …` is `--reference` here.
          if (e instanceof RangeError) throw new CliError(`--${e.message}`, EXIT.invalidInput);
          throw e;
        }
        io.stdout(
          options.format === "json"
            ? `${JSON.stringify(scores, null, 2)}\n`
            : ledgerScoreTable(scores),
        );
      });
    });
}

import { Command } from "@commander-js/extra-typings";
import type { CliIO } from "../io.ts";
import { ledgerExportCommand } from "./ledger/export.ts";
import { ledgerImportCommand } from "./ledger/import.ts";
import { ledgerListCommand } from "./ledger/list.ts";
import { ledgerRecordCommand } from "./ledger/record.ts";
import { ledgerResolveCommand } from "./ledger/resolve.ts";
import { ledgerScoreCommand } from "./ledger/score.ts";
import { ledgerVerifyCommand } from "./ledger/verify.ts";

/** `entente ledger …`: the forecast ledger (record, resolve, list, score, export, import, verify). */
export function ledgerCommand(io: CliIO) {
  return new Command("ledger")
    .description(
      "the forecast ledger: record questions' probabilities, resolve them, score the forecasters; append-only and hash-chained",
    )
    .addCommand(ledgerRecordCommand(io))
    .addCommand(ledgerResolveCommand(io))
    .addCommand(ledgerListCommand(io))
    .addCommand(ledgerScoreCommand(io))
    .addCommand(ledgerExportCommand(io))
    .addCommand(ledgerImportCommand(io))
    .addCommand(ledgerVerifyCommand(io));
}

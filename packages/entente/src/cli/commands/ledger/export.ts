import { writeFile } from "node:fs/promises";
import { Command, Option } from "@commander-js/extra-typings";
import { ledgerCsv } from "../../../io/ledger-csv.ts";
import { ledgerDocument } from "../../../ledger/ledger-document.ts";
import { ledgerRecords } from "../../../ledger/ledger-records.ts";
import type { CliIO } from "../../io.ts";
import { DATA_DIR } from "./ledger-options.ts";
import { withStore } from "./with-store.ts";

/** `entente ledger export`: the whole ledger, with its hashes, as CSV or JSON. */
export function ledgerExportCommand(io: CliIO) {
  return new Command("export")
    .description("write the whole ledger (with its hashes) as CSV or JSON")
    .addOption(
      new Option("-f, --format <format>", "file format").choices(["csv", "json"]).default("json"),
    )
    .option("-o, --out <file>", "write here instead of standard output")
    .option(...DATA_DIR)
    .action(async (options) => {
      await withStore(options.dataDir, async (store) => {
        const { rows, head } = await store.readLedger();
        const records = ledgerRecords(rows);
        const text =
          options.format === "csv"
            ? ledgerCsv(records)
            : `${JSON.stringify(ledgerDocument(records, head), null, 2)}\n`;
        if (options.out) {
          await writeFile(options.out, text);
          io.stderr(`wrote ${records.length} entries to ${options.out}\n`);
        } else io.stdout(text);
      });
    });
}

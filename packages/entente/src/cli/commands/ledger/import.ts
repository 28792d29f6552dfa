import { Command } from "@commander-js/extra-typings";
import type { LedgerRecord } from "@entente/core";
import { decodeText } from "../../../io/decode-text.ts";
import { InputError } from "../../../io/diagnostic.ts";
import { readLedgerCsv } from "../../../io/ledger-csv.ts";
import { parseLocated } from "../../../io/parse-document.ts";
import { readInputFile } from "../../../io/read-input-file.ts";
import { documentEntries, renumberSupersedes } from "../../../ledger/ledger-document.ts";
import { LedgerInputError } from "../../../ledger/ledger-input-error.ts";
import { prepareEntries } from "../../../ledger/prepare-entries.ts";
import type { CliIO } from "../../io.ts";
import { DATA_DIR, formatOption } from "./ledger-options.ts";
import { withStore } from "./with-store.ts";

/** `entente ledger import <file>`: append forecasts and resolutions from a CSV or exported JSON. */
export function ledgerImportCommand(io: CliIO) {
  return new Command("import")
    .description(
      "append forecasts and resolutions made elsewhere: a CSV (columns as `ledger export --format csv`) or an exported JSON ledger",
    )
    .argument("<file>", "CSV or JSON file")
    .option("--new-questions", "let CSV rows forecast questions not yet in the ledger")
    .option(...DATA_DIR)
    .addOption(formatOption())
    .action(async (file, options) => {
      const bytes = await readInputFile(file, "a ledger CSV or JSON file", "no such file");
      const decoded = decodeText(bytes, file);
      if ("diagnostic" in decoded) throw new InputError([decoded.diagnostic]);
      const now = new Date().toISOString();
      let read: ReturnType<typeof readLedgerCsv>;
      if (/^\s*\{/.test(decoded.text)) {
        const parsed = parseLocated(decoded.text, `${file}.json`);
        if ("diagnostics" in parsed)
          throw new InputError(parsed.diagnostics.map((d) => ({ ...d, file })));
        const doc = documentEntries(parsed.document.value);
        if (!doc.ok) {
          throw new InputError([
            {
              file,
              ...parsed.document.locate(doc.path),
              path: doc.path.join("."),
              message: doc.message,
            },
          ]);
        }
        read = { ok: true, rows: { entries: doc.entries, seqs: doc.seqs } };
      } else read = readLedgerCsv(decoded.text, file, now);
      if (!read.ok) throw new InputError(read.diagnostics);
      const { entries, seqs, lines } = read.rows;
      const csv = lines !== undefined;
      if (entries.length === 0) {
        throw new InputError([
          {
            file,
            line: 1,
            col: 1,
            path: "(file)",
            message: "no forecasts or resolutions to import",
          },
        ]);
      }
      await withStore(options.dataDir, async (store) => {
        let written: LedgerRecord[];
        try {
          written = await store.appendLedger((ledger) => {
            const last = ledger.length > 0 ? (ledger[ledger.length - 1]?.seq as number) : 0;
            // A CSV row may not start a question (a typo must not); an exported ledger may.
            return prepareEntries(ledger, renumberSupersedes(entries, seqs, last), {
              newQuestions: !csv || options.newQuestions === true,
            });
          });
        } catch (e) {
          if (!(e instanceof LedgerInputError)) throw e;
          throw new InputError(
            e.problems.map((p) => ({
              file,
              line: lines?.[p.entry] ?? 1,
              col: 1,
              path: csv
                ? `row ${lines?.[p.entry]} ${p.path}`
                : `records[${p.entry}].entry.${p.path}`,
              message: p.message,
            })),
          );
        }
        io.stdout(
          options.format === "json"
            ? `${JSON.stringify({ imported: written }, null, 2)}\n`
            : `imported ${written.length} entries from ${file} (entries ${written[0]?.seq}–${written[written.length - 1]?.seq})\n`,
        );
      });
    });
}

import { writeFile } from "node:fs/promises";
import { Command, Option } from "@commander-js/extra-typings";
import {
  FIFTY_FIFTY,
  isIsoDate,
  type LedgerRecord,
  type LedgerScores,
  ledgerQuestions,
  type ResolutionEntry,
  referenceName,
  type ScoreGrouping,
  scoreLedger,
} from "@entente/core";
import { ledgerListTable, ledgerScoreTable, verificationText } from "../../format/ledger.ts";
import { decodeText } from "../../io/decode-text.ts";
import { InputError } from "../../io/diagnostic.ts";
import { ledgerCsv, readLedgerCsv } from "../../io/ledger-csv.ts";
import { parseLocated } from "../../io/parse-document.ts";
import { readCalibration } from "../../io/read-calibration.ts";
import { readInputFile } from "../../io/read-input-file.ts";
import { readScenario } from "../../io/read-scenario.ts";
import {
  documentEntries,
  ledgerDocument,
  renumberSupersedes,
} from "../../ledger/ledger-document.ts";
import { LedgerInputError } from "../../ledger/ledger-input-error.ts";
import { ledgerRecords } from "../../ledger/ledger-records.ts";
import { findQuestion, prepareEntries } from "../../ledger/prepare-entries.ts";
import { recordScenario } from "../../ledger/record-scenario.ts";
import { verifyLedger } from "../../ledger/verify-ledger.ts";
import { closeSimulationPools, defaultWorkers } from "../../pool/run-simulation.ts";
import type { Store } from "../../store/store.ts";
import { shippedScenario } from "../default-scenario.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";
import { openCliStore } from "../open-cli-store.ts";
import { progressBar } from "../progress.ts";
import { DEFAULT_MODELS, modelIds, wholeAtLeast } from "./simulation-options.ts";

const DATA_DIR = [
  "--data-dir <dir>",
  "folder of the SQLite store (default: $ENTENTE_DATA_DIR, else ~/.entente); $DATABASE_URL selects PostgreSQL",
] as const;
const formatOption = () =>
  new Option("-f, --format <format>", "output format").choices(["table", "json"]).default("table");

/** `entente ledger …`: the forecast ledger (record, resolve, list, score, export, import, verify). */
export function ledgerCommand(io: CliIO) {
  const ledger = new Command("ledger").description(
    "the forecast ledger: record questions' probabilities, resolve them, score the forecasters; append-only and hash-chained",
  );
  ledger
    .command("record")
    .description(
      "simulate a scenario and record every question's probability per model, the sources' stated figures, and each issue's predictive distribution",
    )
    .argument("[scenario]", "scenario file; default: the built-in Budapest 2025")
    .option("--questions <ids>", "only these question or issue ids (comma-separated)")
    .option("--models <ids>", `comma-separated model ids (default: ${DEFAULT_MODELS.join(",")})`)
    .option("-n, --samples <n>", "Monte Carlo samples", wholeAtLeast("--samples", 1), 10_000)
    .option("--seed <n>", "random seed (whole number ≥ 0)", wholeAtLeast("--seed", 0), 42)
    .option(
      "--calibration <file>",
      '"default", "none" or a file from `entente calibrate`',
      "default",
    )
    .option("--no-agreement", "do not check phases for agreement")
    .option("--date <YYYY-MM-DD>", "the day the forecasts speak for (default: today)")
    .option("-w, --workers <n>", "worker threads (default: cores)", wholeAtLeast("--workers", 0))
    .option(...DATA_DIR)
    .addOption(formatOption())
    .action(async (file, options) => {
      const loaded = await readScenario(file ?? shippedScenario());
      const models = modelIds(options.models);
      const { samples, seed } = options;
      const date = dateOption(options.date);
      const workers = options.workers ?? defaultWorkers();
      const calibration = await readCalibration(options.calibration);
      await withStore(options.dataDir, async (store) => {
        const bar = progressBar(`simulating ${samples} samples`);
        let records: Awaited<ReturnType<typeof recordScenario>>;
        try {
          records = await recordScenario(store, {
            scenario: loaded.scenario,
            samples,
            seed,
            models,
            calibration,
            agreement: options.agreement,
            date,
            ...(options.questions
              ? { only: options.questions.split(",").map((s) => s.trim()) }
              : {}),
            workers,
            onProgress: bar.update,
          });
        } catch (e) {
          if (e instanceof RangeError) throw new CliError(e.message, EXIT.invalidInput);
          throw e;
        } finally {
          bar.stop();
          await closeSimulationPools();
        }
        if (options.format === "json")
          io.stdout(`${JSON.stringify({ recorded: records }, null, 2)}\n`);
        else {
          const questions = new Set(records.map((r) => r.entry.question));
          io.stdout(
            `recorded ${records.length} forecasts on ${questions.size} questions of ${loaded.scenario.id} as of ${date} (entries ${records[0]?.seq}–${records[records.length - 1]?.seq}; head ${records[records.length - 1]?.hash})\n`,
          );
        }
      });
    });
  ledger
    .command("resolve")
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
  ledger
    .command("list")
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
  ledger
    .command("score")
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
  ledger
    .command("export")
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
  ledger
    .command("import")
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
  ledger
    .command("verify")
    .description(
      "check the hash chain; names the first edited, deleted or reordered entry (exit 1 when broken)",
    )
    .option(
      "--head <hash>",
      "also check that the chain passes through this head hash, written down earlier",
    )
    .option(...DATA_DIR)
    .addOption(formatOption())
    .action(async (options) => {
      await withStore(options.dataDir, async (store) => {
        const { rows, head } = await store.readLedger();
        const v = verifyLedger(rows, head, options.head);
        io.stdout(
          options.format === "json" ? `${JSON.stringify(v, null, 2)}\n` : verificationText(v),
        );
        if (!v.ok)
          throw new CliError(
            `the ledger's chain is broken at entry ${v.broken?.seq}`,
            EXIT.failure,
          );
      });
    });
  return ledger;
}

async function withStore(
  dataDir: string | undefined,
  use: (store: Store) => Promise<void>,
): Promise<void> {
  const store = await openCliStore(dataDir);
  try {
    await use(store);
  } finally {
    await store.close();
  }
}

/** Run a ledger check or append, turning its refusal into exit 2 with the field named. */
async function ledgerCall<T>(f: () => T | Promise<T>): Promise<T> {
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

function dateOption(value: string | undefined, name = "--date"): string {
  if (value === undefined) return new Date().toISOString().slice(0, 10);
  if (!isIsoDate(value))
    throw new CliError(`${name}: expected a date YYYY-MM-DD, got "${value}"`, EXIT.invalidInput);
  return value;
}

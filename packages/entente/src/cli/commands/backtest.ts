import { readFile } from "node:fs/promises";
import { Command, Option } from "@commander-js/extra-typings";
import { getModel, models as registered } from "@entente/core";
import { DEU3_CAPABILITIES } from "../../backtest/deu3-capability.ts";
import { isUsable, parseDeu3 } from "../../backtest/deu3-parse.ts";
import { type BacktestResult, runDeu3Backtest } from "../../backtest/run-backtest.ts";
import { decodeText } from "../../io/decode-text.ts";
import { InputError } from "../../io/diagnostic.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";

/** `entente backtest deu3 <file>`: every model against real EU decisions with known outcomes. */
export function backtestCommand(io: CliIO) {
  const backtest = new Command("backtest").description(
    "score the models against decisions with known outcomes",
  );
  backtest.addCommand(
    new Command("deu3")
      .description(
        "DEU III (Arregui & Perarnaud 2022): EU legislative issues with known outcomes; prints n, mean and median absolute error per model",
      )
      .argument("<file>", "the DEU III table (tab-separated, as distributed with the dataset)")
      .addOption(
        new Option("--capability <mode>", "how actors' capabilities are set")
          .choices(DEU3_CAPABILITIES)
          .default("equal"),
      )
      .option("--models <ids>", "comma-separated model ids (default: every model)")
      .option("--per-issue", "include each issue's forecasts (json)")
      .addOption(
        new Option("-f, --format <format>", "output format")
          .choices(["table", "json"])
          .default("table"),
      )
      .action(async (file, options) => {
        const models = options.models
          ? options.models.split(",").map((id) => {
              try {
                return getModel(id.trim());
              } catch (e) {
                throw new CliError((e as Error).message, EXIT.invalidInput);
              }
            })
          : registered;
        let bytes: Uint8Array;
        try {
          bytes = await readFile(file);
        } catch (e) {
          const code = (e as { code?: string }).code;
          const message =
            code === "ENOENT" ? "no such file" : `cannot read: ${(e as Error).message}`;
          throw new InputError([{ file, line: 1, col: 1, path: "(file)", message }]);
        }
        const decoded = decodeText(bytes, file);
        if ("diagnostic" in decoded) throw new InputError([decoded.diagnostic]);
        const parsed = parseDeu3(decoded.text, file);
        if ("diagnostics" in parsed) throw new InputError(parsed.diagnostics);
        if (!parsed.table.issues.some(isUsable)) {
          throw new InputError([
            {
              file,
              line: 1,
              col: 1,
              path: "(file)",
              message:
                "no usable issue: every issue needs an outcome and at least three actors with a position and a salience",
            },
          ]);
        }
        const result = runDeu3Backtest(parsed.table, models, {
          capability: options.capability,
          dataset: file,
          perIssue: options.perIssue === true,
        });
        io.stdout(
          options.format === "json"
            ? `${JSON.stringify(result, null, 2)}\n`
            : backtestTable(result),
        );
      }),
  );
  return backtest;
}

function backtestTable(result: BacktestResult): string {
  const rows = result.models.map((m) => [
    m.label,
    String(m.n),
    m.mae.toFixed(2),
    m.medianAE.toFixed(2),
    String(m.heldOut.n),
    m.heldOut.mae.toFixed(2),
    m.skipped ? `${m.skipped} skipped (inputs missing)` : "",
  ]);
  const header = ["model", "n", "MAE", "median AE", "held-out n", "held-out MAE", ""];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === 0 || i === 6 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number),
      )
      .join("  ")
      .trimEnd();
  return `${[
    `DEU III backtest: ${result.usable} usable issues (outcome and ≥ 3 actors), capability ${result.capability}, 0–100 scale`,
    "",
    line(header),
    ...rows.map(line),
    "",
    `Split: ${result.split}.`,
  ].join("\n")}\n`;
}

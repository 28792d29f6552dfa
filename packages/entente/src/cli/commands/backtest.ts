import { Command, Option } from "@commander-js/extra-typings";
import { getModel, models as registered } from "@entente/core";
import { DEU3_CAPABILITIES } from "../../backtest/deu3-capability.ts";
import peerSplit from "../../backtest/peer-test-split.json" with { type: "json" };
import { readDeu3 } from "../../backtest/read-deu3.ts";
import { type BacktestResult, runDeu3Backtest } from "../../backtest/run-backtest.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";
import { atomsOption, methodFromOptions, scaleOption } from "./calibration-options.ts";

/** `entente backtest deu3 <file>`: every model against real EU decisions with known outcomes. */
export function backtestCommand(io: CliIO) {
  const backtest = new Command("backtest").description(
    "score the models against decisions with known outcomes",
  );
  backtest.addCommand(
    new Command("deu3")
      .description(
        "DEU III (Arregui & Perarnaud 2022): EU legislative issues with known outcomes; per model, absolute errors and the calibrated predictive distribution's coverage, width, CRPS and PIT, held out and cross-fitted, beside the one-quantile baseline",
      )
      .argument("<file>", "the DEU III table (tab-separated, as distributed with the dataset)")
      .addOption(
        new Option("--capability <mode>", "how actors' capabilities are set")
          .choices(DEU3_CAPABILITIES)
          .default("equal"),
      )
      .option("--models <ids>", "comma-separated model ids (default: every model)")
      .addOption(
        new Option(
          "--split <split>",
          "held-out issues: odd positions, or the peer project's 106-issue TEST split",
        )
          .choices(["odd", "peer-test"])
          .default("odd"),
      )
      .addOption(atomsOption())
      .addOption(scaleOption())
      .option("--seed <n>", "seed of the 10 cross-fitting folds", "42")
      .option(
        "--per-issue",
        "include each issue's forecasts and cross-fitted 80 % intervals (json)",
      )
      .addOption(
        new Option("-f, --format <format>", "output format")
          .choices(["table", "json"])
          .default("table"),
      )
      .action(async (file, options) => {
        if (options.models !== undefined && options.models.trim() === "") {
          throw new CliError("--models: expected comma-separated model ids", EXIT.invalidInput);
        }
        const models = options.models
          ? [...new Set(options.models.split(",").map((id) => id.trim()))].map((id) => {
              try {
                return getModel(id.trim());
              } catch (e) {
                throw new CliError((e as Error).message, EXIT.invalidInput);
              }
            })
          : registered;
        const seed = Number(options.seed);
        if (!Number.isSafeInteger(seed) || seed < 0) {
          throw new CliError(
            `--seed: expected a whole number ≥ 0, got "${options.seed}"`,
            EXIT.invalidInput,
          );
        }
        const method = methodFromOptions(options);
        const { table } = await readDeu3(file);
        const result = runDeu3Backtest(table, models, {
          capability: options.capability,
          dataset: file,
          perIssue: options.perIssue === true,
          split: options.split as "odd" | "peer-test",
          peerTest: peerSplit.test,
          method,
          seed,
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

const pct = (x: number) => (x * 100).toFixed(1);

function backtestTable(result: BacktestResult): string {
  const pointRows = result.models.map((m) => [
    m.label,
    String(m.n),
    m.mae.toFixed(2),
    m.medianAE.toFixed(2),
    String(m.heldOut.n),
    m.heldOut.mae.toFixed(2),
    m.skipped ? `${m.skipped} skipped (inputs missing)` : "",
  ]);
  const probRows = result.models.flatMap((m) =>
    (
      [
        ["cross-fitted", m.crossFitted, m.baseline.crossFitted],
        ["held out", m.heldOut, m.baseline.heldOut],
      ] as const
    ).map(([what, s, b]) => [
      `${m.label}, ${what}`,
      String(s.n),
      `${pct(s.coverage["50"])} / ${pct(s.coverage["80"])} / ${pct(s.coverage["95"])}`,
      s.width["80"].toFixed(1),
      s.crps.toFixed(2),
      b.crps.toFixed(2),
      `${pct(b.coverage["80"])}`,
      b.width["80"].toFixed(1),
    ]),
  );
  return `${[
    `DEU III backtest: ${result.usable} usable issues (outcome and ≥ 3 actors), capability ${result.capability}, 0–100 scale`,
    "",
    ...table(
      ["model", "n", "MAE", "median AE", "held-out n", "held-out MAE", ""],
      pointRows,
      [0, 6],
    ),
    "",
    "Calibrated predictive distributions (coverage of the 50 / 80 / 95 % intervals, 80 % width, CRPS) beside the baseline (one global error quantile around the same forecast):",
    "",
    ...table(
      ["model", "n", "coverage %", "80 % width", "CRPS", "base CRPS", "base 80 %", "base width"],
      probRows,
      [0],
    ),
    "",
    `Split: ${result.split}.`,
    `Calibration: ${result.calibration}.`,
  ].join("\n")}\n`;
}

/** Rows padded to aligned columns; `left` lists the left-aligned columns. */
function table(header: string[], rows: string[][], left: number[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        left.includes(i) ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number),
      )
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

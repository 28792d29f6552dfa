import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { Command, Option } from "@commander-js/extra-typings";
import { isIsoDate } from "@entente/core";
import { calibrateDeu3 } from "../../backtest/deu3-calibration.ts";
import { DEU3_CAPABILITIES } from "../../backtest/deu3-capability.ts";
import { readDeu3 } from "../../backtest/read-deu3.ts";
import { InputError } from "../../io/diagnostic.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";
import { atomsOption, methodFromOptions, scaleOption } from "./calibration-options.ts";
import { modelsOrAll } from "./simulation-options.ts";

/** `entente calibrate deu3 <file>`: refit the models' error laws on real outcomes. */
export function calibrateCommand(io: CliIO) {
  const calibrate = new Command("calibrate").description(
    "learn each model's error from decisions with known outcomes, for calibrated probabilities",
  );
  calibrate.addCommand(
    new Command("deu3")
      .description(
        "fit on DEU III's training half (even positions among usable issues; the odd half stays held out) and write a calibration file",
      )
      .argument("<file>", "the DEU III table (tab-separated, as distributed with the dataset)")
      .option("-o, --out <file>", "write the calibration here (default: print it)")
      .option("--force", "overwrite --out if it exists")
      .option("--date <YYYY-MM-DD>", "date recorded in the provenance (default: today)")
      .option("--models <ids>", "comma-separated model ids (default: every model)")
      .addOption(
        new Option("--capability <mode>", "how actors' capabilities are set")
          .choices(DEU3_CAPABILITIES)
          .default("equal"),
      )
      .addOption(atomsOption())
      .addOption(scaleOption())
      .action(async (file, options) => {
        const date = options.date ?? new Date().toISOString().slice(0, 10);
        if (!isIsoDate(date)) {
          throw new CliError(
            `--date: expected a calendar date written YYYY-MM-DD, got "${date}"`,
            EXIT.invalidInput,
          );
        }
        const { table, bytes } = await readDeu3(file);
        const models = modelsOrAll(options.models);
        const calibration = calibrateDeu3(table, models, {
          source: {
            file: basename(file),
            sha256: createHash("sha256").update(bytes).digest("hex"),
          },
          capability: options.capability,
          method: methodFromOptions(options),
          date,
        });
        if (Object.keys(calibration.models).length === 0) {
          throw new InputError([
            {
              file,
              line: 1,
              col: 1,
              path: "(file)",
              message:
                "no model could be fitted: each needs at least 2 decisions it can forecast in the training half",
            },
          ]);
        }
        const text = `${JSON.stringify(calibration, null, 2)}\n`;
        if (!options.out) {
          io.stdout(text);
          return;
        }
        try {
          await writeFile(options.out, text, { flag: options.force ? "w" : "wx" });
        } catch (e) {
          if ((e as { code?: string }).code === "EEXIST") {
            throw new CliError(
              `${options.out} exists; add --force to overwrite it`,
              EXIT.invalidInput,
            );
          }
          throw new CliError(`cannot write ${options.out}: ${(e as Error).message}`, EXIT.failure);
        }
        io.stderr(
          `wrote the calibration of ${Object.keys(calibration.models).length} models to ${options.out}\n`,
        );
      }),
  );
  return calibrate;
}

import { Command } from "@commander-js/extra-typings";
import { defaultSimulationModels } from "@entente/core";
import { readCalibration } from "../../../io/read-calibration.ts";
import { readScenario } from "../../../io/read-scenario.ts";
import { recordScenario } from "../../../ledger/record-scenario.ts";
import { closeSimulationPools, defaultWorkers } from "../../../pool/run-simulation.ts";
import { shippedScenario } from "../../default-scenario.ts";
import { CliError, type CliIO, EXIT } from "../../io.ts";
import { progressBar } from "../../progress.ts";
import { modelIds, wholeAtLeast } from "../simulation-options.ts";
import { DATA_DIR, dateOption, formatOption } from "./ledger-options.ts";
import { withStore } from "./with-store.ts";

/** `entente ledger record [scenario]`: simulate and record every question's forecasts. */
export function ledgerRecordCommand(io: CliIO) {
  return new Command("record")
    .description(
      "simulate a scenario and record every question's probability per model, the sources' stated figures, and each issue's predictive distribution",
    )
    .argument("[scenario]", "scenario file; default: the built-in Budapest 2025")
    .option("--questions <ids>", "only these question or issue ids (comma-separated)")
    .option(
      "--models <ids>",
      `comma-separated model ids (default: ${defaultSimulationModels().join(",")})`,
    )
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
}

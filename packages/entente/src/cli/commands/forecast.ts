import { Command, Option } from "@commander-js/extra-typings";
import { type ModelSteps, phaseData } from "@entente/core";
import {
  FORECAST_FORMATS,
  FORECAST_ONLY,
  forecastDocument,
  formatForecast,
} from "../../format/forecast.ts";
import { readCalibration } from "../../io/read-calibration.ts";
import { readScenario } from "../../io/read-scenario.ts";
import { runModels } from "../../pool/run-models.ts";
import { closeSimulationPools, defaultWorkers } from "../../pool/run-simulation.ts";
import { shippedScenario } from "../default-scenario.ts";
import type { CliIO } from "../io.ts";
import { progressBar } from "../progress.ts";
import { modelsOrAll, wholeAtLeast } from "./simulation-options.ts";

/** Actors × issues from which `forecast` runs its models on worker threads by default. */
const LARGE_SCENARIO = 400;

/** `entente forecast [scenario]`: every model's point forecast per issue. */
export function forecastCommand(io: CliIO) {
  return new Command("forecast")
    .description("forecast where each issue lands, with every model side by side")
    .argument("[scenario]", "scenario file (YAML or JSON); default: the built-in Budapest 2025")
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(FORECAST_FORMATS)
        .default("table"),
    )
    .option(
      "--no-phases",
      "forecast every issue with every actor at once, ignoring the scenario's phases",
    )
    .option(
      "--calibration <file>",
      'models\' error laws for the 80 % ranges: "default" (fitted on DEU III, shipped), "none", or a file from `entente calibrate`',
      "default",
    )
    .option("--no-agreement", "do not check phases for agreement (every phase settles)")
    .option("--models <ids>", "comma-separated model ids (default: every model)")
    .option(
      "-w, --workers <n>",
      "worker threads running the models side by side (0 = this thread); default: cores for large scenarios",
      wholeAtLeast("--workers", 0),
    )
    .action(async (file, options) => {
      const loaded = await readScenario(file ?? shippedScenario());
      const calibration = await readCalibration(options.calibration);
      const models = modelsOrAll(options.models);
      const { data, scenario } = loaded;
      const phases = options.phases ? phaseData(scenario.phases, data) : [];
      // Small scenarios take less time than starting a worker thread.
      const large = data.actors.length * data.issues.length >= LARGE_SCENARIO;
      const workers = options.workers ?? (large ? defaultWorkers() : 0);
      const bar = progressBar("forecasting", "models");
      let latest: [number, number, string[]] = [0, models.length, []];
      const show = () =>
        bar.update(
          latest[0],
          latest[1],
          latest[2].length > 0 ? `running ${latest[2].join(", ")}` : "",
        );
      const timer = setInterval(show, 250);
      let runs: ModelSteps[];
      try {
        runs = await runModels(data, phases, models, {
          workers,
          options: Object.fromEntries(models.map((m) => [m.id, FORECAST_ONLY])),
          onProgress: (done, total, running) => {
            latest = [done, total, running];
            show();
          },
        });
      } finally {
        clearInterval(timer);
        bar.stop();
        await closeSimulationPools();
      }
      const doc = forecastDocument(scenario, data, {
        phases: options.phases,
        calibration,
        agreement: options.agreement,
        runs,
        models,
      });
      io.stdout(formatForecast(doc, options.format, scenario));
    });
}

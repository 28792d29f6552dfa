import { Command, Option } from "@commander-js/extra-typings";
import { FORECAST_FORMATS, forecastDocument, formatForecast } from "../../format/forecast.ts";
import { readCalibration } from "../../io/read-calibration.ts";
import { readScenario } from "../../io/read-scenario.ts";
import { shippedScenario } from "../default-scenario.ts";
import type { CliIO } from "../io.ts";

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
    .action(async (file, options) => {
      const loaded = await readScenario(file ?? shippedScenario());
      const doc = forecastDocument(loaded.scenario, loaded.data, {
        phases: options.phases,
        calibration: await readCalibration(options.calibration),
        agreement: options.agreement,
      });
      io.stdout(formatForecast(doc, options.format, loaded.scenario));
    });
}

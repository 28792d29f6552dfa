import { Command, Option } from "@commander-js/extra-typings";
import { forecastScenario, phaseData } from "@entente/core";
import { FORECAST_FORMATS, formatForecast } from "../../format/forecast.ts";
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
    .action(async (file, options) => {
      const loaded = await readScenario(file ?? shippedScenario());
      const phases = options.phases ? phaseData(loaded.scenario.phases, loaded.data) : [];
      const table = forecastScenario(loaded.data, undefined, undefined, phases);
      io.stdout(formatForecast(table, options.format));
    });
}

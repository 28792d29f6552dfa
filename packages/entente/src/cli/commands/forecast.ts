import { Command, Option } from "@commander-js/extra-typings";
import { forecastScenario } from "@entente/core";
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
    .action(async (file, options) => {
      const loaded = await readScenario(file ?? shippedScenario());
      io.stdout(formatForecast(forecastScenario(loaded.data), options.format));
    });
}

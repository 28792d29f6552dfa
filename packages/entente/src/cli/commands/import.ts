import { dirname, resolve } from "node:path";
import { Command, Option } from "@commander-js/extra-typings";
import { isIsoDate } from "@entente/core";
import { IMPORT_FORMATS } from "../../io/import/common.ts";
import { SALIENCE_SCALES } from "../../io/import/eum-table.ts";
import { importFile, scenarioYaml } from "../../io/import/import-scenario.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";
import { numberOption } from "../number-option.ts";
import { checkOutput, schemaRef, writeOutput } from "../output-file.ts";

/** `entente import <file>`: convert a KTAB CSV/XML file, an EUM table or a decide file into a scenario. */
export function importCommand(io: CliIO) {
  return new Command("import")
    .description(
      "convert a KTAB CSV or XML file, an expected-utility-model table or a decide exchange-model file into a scenario (YAML)",
    )
    .argument(
      "<file>",
      "input file: KTAB CSV, KTAB XML, an EUM table (CSV or TSV), or a decide file ('#A', '#P', '#M', '#D' lines)",
    )
    .option("-o, --output <file>", "write the scenario to this file (default: stdout)")
    .option("--force", "replace the output file if it exists")
    .addOption(
      new Option(
        "--from <format>",
        "input format (default: detected from the name and contents)",
      ).choices(IMPORT_FORMATS),
    )
    .option(
      "--scale-min <x>",
      "EUM tables: low end of the issue's scale (default: lowest position)",
    )
    .option(
      "--scale-max <x>",
      "EUM tables: high end of the issue's scale (default: highest position)",
    )
    .addOption(
      new Option(
        "--salience-scale <scale>",
        "EUM tables: salience written on 0-1 or 0-100 (auto: 0-1 when every salience ≤ 1)",
      )
        .choices(SALIENCE_SCALES)
        .default("auto" as const),
    )
    .option("--as-of <date>", "the scenario's date, YYYY-MM-DD (default: today)")
    .action(async (file, options) => {
      const scaleMin = numberOption("--scale-min", options.scaleMin);
      const scaleMax = numberOption("--scale-max", options.scaleMax);
      if (scaleMin !== undefined && scaleMax !== undefined && !(scaleMin < scaleMax)) {
        throw new CliError(
          `--scale-max (${scaleMax}) must be greater than --scale-min (${scaleMin})`,
          EXIT.invalidInput,
        );
      }
      if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
        throw new CliError(
          `--as-of expects a date written YYYY-MM-DD, got "${options.asOf}"`,
          EXIT.invalidInput,
        );
      }
      const output = options.output;
      if (output !== undefined) await checkOutput(output, file, options.force === true);

      const { format, scenario } = await importFile(file, {
        from: options.from,
        scaleMin,
        scaleMax,
        salienceScale: options.salienceScale,
        asOf: options.asOf,
      });
      const yaml = scenarioYaml(scenario, {
        file,
        format,
        schemaRef: schemaRef(output === undefined ? process.cwd() : dirname(resolve(output))),
      });
      if (output === undefined) {
        io.stdout(yaml);
        return;
      }
      await writeOutput(output, yaml, options.force === true);
      const n = (k: number, what: string) => `${k} ${what}${k === 1 ? "" : "s"}`;
      io.stdout(
        `${output}: wrote ${n(scenario.actors.length, "actor")}, ${n(scenario.issues.length, "issue")}, ${n(scenario.stances.length, "stance")} from ${file} (${format})\n`,
      );
    });
}

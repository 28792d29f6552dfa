import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, Option } from "@commander-js/extra-typings";
import { IMPORT_FORMATS } from "../../io/import/common.ts";
import { SALIENCE_SCALES } from "../../io/import/eum-table.ts";
import { importFile, scenarioYaml } from "../../io/import/import-scenario.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";

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
      const number = (flag: string, raw: string | undefined) => {
        if (raw === undefined) return undefined;
        const x = raw.trim() === "" ? Number.NaN : Number(raw);
        if (!Number.isFinite(x)) {
          throw new CliError(`${flag} expects a number, got "${raw}"`, EXIT.invalidInput);
        }
        return x;
      };
      const scaleMin = number("--scale-min", options.scaleMin);
      const scaleMax = number("--scale-max", options.scaleMax);
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

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Refuse an output that is the input itself, a directory, or (without --force) any existing file. */
async function checkOutput(output: string, input: string, force: boolean): Promise<void> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  if ((await real(output)) === (await real(input))) {
    throw new CliError(
      `refusing to write the scenario over its input file ${input}; choose another -o`,
      EXIT.invalidInput,
    );
  }
  const info = await stat(output).catch(() => undefined);
  if (info?.isDirectory()) {
    throw new CliError(`${output} is a directory; give -o a file name`, EXIT.invalidInput);
  }
  if (info && !force) {
    throw new CliError(
      `${output} already exists; use --force to replace it (nothing was written)`,
      EXIT.invalidInput,
    );
  }
}

/**
 * Write the scenario. Without --force the file is created exclusively (an existing file is
 * never touched, even one that appeared since the check); with --force it is written to a
 * temporary file beside it and renamed over it, so the old file is replaced whole or not at all.
 */
async function writeOutput(output: string, text: string, force: boolean): Promise<void> {
  const fail = (e: unknown): never => {
    const code = (e as { code?: string }).code;
    if (code === "EEXIST") {
      throw new CliError(
        `${output} already exists; use --force to replace it (nothing was written)`,
        EXIT.invalidInput,
      );
    }
    const reason =
      code === "ENOENT"
        ? "no such directory"
        : code === "EACCES"
          ? "permission denied"
          : (e as Error).message;
    throw new CliError(`cannot write ${output}: ${reason}`, EXIT.failure);
  };
  if (!force) {
    await writeFile(output, text, { flag: "wx" }).catch(fail);
    return;
  }
  const temp = join(
    dirname(output),
    `.${basename(output)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    await writeFile(temp, text, { flag: "wx" });
    await rename(temp, output);
  } catch (e) {
    await rm(temp, { force: true });
    fail(e);
  }
}

/**
 * The `$schema` reference for a scenario written in `dir`: the path from there to the checkout's
 * `scenario.schema.json`, or its bare name when the CLI runs outside a checkout.
 */
function schemaRef(dir: string): string {
  const schema = fileURLToPath(new URL("../../../../../scenario.schema.json", import.meta.url));
  if (!existsSync(schema)) return "scenario.schema.json";
  const rel = relative(dir, schema);
  return rel.split(sep).join("/");
}

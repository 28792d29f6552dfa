import { Command, Option } from "@commander-js/extra-typings";
import { getModel, ModelInputError, type RunOptions, resolveParams } from "@entente/core";
import { formatRun, RUN_FORMATS, runDocument } from "../../format/run.ts";
import { readScenario } from "../../io/read-scenario.ts";
import { shippedScenario } from "../default-scenario.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";

/** `entente run [scenario] --model <id>`: one model, every issue, every round. */
export function runCommand(io: CliIO) {
  return new Command("run")
    .description("run one model on a scenario and print the forecast and each round's positions")
    .argument("[scenario]", "scenario file (YAML or JSON); default: the built-in Budapest 2025")
    .requiredOption("-m, --model <id>", "model id (see `entente models`)")
    .option("--preset <name>", "named parameter preset of the model")
    .option("--rounds <n>", "number of rounds (dynamic models)")
    .option(
      "-p, --param <key=value>",
      "model parameter (repeatable)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .addOption(
      new Option("-f, --format <format>", "output format").choices(RUN_FORMATS).default("json"),
    )
    .action(async (file, options) => {
      const model = lookup(options.model);
      const params: Record<string, string> = {};
      for (const pair of options.param) {
        const eq = pair.indexOf("=");
        if (eq <= 0) {
          throw new CliError(`--param expects key=value, got "${pair}"`, EXIT.invalidInput);
        }
        params[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      if (options.rounds !== undefined) {
        if (!model.params.some((p) => p.name === "rounds")) {
          throw new CliError(
            `model "${model.id}" has no rounds; it is not dynamic`,
            EXIT.invalidInput,
          );
        }
        params.rounds = options.rounds;
      }
      const runOptions: RunOptions = {
        ...(options.preset === undefined ? {} : { preset: options.preset }),
        params,
      };
      const loaded = await readScenario(file ?? shippedScenario());
      try {
        const resolved = resolveParams(model, runOptions);
        const result = model.run(loaded.data, runOptions);
        const doc = runDocument(loaded.data, result, { ...resolved }, options.preset);
        io.stdout(formatRun(doc, loaded.data, options.format));
      } catch (e) {
        if (e instanceof RangeError || e instanceof ModelInputError) {
          throw new CliError(e.message, EXIT.invalidInput);
        }
        throw e;
      }
    });
}

function lookup(id: string) {
  try {
    return getModel(id);
  } catch (e) {
    throw new CliError((e as Error).message, EXIT.invalidInput);
  }
}

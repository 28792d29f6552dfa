/**
 * `entente merge`: the part files of a sharded simulation merged into exactly the result of one
 * run.
 * @module
 */
import { Command, Option } from "@commander-js/extra-typings";
import {
  mergeSummaries,
  missingShards,
  type SimulationPlan,
  type SimulationSummary,
  shardCount,
} from "@entente/core";
import { simulationDocument } from "../../format/simulation.ts";
import { InputError } from "../../io/diagnostic.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";
import { renderSimulation } from "./render-simulation.ts";
import { type PartFile, readSimulationPart } from "./simulation-part.ts";

/** `entente merge <parts…>`: merge part files into exactly the result of one run. */
export function mergeCommand(io: CliIO) {
  return new Command("merge")
    .description("merge the part files of `entente simulate --shard i/N --out …` into one result")
    .argument("<parts...>", "part files")
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["table", "json"])
        .default("json"),
    )
    .action(async (files, options) => {
      const parts = await Promise.all(files.map(readSimulationPart));
      const first = parts[0] as PartFile;
      const key = (p: PartFile) => JSON.stringify(p.plan);
      for (const [k, p] of parts.entries()) {
        if (key(p) !== key(first)) {
          throw new InputError([
            {
              file: files[k] as string,
              line: 1,
              col: 1,
              path: "plan",
              message: `belongs to another run than ${files[0]} (scenario, seed, samples, models or options such as --calibration, --no-agreement or -t differ)`,
            },
          ]);
        }
      }
      let summary: SimulationSummary;
      try {
        summary = mergeSummaries(parts.map((p) => p.summary));
      } catch (e) {
        throw new CliError((e as Error).message, EXIT.invalidInput);
      }
      const missing = missingShards(summary, shardCount(first.plan));
      if (missing.length > 0) {
        throw new CliError(
          `shards ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ", …" : ""} are missing; merge every part`,
          EXIT.invalidInput,
        );
      }
      const plan: SimulationPlan = { ...first.plan, scenario: first.scenario };
      io.stdout(
        renderSimulation(
          simulationDocument(plan, summary),
          first.scenario,
          options.format as "table" | "json",
        ),
      );
    });
}

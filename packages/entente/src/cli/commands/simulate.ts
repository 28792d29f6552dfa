/**
 * `entente simulate`: Monte Carlo over uncertain inputs, shocks and phases, whole or one
 * `--shard` part at a time.
 * @module
 */
import { writeFile } from "node:fs/promises";
import { Command, Option } from "@commander-js/extra-typings";
import { defaultSimulationModels, shardCount } from "@entente/core";
import { simulationDocument } from "../../format/simulation.ts";
import { readScenario } from "../../io/read-scenario.ts";
import { shippedScenario } from "../default-scenario.ts";
import type { CliIO } from "../io.ts";
import { renderSimulation } from "./render-simulation.ts";
import { runSimulate } from "./run-simulate.ts";
import { shardRange } from "./shard-range.ts";
import { wholeAtLeast } from "./simulation-options.ts";
import { simulationPart } from "./simulation-part.ts";
import { checkPlanRuns, simulatePlan } from "./simulation-plan.ts";
import { redisUrl } from "./worker.ts";

/** `entente simulate [scenario]`: Monte Carlo over uncertain inputs, shocks and phases. */
export function simulateCommand(io: CliIO) {
  return new Command("simulate")
    .description(
      "sample uncertain inputs and shocks, forecast each sample, and report distributions and probabilities",
    )
    .argument("[scenario]", "scenario file; default: the built-in Budapest 2025")
    .option("-n, --samples <n>", "number of samples", wholeAtLeast("--samples", 1), 10_000)
    .option("--seed <n>", "random seed (whole number ≥ 0)", wholeAtLeast("--seed", 0), 42)
    .option(
      "-w, --workers <n>",
      "worker threads (0 = this thread); default: cores",
      wholeAtLeast("--workers", 0),
    )
    .option(
      "--models <ids>",
      `comma-separated model ids (default: ${defaultSimulationModels().join(",")})`,
    )
    .addOption(
      new Option("--distribution <d>", "how ranges are sampled")
        .choices(["triangular", "uniform"])
        .default("triangular"),
    )
    .option(
      "-t, --threshold <issue=value>",
      "also report P(outcome ≥ value) on an issue (repeatable; scale marks are always reported)",
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option(
      "--shard <i/N>",
      "run only part i of N (0-based) and write it with --out, for `entente merge`",
    )
    .option("-o, --out <file>", "write the part file here (with --shard)")
    .option(
      "--queue <redis-url>",
      "run the shards on `entente worker` processes through this Redis server (BullMQ) instead of here",
    )
    .option("--sensitivity", "also compute one-at-a-time and first-order Sobol sensitivity")
    .option("--deal <a,b>", "also estimate P(some package is preferred to no deal by both a and b)")
    .option("--deal-grid <n>", "grid points per issue for --deal (2–11)", "5")
    .option(
      "--calibration <file>",
      'models\' error laws: "default" (fitted on DEU III, shipped), "none" (input uncertainty only), or a file from `entente calibrate`',
      "default",
    )
    .option("--no-agreement", "do not check phases for agreement (every phase settles)")
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["table", "json"])
        .default("table"),
    )
    .action(async (file, options) => {
      const loaded = await readScenario(file ?? shippedScenario());
      const plan = await simulatePlan(loaded.scenario, options);
      checkPlanRuns(plan);
      const total = shardCount(plan);
      const shards =
        options.shard === undefined
          ? undefined
          : shardRange(options.shard, total, Boolean(options.out));
      const queue = options.queue === undefined ? undefined : redisUrl(options.queue, "--queue");
      const { summary, extra } = await runSimulate(
        plan,
        {
          queue,
          workers: options.workers,
          shards,
          sensitivity: Boolean(options.sensitivity),
        },
        io,
      );
      if (shards && options.out) {
        await writeFile(options.out, `${JSON.stringify(simulationPart(plan, summary))}\n`);
        io.stderr(
          `wrote shards ${shards[0]}–${shards[shards.length - 1]} of ${total} to ${options.out}\n`,
        );
        return;
      }
      const doc = simulationDocument(plan, summary);
      io.stdout(renderSimulation(doc, loaded.scenario, options.format as "table" | "json", extra));
    });
}

import { readFile, writeFile } from "node:fs/promises";
import { Command, Option } from "@commander-js/extra-typings";
import {
  compileSimulation,
  forecastPhased,
  type IssueSensitivity,
  ModelInputError,
  mergeSummaries,
  missingShards,
  type Scenario,
  SENSITIVITY_BASE_SAMPLES,
  SHARD_SIZE,
  type SimulationPlan,
  type SimulationSummary,
  scenarioHash,
  sensitivity,
  shardCount,
} from "@entente/core";
import {
  type SimulationDocument,
  simulationDocument,
  simulationTable,
} from "../../format/simulation.ts";
import { InputError } from "../../io/diagnostic.ts";
import { readCalibration } from "../../io/read-calibration.ts";
import { readScenario } from "../../io/read-scenario.ts";
import { closeSimulationPools, defaultWorkers, runSimulation } from "../../pool/run-simulation.ts";
import { QueueUnavailableError, redactedUrl } from "../../queue/redis-connection.ts";
import { runQueuedSensitivity, runQueuedSimulation } from "../../queue/run-queued.ts";
import { shippedScenario } from "../default-scenario.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";
import { progressBar } from "../progress.ts";
import { DEFAULT_MODELS, modelIds, wholeAtLeast } from "./simulation-options.ts";
import { queueUnavailable, redisUrl } from "./worker.ts";

const PART_FORMAT = "entente-simulation-part/1";

/** A part file: one shard range of a plan, enough to merge and to report. */
interface PartFile {
  format: typeof PART_FORMAT;
  plan: Omit<SimulationPlan, "scenario"> & { scenarioId: string; scenarioHash: number };
  scenario: Scenario;
  summary: SimulationSummary;
}

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
    .option("--models <ids>", `comma-separated model ids (default: ${DEFAULT_MODELS.join(",")})`)
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
      const models = modelIds(options.models);
      const thresholds: Record<string, number[]> = {};
      for (const t of options.threshold) {
        const m = /^([^=]+)=(.+)$/.exec(t);
        const x = Number(m?.[2]);
        if (!m || !Number.isFinite(x)) {
          throw new CliError(`--threshold expects issue=value, got "${t}"`, EXIT.invalidInput);
        }
        const issue = m[1] as string;
        thresholds[issue] = [...(thresholds[issue] ?? []), x];
      }
      const calibration = await readCalibration(options.calibration);
      const plan: SimulationPlan = {
        scenario: loaded.scenario,
        calibration,
        agreement: options.agreement,
        samples: options.samples,
        seed: options.seed,
        models,
        distribution: options.distribution as "triangular" | "uniform",
        thresholds,
        ...(options.deal
          ? {
              deal: {
                between: dealPair(options.deal),
                grid: wholeNumber("--deal-grid", options.dealGrid),
              },
            }
          : {}),
      };
      try {
        const sim = compileSimulation(plan);
        // Every model must be able to run on the scenario itself before thousands of samples.
        for (const model of sim.models) forecastPhased(model, sim.base, sim.phases);
      } catch (e) {
        if (e instanceof RangeError || e instanceof ModelInputError) {
          throw new CliError(e.message, EXIT.invalidInput);
        }
        throw e;
      }
      const total = shardCount(plan);
      let shards: number[] | undefined;
      if (options.shard !== undefined) {
        const m = /^(\d+)\/(\d+)$/.exec(options.shard);
        const [i, n] = [Number(m?.[1]), Number(m?.[2])];
        if (!m || n < 1 || i >= n) {
          throw new CliError(
            `--shard expects i/N with 0 ≤ i < N, got "${options.shard}"`,
            EXIT.invalidInput,
          );
        }
        if (!options.out)
          throw new CliError("--shard needs --out <file> for the part", EXIT.invalidInput);
        if (n > total) {
          throw new CliError(
            `--shard ${options.shard}: this run has only ${total} shard${total === 1 ? "" : "s"} of ${SHARD_SIZE} samples; split it into at most ${total} parts`,
            EXIT.invalidInput,
          );
        }
        const from = Math.floor((i * total) / n);
        const to = Math.floor(((i + 1) * total) / n);
        shards = [...Array(to - from).keys()].map((k) => from + k);
      }
      const queue = options.queue === undefined ? undefined : redisUrl(options.queue, "--queue");
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once("SIGINT", onSigint);
      const bar = progressBar(`simulating ${options.samples} samples`);
      let summary: SimulationSummary;
      let extra: IssueSensitivity[] | undefined;
      let stage = "";
      try {
        summary = queue
          ? await runQueuedSimulation(plan, {
              redis: queue,
              ...(shards ? { shards } : {}),
              onProgress: bar.update,
              onNoWorkers: () =>
                io.stderr(
                  `entente: no worker is listening on ${redactedUrl(queue)} yet; the shards wait in the queue until one starts (entente worker --redis …)\n`,
                ),
              signal: controller.signal,
            })
          : await runSimulation(plan, {
              workers: options.workers ?? defaultWorkers(),
              ...(shards ? { shards } : {}),
              onProgress: bar.update,
              signal: controller.signal,
            });
        if (options.sensitivity && !shards) {
          stage = "sensitivity: ";
          extra = queue
            ? await runQueuedSensitivity(plan, SENSITIVITY_BASE_SAMPLES, {
                redis: queue,
                signal: controller.signal,
              })
            : sensitivity(compileSimulation(plan));
        }
      } catch (e) {
        if (controller.signal.aborted) throw new CliError("cancelled", 130);
        if (e instanceof QueueUnavailableError) throw queueUnavailable(e);
        if (e instanceof ModelInputError) {
          throw new CliError(`${stage}${e.message}`, EXIT.invalidInput);
        }
        throw e;
      } finally {
        bar.stop();
        process.off("SIGINT", onSigint);
        await closeSimulationPools();
      }
      if (shards && options.out) {
        const { scenario, ...rest } = plan;
        const part: PartFile = {
          format: PART_FORMAT,
          plan: { ...rest, scenarioId: scenario.id, scenarioHash: scenarioHash(scenario) },
          scenario,
          summary,
        };
        await writeFile(options.out, `${JSON.stringify(part)}\n`);
        io.stderr(
          `wrote shards ${shards[0]}–${shards[shards.length - 1]} of ${total} to ${options.out}\n`,
        );
        return;
      }
      const doc = simulationDocument(plan, summary);
      io.stdout(render(doc, loaded.scenario, options.format as "table" | "json", extra));
    });
}

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
      const parts = await Promise.all(files.map(readPart));
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
        render(
          simulationDocument(plan, summary),
          first.scenario,
          options.format as "table" | "json",
        ),
      );
    });
}

function render(
  doc: SimulationDocument,
  scenario: Scenario,
  format: "table" | "json",
  extra?: IssueSensitivity[],
): string {
  if (format === "json")
    return `${JSON.stringify(extra ? { ...doc, sensitivity: extra } : doc, null, 2)}\n`;
  let text = simulationTable(doc, scenario);
  if (extra) {
    text += "\nSensitivity (largest one-at-a-time swings; first-order Sobol index):\n";
    for (const s of extra) {
      const top = s.tornado.slice(0, 3).map((t) => {
        const sobol = s.sobol.find((x) => x.input === t.input)?.firstOrder ?? 0;
        return `${t.input} ${t.swing >= 0 ? "+" : ""}${t.swing.toFixed(1)} (S1 ${sobol.toFixed(2)})`;
      });
      if (top.length) text += `  ${s.issue} / ${s.model}: ${top.join("; ")}\n`;
    }
  }
  return text;
}

async function readPart(file: string): Promise<PartFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new InputError([{ file, line: 1, col: 1, path: "(file)", message: "no such file" }]);
  }
  let part: PartFile;
  try {
    part = JSON.parse(text) as PartFile;
  } catch (e) {
    throw new InputError([
      { file, line: 1, col: 1, path: "(syntax)", message: `invalid JSON: ${(e as Error).message}` },
    ]);
  }
  if (part?.format !== PART_FORMAT) {
    throw new InputError([
      {
        file,
        line: 1,
        col: 1,
        path: "format",
        message: `not an Entente part file; expected format "${PART_FORMAT}"`,
      },
    ]);
  }
  return part;
}

function dealPair(value: string): [string, string] {
  const names = value.split(",").map((x) => x.trim());
  if (names.length !== 2) {
    throw new CliError(`--deal expects two actor ids a,b, got "${value}"`, EXIT.invalidInput);
  }
  return names as [string, string];
}

function wholeNumber(option: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) {
    throw new CliError(`${option}: expected a whole number, got "${value}"`, EXIT.invalidInput);
  }
  return n;
}

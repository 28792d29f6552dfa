import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { link, rename, rm, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { Command } from "@commander-js/extra-typings";
import { defaultSimulationModels, ModelInputError } from "@entente/core";
import { readCalibration } from "../../io/read-calibration.ts";
import { readScenario } from "../../io/read-scenario.ts";
import { closeSimulationPools, defaultWorkers } from "../../pool/run-simulation.ts";
import { ChromiumMissingError } from "../../report/brief-pdf.ts";
import { REPORT_FORMATS, type ReportFormat, renderReport } from "../../report/render-report.ts";
import { principals } from "../../report/report-data.ts";
import { shippedScenario } from "../default-scenario.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";
import { progressBar } from "../progress.ts";
import { modelIds, wholeAtLeast } from "./simulation-options.ts";

/** `entente report [scenario] -o brief.html|brief.pdf|brief.md`: a brief people read. */
export function reportCommand(io: CliIO) {
  return new Command("report")
    .description(
      "write a brief for readers: summary, each issue's outlook with charts, phases, questions, deal space, offers, sensitivity, models' record and sources (HTML, PDF or Markdown)",
    )
    .argument("[scenario]", "scenario file; default: the built-in Budapest 2025")
    .requiredOption(
      "-o, --out <file>",
      "the report file; its extension chooses the format: .html, .pdf (needs Chromium) or .md",
    )
    .option("-n, --samples <n>", "Monte Carlo samples", wholeAtLeast("--samples", 1), 10_000)
    .option("--seed <n>", "random seed (whole number ≥ 0)", wholeAtLeast("--seed", 0), 42)
    .option("--models <ids>", `models simulated (default: ${defaultSimulationModels().join(",")})`)
    .option(
      "--between <a,b>",
      "the two principals for the deal space (default: the two most capable)",
    )
    .option(
      "-w, --workers <n>",
      "worker threads (0 = this thread); default: cores",
      wholeAtLeast("--workers", 0),
    )
    .option(
      "--calibration <file>",
      'models\' error laws: "default" (fitted on DEU III, shipped), "none", or a file from `entente calibrate`',
      "default",
    )
    .option("--force", "replace --out if it exists")
    .action(async (file, options) => {
      const format = extname(options.out).slice(1).toLowerCase() as ReportFormat;
      if (!REPORT_FORMATS.includes(format)) {
        throw new CliError(
          `-o ${options.out}: the extension chooses the format; expected .html, .pdf or .md`,
          EXIT.invalidInput,
        );
      }
      if (!options.force && existsSync(options.out)) {
        throw new CliError(`${options.out} exists; add --force to replace it`, EXIT.invalidInput);
      }
      const loaded = await readScenario(file ?? shippedScenario());
      const calibration = await readCalibration(options.calibration);
      const between = options.between?.split(",").map((s) => s.trim());
      try {
        principals(loaded.scenario, between);
      } catch (e) {
        throw new CliError(`--between: ${(e as Error).message}`, EXIT.invalidInput);
      }
      const bar = progressBar(`simulating ${options.samples} samples for the report`);
      let body: string | Uint8Array;
      try {
        body = await renderReport(loaded.scenario, format, {
          samples: options.samples,
          seed: options.seed,
          models: modelIds(options.models),
          between,
          calibration,
          workers: options.workers ?? defaultWorkers(),
          onProgress: bar.update,
        });
      } catch (e) {
        if (e instanceof ChromiumMissingError) throw new CliError(e.message, EXIT.invalidInput);
        if (e instanceof RangeError || e instanceof ModelInputError) {
          throw new CliError(e.message, EXIT.invalidInput);
        }
        throw e;
      } finally {
        bar.stop();
        await closeSimulationPools();
      }
      await writeReport(options.out, body, options.force === true);
      io.stderr(`wrote ${options.out}\n`);
    });
}

/**
 * Write `body` to a new file beside `out`, then move it into place: replacing `out` with
 * `force`, else linking it only if `out` still does not exist (a file created meanwhile is kept).
 * A failed write never leaves half a report, and the temporary name is never an existing file.
 */
async function writeReport(out: string, body: string | Uint8Array, force: boolean) {
  const temp = `${out}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temp, body, { flag: "wx" });
    if (force) await rename(temp, out);
    else await link(temp, out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST" && !force) {
      throw new CliError(`${out} exists; add --force to replace it`, EXIT.invalidInput);
    }
    throw new CliError(`cannot write ${out}: ${(e as Error).message}`, EXIT.invalidInput);
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * The simulation plan `entente simulate` runs, from its options: models, thresholds, error laws
 * and the deal estimate, each checked at the boundary with a message that names the option.
 * @module
 */
import {
  compileSimulation,
  forecastPhased,
  ModelInputError,
  type Scenario,
  type SimulationPlan,
} from "@entente/core";
import { readCalibration } from "../../io/read-calibration.ts";
import { CliError, EXIT } from "../io.ts";
import { modelIds } from "./simulation-options.ts";

/** The options of `entente simulate` that make its plan (as commander parses them). */
export interface SimulatePlanOptions {
  models?: string | undefined;
  threshold: string[];
  calibration: string;
  agreement: boolean;
  samples: number;
  seed: number;
  distribution: string;
  deal?: string | undefined;
  dealGrid: string;
}

/**
 * The plan for simulating `scenario` with `options`; exit 2 for an unknown model, a malformed
 * `--threshold`, `--deal` or `--deal-grid`, and the calibration file's diagnostics.
 */
export async function simulatePlan(
  scenario: Scenario,
  options: SimulatePlanOptions,
): Promise<SimulationPlan> {
  const models = modelIds(options.models);
  const thresholds = parseThresholds(options.threshold);
  const calibration = await readCalibration(options.calibration);
  return {
    scenario,
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
}

/**
 * Check that every model of `plan` runs on the scenario itself, before thousands of samples;
 * exit 2 with the model's message when one cannot.
 */
export function checkPlanRuns(plan: SimulationPlan): void {
  try {
    const sim = compileSimulation(plan);
    for (const model of sim.models) forecastPhased(model, sim.base, sim.phases);
  } catch (e) {
    if (e instanceof RangeError || e instanceof ModelInputError) {
      throw new CliError(e.message, EXIT.invalidInput);
    }
    throw e;
  }
}

/** `-t issue=value …` as values by issue, in the order given. */
function parseThresholds(list: readonly string[]): Record<string, number[]> {
  const thresholds: Record<string, number[]> = {};
  for (const t of list) {
    const m = /^([^=]+)=(.+)$/.exec(t);
    const x = Number(m?.[2]);
    if (!m || !Number.isFinite(x)) {
      throw new CliError(`--threshold expects issue=value, got "${t}"`, EXIT.invalidInput);
    }
    const issue = m[1] as string;
    thresholds[issue] = [...(thresholds[issue] ?? []), x];
  }
  return thresholds;
}

/** `--deal a,b` as the two actor ids. */
function dealPair(value: string): [string, string] {
  const names = value.split(",").map((x) => x.trim());
  if (names.length !== 2) {
    throw new CliError(`--deal expects two actor ids a,b, got "${value}"`, EXIT.invalidInput);
  }
  return names as [string, string];
}

/** An option's value as a whole number (the plan checks its range). */
function wholeNumber(option: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) {
    throw new CliError(`${option}: expected a whole number, got "${value}"`, EXIT.invalidInput);
  }
  return n;
}

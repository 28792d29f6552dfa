/**
 * Everything a report says, computed once: every model's forecast, the Monte Carlo simulation
 * (inputs, shocks, model error, agreement), one-at-a-time sensitivity, the deal space between
 * the two principals with the win-set under ratification, and the models' measured accuracy on
 * DEU III.
 * @module
 */
import {
  type Calibration,
  compileSimulation,
  DEU3_CALIBRATION,
  dealAnalysis,
  dealOptions,
  getModel,
  type IssueSensitivity,
  type Model,
  prepareScenario,
  resolveParams,
  type Scenario,
  type ScenarioData,
  type SimulationPlan,
  sensitivity,
} from "@entente/core";
import { DEU3_EVIDENCE, type Deu3Evidence } from "../backtest/deu3-evidence.ts";
import { dealParties, dealsDocument, scenarioDealGrid } from "../deals/deals-document.ts";
import type { DealsDocument } from "../format/deals.ts";
import { forecastDocument } from "../format/forecast.ts";
import type { ForecastDocument } from "../format/forecast-document.ts";
import { type SimulationDocument, simulationDocument } from "../format/simulation.ts";
import { runSensitivity, runSimulation } from "../pool/run-simulation.ts";

/** What a report is computed from. */
export interface ReportOptions {
  samples: number;
  seed: number;
  /** Models simulated (the forecast shows every model). */
  models: readonly string[];
  /** The two principals (actor ids); default: the two with the most capability. */
  between?: readonly string[] | undefined;
  calibration: Calibration | null;
  workers: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** The computed content of a report. */
export interface ReportData {
  scenario: Scenario;
  forecast: ForecastDocument;
  simulation: SimulationDocument;
  /** One-at-a-time sensitivity of each simulated model on each issue. */
  sensitivity: IssueSensitivity[];
  /** The deal space between the principals; a string says why there is none. */
  deals: DealsDocument | string;
  /** The simulated models, as registered (label, reference). */
  models: Model[];
  /** Which model error the distributions include: the shipped DEU III fit, another file, none. */
  calibration: "shipped" | "custom" | "none";
  /** The shipped calibration's held-out record on DEU III. */
  evidence: Deu3Evidence;
}

/**
 * The two principals' indices: `between` (throws RangeError naming the allowed ids when it is
 * not two different actors), or the two most capable; a string says why there are none.
 */
export function principals(
  scenario: Scenario,
  between: readonly string[] | undefined,
): [number, number] | string {
  const ids = scenario.actors.map((a) => a.id);
  if (between === undefined && ids.length < 2) return "the scenario has only one actor";
  return dealParties(between, ids, scenario);
}

/**
 * Compute a report's content. Throws RangeError for `between` naming unknown actors and
 * `ModelInputError` when a model cannot run on the scenario (callers turn both into exit 2).
 */
export async function reportData(scenario: Scenario, options: ReportOptions): Promise<ReportData> {
  const data = prepareScenario(scenario);
  const models = options.models.map((id) => getModel(id));
  const parties = principals(scenario, options.between);
  const forecast = forecastDocument(scenario, data, {
    phases: true,
    calibration: options.calibration,
    agreement: true,
  });
  const plan: SimulationPlan = {
    scenario,
    calibration: options.calibration,
    agreement: true,
    samples: options.samples,
    seed: options.seed,
    models: [...options.models],
    distribution: "triangular",
    thresholds: {},
  };
  // Compiled here first, so that a scenario the simulation refuses fails before any worker starts.
  const compiled = compileSimulation(plan);
  const summary = await runSimulation(plan, {
    workers: options.workers,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  // One-at-a-time only (no Sobol sample): the tornado needs 2 forecasts per uncertain input.
  const swings =
    options.workers > 0
      ? await runSensitivity(plan, 0, {
          workers: options.workers,
          ...(options.signal ? { signal: options.signal } : {}),
        })
      : sensitivity(compiled, 0);
  return {
    scenario,
    forecast,
    simulation: simulationDocument(plan, summary),
    sensitivity: swings,
    deals: typeof parties === "string" ? parties : dealSpace(scenario, data, parties),
    models,
    calibration:
      options.calibration === null
        ? "none"
        : options.calibration === DEU3_CALIBRATION
          ? "shipped"
          : "custom",
    evidence: DEU3_EVIDENCE,
  };
}

function dealSpace(
  scenario: Scenario,
  data: ScenarioData,
  parties: [number, number],
): DealsDocument | string {
  const options = dealOptions(resolveParams(dealAnalysis, { params: {} }));
  try {
    const built = scenarioDealGrid(data, options, {
      ratify: true,
      gridChosen: false,
      gridOption: "the deals command's --grid",
    });
    return dealsDocument({
      space: built.space,
      utilities: built.utilities,
      parties,
      options,
      limit: 5,
      source: `${scenario.title} [${scenario.id}]`,
      scenario,
      data,
      ratifiers: built.ratifiers,
      grid: built.grid,
      gridNote: built.gridNote,
      notes: [],
    });
  } catch (e) {
    if (e instanceof RangeError) return e.message;
    throw e;
  }
}

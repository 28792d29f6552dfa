import { type Model, ModelInputError, type RunOptions } from "./models/model.ts";
import { models as registered } from "./models/registry.ts";
import { finalForecasts, type PhaseData, type PhaseStep, phasedSteps } from "./phases.ts";
import type { ScenarioData } from "./scenario/prepare.ts";

/** One issue's forecasts from several models, side by side. */
export interface IssueForecastRow {
  issue: string;
  title: string;
  min: number;
  max: number;
  unit: string | undefined;
  minLabel: string;
  maxLabel: string;
  statusQuo: number | undefined;
  /** Point forecast per model id, on the issue's scale (models that could not run are absent). */
  forecasts: Record<string, number>;
  /** Largest minus smallest model forecast: how much the models disagree. */
  spread: number;
  /** Why a model that ran has no forecast on this issue (by model id), when one has none. */
  unavailable?: Record<string, string>;
}

/** A model in a forecast table; `unavailable` says why it could not run on this scenario. */
export interface ForecastModel {
  id: string;
  label: string;
  reference: string;
  unavailable?: string;
}

/** Forecasts of a scenario by every given model. */
export interface ForecastTable {
  scenario: string;
  title: string;
  models: ForecastModel[];
  /** Ids of the phases the forecast went through, in order (empty: all actors at once). */
  phases: string[];
  issues: IssueForecastRow[];
}

/** One model's phased run ({@link phasedSteps}), or why it could not run. */
export interface ModelSteps {
  model: string;
  steps?: PhaseStep[];
  /** The {@link ModelInputError} message when the scenario lacks the model's inputs. */
  unavailable?: string;
}

/**
 * Run one model through the phases ({@link phasedSteps}) with its default preset or `options`;
 * a {@link ModelInputError} becomes `unavailable` (any other error is thrown). The unit of work
 * that {@link forecastScenario} runs for each model, and that a worker pool can run in parallel.
 */
export function modelSteps(
  model: Model,
  data: ScenarioData,
  phases: readonly PhaseData[] = [],
  options?: RunOptions,
): ModelSteps {
  try {
    return { model: model.id, steps: phasedSteps(model, data, phases, options) };
  } catch (e) {
    if (!(e instanceof ModelInputError)) throw e;
    return { model: model.id, unavailable: e.message };
  }
}

/**
 * Run each model on the scenario (with its default preset, or `options[model.id]`) and gather
 * the point forecasts per issue, through the scenario's phases when given ({@link forecastPhased}).
 * A model whose inputs the scenario lacks ({@link ModelInputError}) is listed with the reason
 * instead of failing the whole table. `onSteps` receives each model's phased run
 * ({@link phasedSteps}), for callers that read more than the final forecasts.
 */
export function forecastScenario(
  data: ScenarioData,
  models: readonly Model[] = registered,
  options: Readonly<Record<string, RunOptions>> = {},
  phases: readonly PhaseData[] = [],
  onSteps?: (model: string, steps: PhaseStep[]) => void,
): ForecastTable {
  const runs = models.map((model) => modelSteps(model, data, phases, options[model.id]));
  for (const run of runs) if (run.steps) onSteps?.(run.model, run.steps);
  return forecastTableOf(data, models, runs, phases);
}

/**
 * The forecast table from each model's run ({@link modelSteps}, in the order of `models`):
 * an issue's forecast is that of the last step deciding it ({@link finalForecasts}).
 */
export function forecastTableOf(
  data: ScenarioData,
  models: readonly Model[],
  runs: readonly ModelSteps[],
  phases: readonly PhaseData[] = [],
): ForecastTable {
  const listed: ForecastModel[] = models.map(({ id, label, reference }, m) => {
    const unavailable = runs[m]?.unavailable;
    return unavailable === undefined
      ? { id, label, reference }
      : { id, label, reference, unavailable };
  });
  const results = runs.map((run) => (run.steps ? finalForecasts(data, run.steps) : undefined));
  return {
    scenario: data.id,
    title: data.title,
    models: listed,
    phases: phases.map((p) => p.id),
    issues: data.issues.map((issue, k) => {
      const forecasts: Record<string, number> = {};
      const unavailable: Record<string, string> = {};
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const [m, model] of models.entries()) {
        const x = results[m]?.[k];
        if (x === undefined) continue;
        if (!Number.isFinite(x)) {
          unavailable[model.id] = unavailableReason(issue, model);
          continue;
        }
        forecasts[model.id] = x;
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
      return {
        issue: issue.id,
        title: issue.title,
        min: issue.min,
        max: issue.max,
        unit: issue.unit,
        minLabel: issue.minLabel,
        maxLabel: issue.maxLabel,
        statusQuo: issue.statusQuo,
        forecasts,
        spread: hi >= lo ? hi - lo : 0,
        ...(Object.keys(unavailable).length > 0 ? { unavailable } : {}),
      };
    }),
  };
}

/** Why a model that ran produced no number for an issue. */
function unavailableReason(issue: ScenarioData["issues"][number], model: Model): string {
  if (issue.actors.length === 0 && issue.statusQuo === undefined) {
    return "nobody is at the table on this issue and it has no status quo to keep";
  }
  return `${model.label} produced no finite number from these inputs (a defect: please report it with the scenario)`;
}

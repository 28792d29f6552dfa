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
  const listed: ForecastModel[] = [];
  const results = models.map((model) => {
    const { id, label, reference } = model;
    try {
      const steps = phasedSteps(model, data, phases, options[id]);
      onSteps?.(id, steps);
      const result = finalForecasts(data, steps);
      listed.push({ id, label, reference });
      return result;
    } catch (e) {
      if (!(e instanceof ModelInputError)) throw e;
      listed.push({ id, label, reference, unavailable: e.message });
      return undefined;
    }
  });
  return {
    scenario: data.id,
    title: data.title,
    models: listed,
    phases: phases.map((p) => p.id),
    issues: data.issues.map((issue, k) => {
      const forecasts: Record<string, number> = {};
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const [m, model] of models.entries()) {
        const x = results[m]?.[k];
        if (x === undefined || !Number.isFinite(x)) continue;
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
      };
    }),
  };
}

import type { Model } from "./models/model.ts";
import { models as registered } from "./models/registry.ts";
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
  /** Point forecast per model id, on the issue's scale. */
  forecasts: Record<string, number>;
  /** Largest minus smallest model forecast: how much the models disagree. */
  spread: number;
}

/** Forecasts of a scenario by every given model. */
export interface ForecastTable {
  scenario: string;
  title: string;
  models: Array<{ id: string; label: string; reference: string }>;
  issues: IssueForecastRow[];
}

/** Run each model on the scenario and gather the point forecasts per issue. */
export function forecastScenario(
  data: ScenarioData,
  models: readonly Model[] = registered,
): ForecastTable {
  const results = models.map((m) => m.run(data));
  return {
    scenario: data.id,
    title: data.title,
    models: models.map(({ id, label, reference }) => ({ id, label, reference })),
    issues: data.issues.map((issue, k) => {
      const forecasts: Record<string, number> = {};
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const [m, model] of models.entries()) {
        const x = results[m]?.issues[k]?.forecast as number;
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
        spread: models.length > 0 ? hi - lo : 0,
      };
    }),
  };
}

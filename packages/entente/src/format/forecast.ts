import {
  type Calibration,
  expectedTrades,
  forecastOutcomes,
  forecastTableOf,
  type Model,
  type ModelSteps,
  modelSteps,
  models,
  type PhaseStep,
  phaseData,
  type Scenario,
  type ScenarioData,
} from "@entente/core";
import { forecastCsv } from "./forecast-csv.ts";
import type { ForecastDocument } from "./forecast-document.ts";
import { forecastMarkdown } from "./forecast-markdown.ts";
import { forecastText } from "./forecast-text.ts";

/** Output formats of `entente forecast`. */
export const FORECAST_FORMATS = ["table", "json", "csv", "md"] as const;
export type ForecastFormat = (typeof FORECAST_FORMATS)[number];

/** A calibration in one line, for documents and tables (null for none). */
export function calibrationLine(calibration: Calibration | null): string | null {
  if (!calibration) return null;
  const p = calibration.provenance;
  const dataset = p.reference.split(":")[0]?.trim() || p.data;
  return `calibration of ${p.date} on ${dataset} (${p.data}, ${p.capability} capability)`;
}

/** Run options for a forecast document: the steps' forecasts are all it reads. */
export const FORECAST_ONLY = { forecastOnly: true } as const;

/**
 * The forecast document of `entente forecast` and `POST /api/scenarios/:id/forecast`: every
 * model's point forecast (through the phases unless `phases` is false) and its outcome
 * distribution under `calibration` (null: none), with phases checked for agreement unless
 * `agreement` is false.
 */
export function forecastDocument(
  scenario: Scenario,
  data: ScenarioData,
  options: {
    phases: boolean;
    calibration: Calibration | null;
    agreement: boolean;
    /** The models to run (default: every registered model). */
    models?: readonly Model[];
    /** Those models' runs, when already made (e.g. on the worker pool by `runModels`). */
    runs?: readonly ModelSteps[];
  },
): ForecastDocument {
  const phases = options.phases ? phaseData(scenario.phases, data) : [];
  const steps = new Map<string, PhaseStep[]>();
  const chosen = options.models ?? models;
  const runs =
    options.runs ?? chosen.map((model) => modelSteps(model, data, phases, FORECAST_ONLY));
  for (const run of runs) if (run.steps) steps.set(run.model, run.steps);
  const table = forecastTableOf(data, chosen, runs, phases);
  const { phases: _, ...withoutPhases } = scenario;
  const outcomes = forecastOutcomes(
    {
      scenario: options.phases ? scenario : withoutPhases,
      models: table.models.filter((m) => m.unavailable === undefined).map((m) => m.id),
      calibration: options.calibration,
      agreement: options.agreement,
    },
    steps,
  );
  const exchange = table.models.some((m) => m.id === "exchange" && m.unavailable === undefined);
  const trades = exchange ? expectedTrades(data) : undefined;
  return {
    ...table,
    calibration: calibrationLine(options.calibration),
    agreement: options.agreement,
    outcomes,
    ...(trades ? { trades } : {}),
  };
}

/** Render a forecast in one of {@link FORECAST_FORMATS}. */
export function formatForecast(
  doc: ForecastDocument,
  format: ForecastFormat,
  scenario: Scenario,
): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(doc, null, 2)}\n`;
    case "csv":
      return forecastCsv(doc);
    case "md":
      return forecastMarkdown(doc, scenario);
    default:
      return forecastText(doc, scenario);
  }
}

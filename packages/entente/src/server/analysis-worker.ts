// A worker thread of the server's analysis pool: forecasts, model runs and deal-space searches,
// computed off the event loop. Failures come back as values (an Error's class does not survive
// the thread boundary) and are turned into the same HTTP errors as before by `runAnalysis`.
import {
  DEU3_CALIBRATION,
  getModel,
  ModelInputError,
  prepareScenario,
  type RunOptions,
  type Scenario,
} from "@entente/core";
import { forecastDocument } from "../format/forecast.ts";
import { runDocument } from "../format/run.ts";
import { requireWorkerPreloads } from "../pool/worker-preloads.ts";
import { ApiError, type ApiErrorItem } from "./api-error.ts";
import { scenarioDeals } from "./deals-handler.ts";

// Models registered by plug-ins the main thread preloaded (see worker-preloads.ts).
requireWorkerPreloads();

/** One analysis of one revision's scenario. */
export type AnalysisTask =
  | {
      kind: "forecast";
      scenario: Scenario;
      phases: boolean;
      calibration: "default" | "none";
      agreement: boolean;
    }
  | {
      kind: "run";
      scenario: Scenario;
      model: string;
      options: RunOptions;
      resolved: Record<string, unknown>;
      preset: string | undefined;
    }
  | { kind: "deals"; scenario: Scenario; body: Record<string, unknown> };

/** The analysis' document, or why it failed. */
export type AnalysisAnswer =
  | { ok: true; value: unknown }
  | { ok: false; kind: "model-input" | "range"; message: string }
  | { ok: false; kind: "api"; status: number; errors: ApiErrorItem[] };

/** Compute one analysis (see {@link AnalysisTask}). */
export default function analyse(task: AnalysisTask): AnalysisAnswer {
  try {
    return { ok: true, value: compute(task) };
  } catch (e) {
    if (e instanceof ApiError)
      return { ok: false, kind: "api", status: e.status, errors: e.errors };
    if (e instanceof ModelInputError) return { ok: false, kind: "model-input", message: e.message };
    if (e instanceof RangeError) return { ok: false, kind: "range", message: e.message };
    throw e;
  }
}

function compute(task: AnalysisTask): unknown {
  const data = prepareScenario(task.scenario);
  switch (task.kind) {
    case "forecast":
      return forecastDocument(task.scenario, data, {
        phases: task.phases,
        calibration: task.calibration === "none" ? null : DEU3_CALIBRATION,
        agreement: task.agreement,
      });
    case "run": {
      const result = getModel(task.model).run(data, task.options);
      return runDocument(data, result, task.resolved, task.preset);
    }
    case "deals":
      return scenarioDeals({ scenario: task.scenario, data, body: task.body });
  }
}

import type { IssueData, ScenarioData } from "../scenario/prepare.ts";
import { type ParamSpec, type ParamValues, resolveParams } from "./params.ts";

/** The actors' positions after one round of a dynamic model, keyed by actor id. */
export interface Round {
  round: number;
  positions: Record<string, number>;
}

/** A model's forecast for one issue, on the issue's own scale. */
export interface IssueForecast {
  issue: string;
  forecast: number;
  /** Round-by-round positions (round 0 = the inputs), for dynamic models only. */
  rounds?: Round[];
  /** Model-specific diagnostics (per-round medians, probabilities, stopping reason, …). */
  details?: Record<string, unknown>;
}

/** A model's forecast for a whole scenario. */
export interface ModelResult {
  model: string;
  issues: IssueForecast[];
  /** Model-specific diagnostics spanning issues (the exchange model's realised exchanges). */
  details?: Record<string, unknown>;
}

/** How to run a model: a named preset, then individual parameters over it. */
export interface RunOptions {
  preset?: string;
  /** Parameter values by name; strings are parsed by the parameter's kind (CLI `--param k=v`). */
  params?: Record<string, string | number | boolean>;
  /**
   * Only the forecasts are wanted (Monte Carlo): a dynamic model may leave out `rounds` and
   * `details`. The forecasts themselves are the same bits either way.
   */
  forecastOnly?: boolean;
}

/** What every collective-decision model provides; `contract.test.ts` checks its guarantees. */
export interface Model {
  /** Stable identifier used on the command line (`--model <id>`). */
  id: string;
  /** Short human name for tables. */
  label: string;
  /** The publication the formula comes from. */
  reference: string;
  /** true when the model moves positions over rounds and reports them. */
  dynamic: boolean;
  /** The parameters the model accepts, with defaults. */
  params: readonly ParamSpec[];
  /** Named parameter sets; the first is the default. */
  presets?: Readonly<Record<string, ParamValues>>;
  /** true when the model can be run in a browser drag loop (well under a millisecond per issue). */
  fast?: boolean;
  /**
   * true when the model trades positions between issues, so that an issue's forecast depends
   * on the others (the exchange model): backtests run it on a whole proposal's issues together.
   */
  trades?: boolean;
  /** true for the models a simulation runs when none are named (CLI, API and workbench alike). */
  simulateByDefault?: boolean;
  /** Forecast every issue. Throws {@link ModelInputError} on missing inputs, RangeError on bad options. */
  run(data: ScenarioData, options?: RunOptions): ModelResult;
}

/** Thrown when a scenario lacks an input a model needs (e.g. a status quo). */
export class ModelInputError extends Error {
  override name = "ModelInputError";
}

/**
 * Build a {@link Model} from a function that forecasts one issue at a time. Forecasts are
 * clamped to the scale: rounding in a weighted sum can step an ulp past an end.
 */
export function perIssueModel(
  meta: Omit<Model, "run" | "dynamic" | "params"> & { params?: readonly ParamSpec[] },
  forecastIssue: (issue: IssueData, params: ParamValues) => Omit<IssueForecast, "issue">,
): Model {
  const model: Model = {
    ...meta,
    dynamic: false,
    params: meta.params ?? [],
    run: (data, options) => {
      const params = resolveParams(model, options);
      return {
        model: meta.id,
        issues: data.issues.map((issue) => {
          const result = forecastIssue(issue, params);
          const forecast = Math.min(issue.max, Math.max(issue.min, result.forecast));
          return { issue: issue.id, ...result, forecast };
        }),
      };
    },
  };
  return model;
}

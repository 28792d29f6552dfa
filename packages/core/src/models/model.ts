import type { IssueData, ScenarioData } from "../scenario/prepare.ts";

/** The actors' positions after one round of a dynamic model, keyed by actor id. */
export interface Round {
  round: number;
  positions: Record<string, number>;
}

/** A model's forecast for one issue, on the issue's own scale. */
export interface IssueForecast {
  issue: string;
  forecast: number;
  /** Round-by-round positions, for dynamic models only. */
  rounds?: Round[];
}

/** A model's forecast for a whole scenario. */
export interface ModelResult {
  model: string;
  issues: IssueForecast[];
}

/** What every collective-decision model provides; see `contract.test.ts` for its guarantees. */
export interface Model {
  /** Stable identifier used on the command line (`--model <id>`). */
  id: string;
  /** Short human name for tables. */
  label: string;
  /** The publication the formula comes from. */
  reference: string;
  /** Forecast every issue of a prepared scenario. Throws {@link ModelInputError} on missing inputs. */
  run(data: ScenarioData): ModelResult;
}

/** Thrown when a scenario lacks an input a model needs (e.g. a status quo). */
export class ModelInputError extends Error {
  override name = "ModelInputError";
}

/** Build a {@link Model} from a function that forecasts one issue at a time. */
export function perIssueModel(
  meta: Omit<Model, "run">,
  forecastIssue: (issue: IssueData) => number,
): Model {
  return {
    ...meta,
    run: (data) => ({
      model: meta.id,
      issues: data.issues.map((issue) => ({
        issue: issue.id,
        // Rounding in a weighted sum can step an ulp past the scale's end; never report that.
        forecast: Math.min(issue.max, Math.max(issue.min, forecastIssue(issue))),
      })),
    }),
  };
}

import {
  type ErrorSummary,
  type Model,
  ModelInputError,
  type ScenarioData,
  summariseErrors,
} from "@entente/core";
import { type Deu3Capability, deu3Capabilities } from "./deu3-capability.ts";
import { type Deu3File, type Deu3Issue, isUsable } from "./deu3-parse.ts";

/** One model's accuracy over the usable issues, on all of them and on the held-out half. */
export interface ModelScore extends ErrorSummary {
  model: string;
  label: string;
  /** Accuracy on the held-out split (odd positions among usable issues, file order). */
  heldOut: ErrorSummary;
  /** Issues the model could not forecast (e.g. no reference point), with the reason. */
  skipped: number;
}

export interface BacktestResult {
  dataset: string;
  capability: Deu3Capability;
  usable: number;
  /** Training / held-out split rule, stated with the numbers. */
  split: string;
  models: ModelScore[];
  /** Per issue: outcome and each model's forecast (when asked for). */
  issues?: Array<{ issue: string; outcome: number; forecasts: Record<string, number> }>;
}

/** The DEU III issue as a one-issue scenario on 0–100 with the reference point as status quo. */
export function deu3Scenario(
  issue: Deu3Issue,
  table: Deu3File,
  capability: Deu3Capability,
): ScenarioData {
  const n = issue.actors.length;
  return {
    id: issue.id,
    title: issue.id,
    actors: issue.actors.map((a) => ({ id: a, name: a })),
    issues: [
      {
        id: issue.id,
        title: issue.id,
        min: 0,
        max: 100,
        unit: undefined,
        minLabel: "0",
        maxLabel: "100",
        statusQuo: issue.referencePoint,
        outcome: issue.outcome,
        ratifiers: new Int32Array(0),
        actors: Int32Array.from({ length: n }, (_, i) => i),
        positions: Float64Array.from(issue.positions),
        saliences: Float64Array.from(issue.saliences),
        capabilities: Float64Array.from(deu3Capabilities(issue, table, capability)),
      },
    ],
  };
}

/**
 * Run every model on every usable DEU III issue and score absolute errors against the actual
 * outcome. Nothing is fitted here; the held-out half (odd positions among the usable issues in
 * file order) is reported so that anything fitted later is judged on issues it never saw.
 */
export function runDeu3Backtest(
  table: Deu3File,
  models: readonly Model[],
  options: { capability: Deu3Capability; dataset: string; perIssue?: boolean },
): BacktestResult {
  const usable = table.issues.filter(isUsable);
  const scenarios = usable.map((issue) => deu3Scenario(issue, table, options.capability));
  const forecasts = models.map((model) =>
    scenarios.map((data) => {
      try {
        return model.run(data).issues[0]?.forecast;
      } catch (e) {
        if (e instanceof ModelInputError) return undefined;
        throw e;
      }
    }),
  );
  const scores = models.map((model, m): ModelScore => {
    const all: number[] = [];
    const held: number[] = [];
    for (const [k, issue] of usable.entries()) {
      const x = forecasts[m]?.[k];
      if (x === undefined) continue;
      const error = Math.abs(x - (issue.outcome as number));
      all.push(error);
      if (k % 2 === 1) held.push(error);
    }
    return {
      model: model.id,
      label: model.label,
      ...summariseErrors(all),
      heldOut: summariseErrors(held),
      skipped: usable.length - all.length,
    };
  });
  return {
    dataset: options.dataset,
    capability: options.capability,
    usable: usable.length,
    split: "held out = usable issues at odd positions in file order (0-based); training = even",
    models: scores,
    ...(options.perIssue
      ? {
          issues: usable.map((issue, k) => ({
            issue: issue.id,
            outcome: issue.outcome as number,
            forecasts: Object.fromEntries(
              models.flatMap((model, m) => {
                const x = forecasts[m]?.[k];
                return x === undefined ? [] : [[model.id, x]];
              }),
            ),
          })),
        }
      : {}),
  };
}

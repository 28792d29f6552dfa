import {
  type CalibrationMethod,
  type CalibrationRecord,
  type ErrorSummary,
  type IntervalLevel,
  type Model,
  ModelInputError,
  type ProbabilisticSummary,
  type ScenarioData,
  summariseErrors,
} from "@entente/core";
import { type Deu3Capability, deu3Capabilities } from "./deu3-capability.ts";
import { DEU3_ACTORS, type Deu3File, type Deu3Issue, isUsable } from "./deu3-parse.ts";
import { crossFitted, deu3Record, scoreHeldOut, trainAndForecast } from "./deu3-probabilistic.ts";

/** Scores of a probabilistic forecaster on held-out issues. */
export type HeldOutSummary = ProbabilisticSummary & { medianAE: number };

/** One model's accuracy: point errors on every issue, and probabilistic scores held out. */
export interface ModelScore extends ErrorSummary {
  model: string;
  label: string;
  /**
   * The held-out split (odd positions among usable issues, or the peer's TEST issues): point
   * errors, and the calibrated predictive distribution fitted on the rest.
   */
  heldOut: HeldOutSummary;
  /** Every usable issue, each forecast by a calibration fitted without its fold (10 folds). */
  crossFitted: ProbabilisticSummary;
  /** The same scores for the baseline: one global error quantile around the forecast. */
  baseline: { heldOut: ProbabilisticSummary; crossFitted: ProbabilisticSummary };
  /** Issues the model could not forecast (e.g. no reference point), with the reason. */
  skipped: number;
}

/** Which issues are held out. */
export type Deu3Split = "odd" | "peer-test";

export interface BacktestResult {
  dataset: string;
  capability: Deu3Capability;
  usable: number;
  /** Training / held-out split rule, stated with the numbers. */
  split: string;
  /** How predictive distributions were fitted and cross-fitted. */
  calibration: string;
  models: ModelScore[];
  /** Per issue: outcome, each model's forecast and cross-fitted 80 % interval (when asked for). */
  issues?: Array<{
    issue: string;
    outcome: number;
    heldOut: boolean;
    forecasts: Record<string, number>;
    interval80: Record<string, [number, number]>;
  }>;
}

/** The DEU III issue as a one-issue scenario on 0–100 with the reference point as status quo. */
export function deu3Scenario(
  issue: Deu3Issue,
  table: Deu3File,
  capability: Deu3Capability,
): ScenarioData {
  return deu3ProposalScenario([issue], table, capability);
}

/**
 * DEU III issues of one proposal as one scenario on 0–100 (each with its reference point as
 * status quo): the actors are those of any of them, in DEU III's column order.
 */
export function deu3ProposalScenario(
  issues: readonly Deu3Issue[],
  table: Deu3File,
  capability: Deu3Capability,
): ScenarioData {
  const present = new Set(issues.flatMap((i) => i.actors));
  const ids: string[] = DEU3_ACTORS.filter((a) => present.has(a));
  const index = new Map(ids.map((a, i) => [a, i]));
  const first = issues[0] as Deu3Issue;
  return {
    id: issues.length === 1 ? first.id : first.proposal,
    title: issues.length === 1 ? first.id : first.proposal,
    actors: ids.map((a) => ({ id: a, name: a })),
    issues: issues.map((issue) => ({
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
      actors: Int32Array.from(issue.actors, (a) => index.get(a) as number),
      positions: Float64Array.from(issue.positions),
      saliences: Float64Array.from(issue.saliences),
      capabilities: Float64Array.from(deu3Capabilities(issue, table, capability)),
    })),
  };
}

/**
 * Run each model on every usable DEU III issue (file order): per model, one calibration record
 * per issue — or undefined where the model cannot run (e.g. no reference point). A model that
 * trades between issues (`trades`) runs on each proposal's usable issues together, as Arregui,
 * Stokman & Thomson (2006) ran the exchange model; the others on each issue alone.
 */
export function deu3Records(
  table: Deu3File,
  models: readonly Model[],
  capability: Deu3Capability,
): { usable: Deu3Issue[]; records: Array<Array<CalibrationRecord | undefined>> } {
  const usable = table.issues.filter(isUsable);
  const scenarios = usable.map((issue) => deu3Scenario(issue, table, capability));
  const records = models.map((model) => {
    const forecasts = model.trades
      ? proposalForecasts(model, usable, table, capability)
      : scenarios.map((data) => forecastOrSkip(model, data)?.[0]);
    return forecasts.map((forecast, k) =>
      forecast === undefined ? undefined : deu3Record(scenarios[k] as ScenarioData, forecast),
    );
  });
  return { usable, records };
}

/** A model's forecasts of a scenario's issues, or undefined when it cannot run on it. */
function forecastOrSkip(model: Model, data: ScenarioData): number[] | undefined {
  try {
    return model.run(data).issues.map((i) => i.forecast);
  } catch (e) {
    if (e instanceof ModelInputError) return undefined;
    throw e;
  }
}

/** Forecasts of every usable issue by a model run on each proposal's usable issues together. */
function proposalForecasts(
  model: Model,
  usable: readonly Deu3Issue[],
  table: Deu3File,
  capability: Deu3Capability,
): Array<number | undefined> {
  const byProposal = new Map<string, number[]>();
  for (const [k, issue] of usable.entries()) {
    const list = byProposal.get(issue.proposal) ?? [];
    list.push(k);
    byProposal.set(issue.proposal, list);
  }
  const out = new Array<number | undefined>(usable.length);
  for (const ks of byProposal.values()) {
    const data = deu3ProposalScenario(
      ks.map((k) => usable[k] as Deu3Issue),
      table,
      capability,
    );
    const forecasts = forecastOrSkip(model, data);
    for (const [j, k] of ks.entries()) out[k] = forecasts?.[j];
  }
  return out;
}

/** Options of {@link runDeu3Backtest}. */
export interface Deu3BacktestOptions {
  capability: Deu3Capability;
  dataset: string;
  perIssue?: boolean;
  /** Held-out split (default "odd"); "peer-test" needs `peerTest`. */
  split?: Deu3Split;
  /** Issue ids of the peer's TEST split. */
  peerTest?: readonly string[];
  method?: CalibrationMethod;
  /** Cross-fitting folds (default 10) and their seed (default 42). */
  folds?: number;
  seed?: number;
}

/**
 * Score every model on every usable DEU III issue: absolute errors of the point forecasts, and
 * the calibrated predictive distribution — fitted on the training part and scored on the
 * held-out part (coverage of the 50 / 80 / 95 % intervals, their width, CRPS, PIT), and
 * cross-fitted over all issues. The baseline (one global error quantile around the same
 * forecast) is scored the same way.
 */
export function runDeu3Backtest(
  table: Deu3File,
  models: readonly Model[],
  options: Deu3BacktestOptions,
): BacktestResult {
  const { usable, records } = deu3Records(table, models, options.capability);
  const split = options.split ?? "odd";
  const method = options.method ?? {};
  const folds = options.folds ?? 10;
  const seed = options.seed ?? 42;
  const test = new Set(options.peerTest ?? []);
  const isHeldOut = (k: number) =>
    split === "odd" ? k % 2 === 1 : test.has((usable[k] as Deu3Issue).id);
  const all = usable.map((_, k) => k);
  const heldOutIdx = all.filter(isHeldOut);
  const trainIdx = all.filter((k) => !isHeldOut(k));
  const intervals: Array<Map<number, Record<IntervalLevel, [number, number]>>> = [];
  const scores = models.map((model, m): ModelScore => {
    const recs = records[m] as Array<CalibrationRecord | undefined>;
    const errors = (idx: number[]) =>
      idx.flatMap((k) => {
        const r = recs[k];
        return r ? [Math.abs(r.forecast - r.outcome)] : [];
      });
    const allErrors = errors(all);
    const held = scoreHeldOut(trainAndForecast(recs, trainIdx, heldOutIdx, method));
    const cf = crossFitted(recs, method, folds, seed);
    intervals.push(new Map([...cf.calibrated].map(([k, f]) => [k, f.intervals])));
    const crossScores = scoreHeldOut(cf);
    return {
      model: model.id,
      label: model.label,
      ...summariseErrors(allErrors),
      heldOut: { ...held.calibrated, medianAE: summariseErrors(errors(heldOutIdx)).medianAE },
      crossFitted: crossScores.calibrated,
      baseline: { heldOut: held.baseline, crossFitted: crossScores.baseline },
      skipped: usable.length - allErrors.length,
    };
  });
  return {
    dataset: options.dataset,
    capability: options.capability,
    usable: usable.length,
    split:
      split === "odd"
        ? "held out = usable issues at odd positions in file order (0-based); training = even"
        : `held out = the peer project's TEST split (${heldOutIdx.length} issues); training = its train and dev issues`,
    calibration: `fitted on the training issues; cross-fitted over every usable issue in ${folds} folds (seed ${seed})`,
    models: scores,
    ...(options.perIssue
      ? {
          issues: usable.map((issue, k) => ({
            issue: issue.id,
            outcome: issue.outcome as number,
            heldOut: isHeldOut(k),
            forecasts: Object.fromEntries(
              models.flatMap((model, m) => {
                const r = records[m]?.[k];
                return r ? [[model.id, r.forecast]] : [];
              }),
            ),
            interval80: Object.fromEntries(
              models.flatMap((model, m) => {
                const i = intervals[m]?.get(k);
                return i ? [[model.id, i["80"]]] : [];
              }),
            ),
          })),
        }
      : {}),
  };
}

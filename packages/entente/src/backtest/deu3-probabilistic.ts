import {
  baselinePredictive,
  type CalibrationMethod,
  type CalibrationRecord,
  fitModelCalibration,
  intervalsAt,
  type ModelCalibration,
  type ProbabilisticForecast,
  type ProbabilisticSummary,
  predictive,
  predictiveDistribution,
  randomStream,
  type ScenarioData,
  summariseProbabilistic,
} from "@entente/core";

/** A decision as a calibration record: the model's forecast, the actors, the outcome. */
export function deu3Record(data: ScenarioData, forecast: number): CalibrationRecord {
  const issue = data.issues[0];
  if (!issue || issue.outcome === undefined) throw new RangeError("a DEU III issue has an outcome");
  return {
    forecast,
    outcome: issue.outcome,
    min: issue.min,
    max: issue.max,
    positions: issue.positions,
    weights: Float64Array.from(issue.saliences, (s, j) => s * (issue.capabilities[j] as number)),
  };
}

/** A model's calibrated predictive forecast of one record under `calibration`. */
export function calibratedForecast(
  calibration: ModelCalibration,
  record: CalibrationRecord,
  method: CalibrationMethod,
): ProbabilisticForecast {
  const distribution = predictiveDistribution(
    predictive(calibration, record, method.scale ?? "spread"),
  );
  return {
    point: record.forecast,
    outcome: record.outcome,
    distribution,
    intervals: intervalsAt(distribution, calibration.levels),
  };
}

/** The baseline's forecast of one record given training absolute errors. */
function baselineForecast(errors: number[], record: CalibrationRecord): ProbabilisticForecast {
  const b = baselinePredictive(errors, record.forecast, record.min, record.max);
  return { point: record.forecast, outcome: record.outcome, ...b };
}

/** Held-out forecasts of the calibrated distribution and of the baseline, by record index. */
export interface HeldOut {
  calibrated: Map<number, ProbabilisticForecast>;
  baseline: Map<number, ProbabilisticForecast>;
}

/** Scores of held-out forecasts: the calibrated distribution and the baseline. */
export interface HeldOutScores {
  calibrated: ProbabilisticSummary;
  baseline: ProbabilisticSummary;
}

/**
 * Fit on `train` (record indices) and forecast `test`, with the calibrated predictive
 * distribution and with the one-global-quantile baseline. Records that are undefined (the
 * model could not run) are skipped.
 */
export function trainAndForecast(
  records: ReadonlyArray<CalibrationRecord | undefined>,
  train: readonly number[],
  test: readonly number[],
  method: CalibrationMethod,
): HeldOut {
  const fitOn = train.flatMap((i) => (records[i] ? [records[i]] : []));
  const out: HeldOut = { calibrated: new Map(), baseline: new Map() };
  // Too few decisions to learn from (e.g. a model without reference points): nothing to score.
  if (fitOn.length < 2) return out;
  const calibration = fitModelCalibration(fitOn, method);
  const errors = fitOn.map((r) => Math.abs(r.outcome - r.forecast));
  for (const i of test) {
    const r = records[i];
    if (!r) continue;
    out.calibrated.set(i, calibratedForecast(calibration, r, method));
    out.baseline.set(i, baselineForecast(errors, r));
  }
  return out;
}

/**
 * Cross-fitting: split the records into `folds` folds by a seeded shuffle ({@link shuffled}),
 * forecast each fold with a calibration fitted on the others. Every record is forecast by a
 * calibration that never saw it.
 */
export function crossFitted(
  records: ReadonlyArray<CalibrationRecord | undefined>,
  method: CalibrationMethod,
  folds: number,
  seed: number,
): HeldOut {
  const order = shuffled(records.length, seed);
  const foldOf = new Int32Array(records.length);
  for (const [rank, i] of order.entries()) foldOf[i] = rank % folds;
  const all = Array.from({ length: records.length }, (_, i) => i);
  const out: HeldOut = { calibrated: new Map(), baseline: new Map() };
  for (let f = 0; f < folds; f++) {
    const part = trainAndForecast(
      records,
      all.filter((i) => foldOf[i] !== f),
      all.filter((i) => foldOf[i] === f),
      method,
    );
    for (const [i, x] of part.calibrated) out.calibrated.set(i, x);
    for (const [i, x] of part.baseline) out.baseline.set(i, x);
  }
  return out;
}

/** Summarise held-out forecasts in record order. */
export function scoreHeldOut(heldOut: HeldOut): HeldOutScores {
  const inOrder = (m: Map<number, ProbabilisticForecast>) =>
    [...m].sort(([a], [b]) => a - b).map(([, f]) => f);
  return {
    calibrated: summariseProbabilistic(inOrder(heldOut.calibrated)),
    baseline: summariseProbabilistic(inOrder(heldOut.baseline)),
  };
}

/** A seeded permutation of 0 … n−1 (Fisher–Yates on the project's xoshiro128** streams). */
export function shuffled(n: number, seed: number): number[] {
  const rng = randomStream(seed, 0x636631);
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j] as number, out[i] as number];
  }
  return out;
}

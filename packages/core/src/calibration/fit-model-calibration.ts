import { centralLevelOf } from "./distribution.ts";
import { INTERVAL_LEVELS, type IntervalLevel, type ModelCalibration } from "./model-calibration.ts";
import { nearestPositions } from "./nearest-positions.ts";
import {
  type IssueShape,
  issueShape,
  type PredictiveInput,
  predictiveAt,
  predictiveDistribution,
} from "./predictive-distribution.ts";

/** A decision with a known outcome, and a model's forecast of it. */
export interface CalibrationRecord extends PredictiveInput {
  outcome: number;
}

/** How a calibration is fitted. */
export interface CalibrationMethod {
  /** Candidate positions per forecast (default 4; 0 = errors only). */
  atoms?: number;
  /** Scale errors by the spread of positions (default) or by the scale's length. */
  scale?: "spread" | "none";
}

/** The default method: 4 candidate positions, errors scaled by the spread of positions. */
export const DEFAULT_CALIBRATION_METHOD: Required<CalibrationMethod> = {
  atoms: 4,
  scale: "spread",
};

/**
 * Learn a model's error law from decisions with known outcomes (see {@link predictive} for the
 * distribution it defines):
 * 1. each decision's outcome is either the r-th nearest distinct held position to the forecast
 *    (r < `atoms`) — counted, giving `atoms[r]` — or not, giving a scaled error
 *    (outcome − forecast) / spread;
 * 2. the central level that makes each nominal interval cover its share is set by leave-one-out
 *    conformal calibration: each decision's score is the smallest central level whose interval
 *    holds its outcome under the law fitted without it, and level α uses the ⌈(n+1)α⌉-th
 *    smallest score (split-conformal quantile, Vovk et al. 2005; leave-one-out as in the
 *    jackknife+ of Barber, Candès, Ramdas & Tibshirani 2021, Ann. Statist. 49(1)).
 * Deterministic: the same records in the same order give the same bits. Throws RangeError for
 * fewer than 2 records or a bad method.
 */
export function fitModelCalibration(
  records: readonly CalibrationRecord[],
  method: CalibrationMethod = {},
): ModelCalibration {
  const atoms = method.atoms ?? DEFAULT_CALIBRATION_METHOD.atoms;
  const scale = method.scale ?? DEFAULT_CALIBRATION_METHOD.scale;
  if (!Number.isInteger(atoms) || atoms < 0 || atoms > 10) {
    throw new RangeError(`atoms: expected a whole number from 0 to 10, got ${atoms}`);
  }
  if (scale !== "spread" && scale !== "none") {
    throw new RangeError(`scale: expected "spread" or "none", got ${JSON.stringify(scale)}`);
  }
  const n = records.length;
  if (n < 2) throw new RangeError(`calibration needs at least 2 decisions, got ${n}`);
  // Per record: its category (0 … atoms − 1 = that held position; atoms = none) and error.
  const category = new Int32Array(n);
  const error = new Float64Array(n);
  const counts = new Float64Array(atoms);
  const shapes = records.map((r) => issueShape(r, scale));
  const candidates = new Float64Array(atoms);
  for (const [i, r] of records.entries()) {
    const shape = shapes[i] as ReturnType<typeof issueShape>;
    const length = r.max - r.min;
    const found = nearestPositions(shape.distinct, r.forecast, candidates);
    let c = atoms;
    for (let k = 0; k < found; k++) {
      if (Math.abs((candidates[k] as number) - r.outcome) <= 1e-9 * length) {
        c = k;
        break;
      }
    }
    category[i] = c;
    if (c < atoms) counts[c] = (counts[c] as number) + 1;
    error[i] = (r.outcome - r.forecast) / shape.scale;
  }
  const fitted = (skip: number): ModelCalibration => {
    const m = skip >= 0 ? n - 1 : n;
    const residuals: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i !== skip && category[i] === atoms) residuals.push(error[i] as number);
    }
    residuals.sort((a, b) => a - b);
    const shares = Array.from(
      counts,
      (c, k) => (c - (skip >= 0 && category[skip] === k ? 1 : 0)) / m,
    );
    return { n: m, atoms: shares, residuals, levels: { "50": 0.5, "80": 0.8, "95": 0.95 } };
  };
  const scores = Float64Array.from(records, (r, i) =>
    centralLevelOf(
      predictiveDistribution(predictiveAt(fitted(i), shapes[i] as IssueShape, r.forecast)),
      r.outcome,
    ),
  ).sort();
  const levels = {} as Record<IntervalLevel, number>;
  for (const level of INTERVAL_LEVELS) {
    const k = Math.ceil((n + 1) * (Number(level) / 100));
    // A hair above the score, so the interval at that level includes the outcome.
    levels[level] = k > n ? 1 : Math.min(1, (scores[k - 1] as number) + 1e-9);
  }
  return { ...fitted(-1), levels };
}

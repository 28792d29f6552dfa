import { type DiscreteDistribution, discreteDistribution } from "./discrete-distribution.ts";
import type { ModelCalibration } from "./model-calibration.ts";
import { distinctPositions, nearestPositions } from "./nearest-positions.ts";
import { positionSpread } from "./position-spread.ts";

/** What a predictive distribution is conditioned on: the forecast and the issue's actors. */
export interface PredictiveInput {
  forecast: number;
  /** The scale's ends. */
  min: number;
  max: number;
  /** Positions of the actors who took part, and their weights (capability × salience). */
  positions: ArrayLike<number>;
  weights: ArrayLike<number>;
}

/**
 * A model's predictive distribution for one issue, kept in parts so that probabilities and draws
 * cost O(log n): atoms at held positions, the forecast plus each scaled training error (clamped
 * to the scale), and the chance of an error beyond any seen at the scale's two ends.
 */
export interface Predictive {
  forecast: number;
  min: number;
  max: number;
  /** Error scale: the spread of positions, or the scale's length when errors are not scaled. */
  scale: number;
  atomValues: Float64Array;
  atomWeights: Float64Array;
  residuals: readonly number[];
  /** Weight of each residual value. */
  residualWeight: number;
  /** Weight of each scale end. */
  endWeight: number;
}

/** What a predictive distribution needs of an issue besides the forecast (see {@link issueShape}). */
export interface IssueShape {
  min: number;
  max: number;
  /** Distinct held positions, ascending. */
  distinct: Float64Array;
  /** Error scale: the spread of positions, or the scale's length when errors are not scaled. */
  scale: number;
}

/**
 * The parts of an issue a predictive distribution depends on, computed once for any number of
 * forecasts (models): its distinct held positions (closer than 1e-9 of the scale count as one)
 * and its error scale ({@link positionSpread}, or the scale's length with `scale: "none"`).
 */
export function issueShape(
  input: Omit<PredictiveInput, "forecast">,
  scale: "spread" | "none" = "spread",
): IssueShape {
  const length = input.max - input.min;
  return {
    min: input.min,
    max: input.max,
    distinct: distinctPositions(input.positions, 1e-9 * length),
    scale: scale === "spread" ? positionSpread(input.positions, input.weights, length) : length,
  };
}

/**
 * The predictive distribution of a model's forecast under its calibration — a split-conformal
 * predictive system (Vovk, Gammerman & Shafer 2005, ch. 7; Vovk et al. 2017) with two
 * refinements shown to sharpen it on held-out DEU III decisions:
 * - the outcome equals the r-th nearest distinct held position with the share `atoms[r]` seen
 *   in training (a collective decision usually adopts some actor's proposal);
 * - otherwise it is forecast + spread × e for each training error e, each with equal weight,
 *   clamped to the scale; as in conformal prediction, a new error exceeds all n seen with
 *   probability 1/(n+1), which goes to the scale's ends (half each) so that no outcome on the
 *   scale has probability 0.
 * `scale: "none"` uses the scale's length instead of the spread (errors as a share of the scale).
 */
export function predictive(
  calibration: ModelCalibration,
  input: PredictiveInput,
  scale: "spread" | "none" = "spread",
): Predictive {
  return predictiveAt(calibration, issueShape(input, scale), input.forecast);
}

/** {@link predictive} for an issue whose shape ({@link issueShape}) is already known. */
export function predictiveAt(
  calibration: ModelCalibration,
  shape: IssueShape,
  forecast: number,
): Predictive {
  const atoms = calibration.atoms;
  const count = nearestPositions(shape.distinct, forecast, nearest.subarray(0, atoms.length));
  const values = nearest.slice(0, count);
  const weights = new Float64Array(count);
  let atomTotal = 0;
  for (let r = 0; r < count; r++) {
    weights[r] = atoms[r] as number;
    atomTotal += atoms[r] as number;
  }
  const rest = Math.max(0, 1 - atomTotal);
  const n = calibration.residuals.length;
  return {
    forecast,
    min: shape.min,
    max: shape.max,
    scale: shape.scale,
    atomValues: values,
    atomWeights: weights,
    residuals: calibration.residuals,
    residualWeight: rest / (n + 1),
    endWeight: rest / (2 * (n + 1)),
  };
}

/** Scratch for the nearest positions (atoms are at most 10). */
const nearest = new Float64Array(10);

/** The j-th residual outcome: forecast + scale × e_j, clamped to the scale (ascending in j). */
export function residualValue(p: Predictive, j: number): number {
  const x = p.forecast + p.scale * (p.residuals[j] as number);
  return x < p.min ? p.min : Math.min(x, p.max);
}

/** Number of residual outcomes ≥ t (or > t when `strict`), by binary search. */
function residualsFrom(p: Predictive, t: number, strict: boolean): number {
  let lo = 0;
  let hi = p.residuals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = residualValue(p, mid);
    if (strict ? v > t : v >= t) hi = mid;
    else lo = mid + 1;
  }
  return p.residuals.length - lo;
}

/** P(X ≥ t) under the predictive distribution, or P(X > t) when `strict`. */
export function predictiveAtLeast(p: Predictive, t: number, strict = false): number {
  let q = 0;
  for (let r = 0; r < p.atomValues.length; r++) {
    const v = p.atomValues[r] as number;
    if (strict ? v > t : v >= t) q += p.atomWeights[r] as number;
  }
  q += p.residualWeight * residualsFrom(p, t, strict);
  if (strict ? p.min > t : p.min >= t) q += p.endWeight;
  if (strict ? p.max > t : p.max >= t) q += p.endWeight;
  return Math.min(1, Math.max(0, q));
}

/**
 * Add weight × P(X ≥ tⱼ) — or P(X > tⱼ) when `strict` — to `out[j]` for every point tⱼ of
 * `points` (ascending): the same as {@link predictiveAtLeast} point by point, in one merge pass
 * over the residual outcomes.
 */
export function addPredictiveAtLeast(
  p: Predictive,
  points: ArrayLike<number>,
  weight: number,
  out: Float64Array,
  strict = false,
): void {
  const n = p.residuals.length;
  const { forecast, scale, min, max, residuals } = p;
  let j = 0; // residual outcomes below (strict: at or below) the current point
  for (let t = 0; t < points.length; t++) {
    const x = points[t] as number;
    // residualValue inlined: forecast + scale·e, clamped to the scale.
    while (j < n) {
      const raw = forecast + scale * (residuals[j] as number);
      const v = raw < min ? min : Math.min(raw, max);
      if (strict ? v > x : v >= x) break;
      j++;
    }
    let q = p.residualWeight * (n - j);
    for (let r = 0; r < p.atomValues.length; r++) {
      const v = p.atomValues[r] as number;
      if (strict ? v > x : v >= x) q += p.atomWeights[r] as number;
    }
    if (strict ? min > x : min >= x) q += p.endWeight;
    if (strict ? max > x : max >= x) q += p.endWeight;
    out[t] = (out[t] as number) + weight * Math.min(q, 1);
  }
}

/**
 * One draw from the predictive distribution for a uniform u in [0, 1): the atoms, the residual
 * outcomes and the two ends laid end to end on [0, 1).
 */
export function drawPredictive(p: Predictive, u: number): number {
  let at = u;
  for (let r = 0; r < p.atomValues.length; r++) {
    const w = p.atomWeights[r] as number;
    if (at < w) return p.atomValues[r] as number;
    at -= w;
  }
  const n = p.residuals.length;
  if (p.residualWeight > 0) {
    const j = Math.floor(at / p.residualWeight);
    if (j < n) return residualValue(p, j);
    at -= n * p.residualWeight;
  }
  return at < p.endWeight ? p.min : p.max;
}

/** The predictive distribution as one sorted discrete distribution (for quantiles and scores). */
export function predictiveDistribution(p: Predictive): DiscreteDistribution {
  const n = p.residuals.length;
  const values: number[] = [...p.atomValues, p.min, p.max];
  const weights: number[] = [...p.atomWeights, p.endWeight, p.endWeight];
  for (let j = 0; j < n; j++) {
    values.push(residualValue(p, j));
    weights.push(p.residualWeight);
  }
  return discreteDistribution(values, weights);
}

import { type Distribution, distributionOf, type Piece } from "./distribution.ts";
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
 * cost O(log n): atoms at held positions, and the rest spread over the n + 1 gaps between the
 * scale's ends and the n scaled training errors around the forecast (clamped to the scale),
 * equal probability per gap, uniform within it.
 */
export interface Predictive {
  forecast: number;
  min: number;
  max: number;
  /** Error scale: the spread of positions, or the scale's length when errors are not scaled. */
  scale: number;
  atomValues: Float64Array;
  atomWeights: Float64Array;
  /** Training errors, ascending. */
  residuals: readonly number[];
  /** Probability of each of the n + 1 gaps. */
  gapWeight: number;
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
 * - otherwise it is forecast + spread × e, the errors e scaled by the spread of positions. As in
 *   conformal prediction, a new error falls between any two consecutive ordered training errors
 *   — or below the smallest, or above the largest — with the same probability 1/(n+1); within
 *   such a gap it is taken as uniform, and the outer gaps end at the scale's ends (outcomes
 *   clamped to the scale). So no stretch of the scale has probability 0.
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
    gapWeight: rest / (n + 1),
  };
}

/** Scratch for the nearest positions (atoms are at most 10). */
const nearest = new Float64Array(10);

/**
 * Knot j of the gaps (j = 0 … n + 1): the scale's minimum, the residual outcomes
 * forecast + scale × e, clamped to the scale, ascending, and the scale's maximum.
 */
export function gapKnot(p: Predictive, j: number): number {
  if (j <= 0) return p.min;
  if (j > p.residuals.length) return p.max;
  const x = p.forecast + p.scale * (p.residuals[j - 1] as number);
  return x < p.min ? p.min : Math.min(x, p.max);
}

/** First knot index j (0 … n + 2) with knot ≥ t, or > t when `strict`, by binary search. */
function firstKnot(p: Predictive, t: number, strict: boolean): number {
  let lo = 0;
  let hi = p.residuals.length + 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = gapKnot(p, mid);
    if (strict ? v > t : v >= t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * How many of the n + 1 gaps lie at or above t (> t when `strict`), a gap straddling t
 * counting by the share of it above t: a gap of zero length is an atom and counts whole when
 * its point does.
 */
function gapsFrom(p: Predictive, t: number, strict: boolean): number {
  const gaps = p.residuals.length + 1;
  // Gaps starting at a knot that counts are whole; the one ending there may count in part.
  const j = firstKnot(p, t, strict);
  let count = Math.max(0, gaps - j);
  if (j >= 1 && j <= gaps) {
    const a = gapKnot(p, j - 1);
    const b = gapKnot(p, j);
    if (b > a) count += Math.min(1, Math.max(0, (b - t) / (b - a)));
  }
  return count;
}

/** P(X ≥ t) under the predictive distribution, or P(X > t) when `strict`. */
export function predictiveAtLeast(p: Predictive, t: number, strict = false): number {
  let q = p.gapWeight * gapsFrom(p, t, strict);
  for (let r = 0; r < p.atomValues.length; r++) {
    const v = p.atomValues[r] as number;
    if (strict ? v > t : v >= t) q += p.atomWeights[r] as number;
  }
  return Math.min(1, Math.max(0, q));
}

/**
 * Add weight × P(X ≥ tⱼ) — or P(X > tⱼ) when `strict` — to `out[j]` for every point tⱼ of
 * `points` ({@link predictiveAtLeast} at each).
 */
export function addPredictiveAtLeast(
  p: Predictive,
  points: ArrayLike<number>,
  weight: number,
  out: Float64Array,
  strict = false,
): void {
  for (let t = 0; t < points.length; t++) {
    out[t] = (out[t] as number) + weight * predictiveAtLeast(p, points[t] as number, strict);
  }
}

/**
 * One draw from the predictive distribution for a uniform u in [0, 1): the atoms, then the
 * gaps in order, laid end to end on [0, 1), a draw inside a gap placed by its share of it.
 */
export function drawPredictive(p: Predictive, u: number): number {
  let at = u;
  for (let r = 0; r < p.atomValues.length; r++) {
    const w = p.atomWeights[r] as number;
    if (at < w) return p.atomValues[r] as number;
    at -= w;
  }
  if (!(p.gapWeight > 0)) return p.atomValues[p.atomValues.length - 1] ?? p.forecast;
  const position = Math.min(at / p.gapWeight, p.residuals.length + 1);
  const g = Math.min(Math.floor(position), p.residuals.length);
  const a = gapKnot(p, g);
  return a + Math.min(1, position - g) * (gapKnot(p, g + 1) - a);
}

/** The predictive distribution as one {@link Distribution} (for quantiles and scores). */
export function predictiveDistribution(p: Predictive): Distribution {
  const pieces: Piece[] = [];
  for (let g = 0; g <= p.residuals.length; g++) {
    pieces.push({ lo: gapKnot(p, g), hi: gapKnot(p, g + 1), weight: p.gapWeight });
  }
  return distributionOf(p.atomValues, p.atomWeights, pieces);
}

import {
  type Distribution,
  distributionOf,
  mixDistributions,
} from "../calibration/distribution.ts";
import {
  addPredictiveAtLeast,
  drawPredictive,
  type Predictive,
  predictiveDistribution,
} from "../calibration/predictive-distribution.ts";

/** One way an issue can end: a step's forecast, with its error law when calibrated. */
export interface LawPart {
  /** Probability that this step's agreement is the one that stands. */
  weight: number;
  forecast: number;
  /** The calibrated predictive distribution around the forecast; undefined = exactly it. */
  predictive: Predictive | undefined;
}

/**
 * The law of one issue's outcome under one model: a mixture of "some phase's agreement stands"
 * (the last phase that agreed decides) and "no phase agreed: the status quo persists".
 */
export interface OutcomeLaw {
  parts: LawPart[];
  /** Probability that no agreement touched the issue. */
  statusQuoWeight: number;
  statusQuo: number;
}

/**
 * Combine the steps that decided an issue, in order, step j agreeing with probability
 * `agree[j]`: step j's forecast stands when it agreed and no later step did,
 * P = aⱼ·Π_{l>j}(1 − a_l); the status quo stands when none agreed, Π(1 − a_l). Agreements in
 * different phases are independent given the sampled inputs.
 */
export function outcomeLaw(
  steps: ReadonlyArray<{ forecast: number; predictive: Predictive | undefined }>,
  statusQuo: number,
  agree: ArrayLike<number>,
): OutcomeLaw {
  const parts = new Array<LawPart>(steps.length);
  let later = 1;
  for (let j = steps.length - 1; j >= 0; j--) {
    const s = steps[j] as (typeof steps)[number];
    const a = agree[j] as number;
    parts[j] = { weight: a * later, forecast: s.forecast, predictive: s.predictive };
    later *= 1 - a;
  }
  return { parts, statusQuoWeight: later, statusQuo };
}

/**
 * P(outcome ≥ tⱼ) — or P(outcome > tⱼ) when `strict` — for every point tⱼ of `points`
 * (ascending) into `out`, in one pass per part.
 */
export function lawAtLeastAll(
  law: OutcomeLaw,
  points: ArrayLike<number>,
  out: Float64Array,
  strict = false,
): void {
  out.fill(0, 0, points.length);
  for (const part of law.parts) {
    if (!(part.weight > 0)) continue;
    if (part.predictive) addPredictiveAtLeast(part.predictive, points, part.weight, out, strict);
    else {
      for (let t = 0; t < points.length; t++) {
        const x = points[t] as number;
        if (strict ? part.forecast > x : part.forecast >= x) {
          out[t] = (out[t] as number) + part.weight;
        }
      }
    }
  }
  if (law.statusQuoWeight > 0) {
    for (let t = 0; t < points.length; t++) {
      const x = points[t] as number;
      if (strict ? law.statusQuo > x : law.statusQuo >= x) {
        out[t] = (out[t] as number) + law.statusQuoWeight;
      }
    }
  }
  for (let t = 0; t < points.length; t++) {
    const x = out[t] as number;
    out[t] = x > 1 ? 1 : Math.max(x, 0);
  }
}

/** One draw of the outcome: `u` picks the part, `v` the value within it (both uniform [0, 1)). */
export function drawOutcome(law: OutcomeLaw, u: number, v: number): number {
  let at = u;
  for (const part of law.parts) {
    if (at < part.weight) {
      return part.predictive ? drawPredictive(part.predictive, v) : part.forecast;
    }
    at -= part.weight;
  }
  // What is left (the status quo's weight, or rounding) is the status quo when there is one.
  if (law.statusQuoWeight > 0 && Number.isFinite(law.statusQuo)) return law.statusQuo;
  const last = law.parts[law.parts.length - 1];
  if (!last) return law.statusQuo;
  return last.predictive ? drawPredictive(last.predictive, v) : last.forecast;
}

/** The whole law as one {@link Distribution} (quantiles and intervals of `forecast`). */
export function lawDistribution(law: OutcomeLaw): Distribution {
  const point = (x: number) => distributionOf([x], [1]);
  return mixDistributions([
    ...law.parts.map((part) => ({
      weight: part.weight,
      distribution: part.predictive
        ? predictiveDistribution(part.predictive)
        : point(part.forecast),
    })),
    ...(law.statusQuoWeight > 0 && Number.isFinite(law.statusQuo)
      ? [{ weight: law.statusQuoWeight, distribution: point(law.statusQuo) }]
      : []),
  ]);
}

import { INTERVAL_LEVELS, type IntervalLevel } from "../calibration/model-calibration.ts";
import { valueExact } from "./exact-sum.ts";
import { listAt } from "./list-at.ts";
import { bandProbabilities, type OutcomeBand } from "./outcome-points.ts";
import type { SimulationSummary } from "./simulation-summary.ts";

/**
 * The distribution of an issue's outcome under one model: the forecast plus the model's
 * calibrated error, mixed with "no agreement: the status quo holds" where phases are checked.
 */
export interface OutcomeReport {
  median: number;
  /** Interval at each nominal level (the central level its calibration reads). */
  intervals: Record<IntervalLevel, [number, number]>;
  /** P(outcome ≥ each mark and threshold). */
  atLeast: Array<{ threshold: number; probability: number }>;
  /**
   * P(outcome nearest each labelled point — the scale's ends and its marks): the band from the
   * midpoint below it to the midpoint above it (an outcome exactly on a midpoint counts half for
   * each side). These are the probabilities of the named outcomes.
   */
  bands: OutcomeBand[];
  /** P(no phase agreed on the issue, so its status quo holds). */
  statusQuoHolds: number;
  histogram: { min: number; max: number; counts: number[] };
}

/** A probability averaged over samples, with its Monte Carlo standard error. */
export interface Estimated {
  probability: number;
  /** Standard error of the mean over samples. */
  se: number;
}

/**
 * One model on one issue: how its point forecast varies over the sampled inputs (mean, sd,
 * extremes, quantiles, histogram: what the model would say, not what happens), and the
 * predictive distribution of the outcome, where every probability is.
 */
export interface DistributionReport {
  model: string;
  /** Samples in which the model ran. */
  n: number;
  failed: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  /** Quantiles read off the histogram (linear within a bin). */
  quantiles: { p10: number; p25: number; p50: number; p75: number; p90: number };
  histogram: { min: number; max: number; counts: number[] };
  /** The predictive distribution of the outcome (model error and breakdown included). */
  outcome: OutcomeReport;
}

export interface SimulationReport {
  samples: number;
  issues: Array<{
    issue: string;
    models: DistributionReport[];
    /** Mean over samples of the spread between the models' forecasts. */
    meanSpread: number;
  }>;
  /** With a deal check: how often both parties had a package they preferred to no deal. */
  deal?: { between: [string, string]; grid: number; probability: number };
  shocks: Array<{
    shock: string;
    /** Share of samples in which it happened. */
    frequency: number;
    /** Mean forecast when it happened minus when it did not, per issue and model. */
    effect: Array<{ issue: string; model: string; shift: number }>;
  }>;
  /** Per phase checked: the probability that it ends in an agreement. */
  phases: Array<{ phase: string } & Estimated>;
  /** Per question: the probability of yes, per model. */
  questions: Array<{ question: string; models: Array<{ model: string } & Estimated> }>;
}

/**
 * Read a merged summary: per issue and model the forecast's spread over the inputs and the
 * outcome's distribution (intervals, P(≥ marks and thresholds), named outcomes), agreement
 * between models, each phase's and question's probability, and each shock's effect.
 */
export function simulationReport(s: SimulationSummary): SimulationReport {
  const nIssues = s.issues.length;
  const cells = s.models.length * nIssues;
  return {
    samples: s.samples,
    ...(s.deal ? { deal: { ...s.deal, probability: s.dealExists / s.samples } } : {}),
    issues: s.issues.map((issue, k) => {
      const [lo, hi] = s.scales[k] as [number, number];
      return {
        issue,
        models: s.models.map((model, m): DistributionReport => {
          const cell = m * nIssues + k;
          const n = s.samples - (s.failed[cell] as number);
          const mean = valueExact(s.sum[cell] as number[]) / n;
          const variance = Math.max(0, valueExact(s.sumSq[cell] as number[]) / n - mean * mean);
          const counts = s.histogram.slice(cell * s.bins, (cell + 1) * s.bins);
          const min = s.min[cell] ?? Number.NaN;
          const max = s.max[cell] ?? Number.NaN;
          const binMin = s.binMin.slice(cell * s.bins, (cell + 1) * s.bins);
          const binMax = s.binMax.slice(cell * s.bins, (cell + 1) * s.bins);
          const q = (p: number) => histogramQuantile(counts, binMin, binMax, p);
          return {
            model,
            n,
            failed: s.failed[cell] as number,
            mean,
            sd: Math.sqrt(variance * (n > 1 ? n / (n - 1) : 1)),
            min,
            max,
            quantiles: { p10: q(0.1), p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9) },
            histogram: { min: lo, max: hi, counts },
            outcome: outcomeReport(s, m, k, n),
          };
        }),
        meanSpread:
          (s.spreadCount[k] as number) > 0
            ? valueExact(s.spread[k] as number[]) / (s.spreadCount[k] as number)
            : Number.NaN,
      };
    }),
    shocks: s.shocks.map((shock, i) => {
      const active = s.shockCount[i] as number;
      return {
        shock,
        frequency: active / s.samples,
        effect: s.issues.flatMap((issue, k) =>
          s.models.map((model, m) => {
            const cell = m * nIssues + k;
            // Both means over the samples in which this model ran: with the shock, without it.
            const ran = s.samples - (s.failed[cell] as number);
            const onRan = s.shockRan[i * cells + cell] as number;
            const offRan = ran - onRan;
            const on = valueExact(s.shockSum[i * cells + cell] as number[]);
            const all = valueExact(s.sum[cell] as number[]);
            const shift =
              onRan === 0 || offRan === 0 ? Number.NaN : on / onRan - (all - on) / offRan;
            return { issue, model, shift };
          }),
        ),
      };
    }),
    phases: s.phases.map((phase, f) => ({
      phase,
      ...estimated(s.agreementSum[f] as number[], s.agreementSumSq[f] as number[], s.samples),
    })),
    questions: s.questions.map((question, q) => ({
      question,
      models: s.models.map((model, m) => ({
        model,
        ...estimated(
          s.questionSum[q * s.models.length + m] as number[],
          s.questionSumSq[q * s.models.length + m] as number[],
          s.questionRan[q * s.models.length + m] as number,
        ),
      })),
    })),
  };
}

function estimated(sum: number[], sumSq: number[], n: number): Estimated {
  const mean = valueExact(sum) / n;
  const variance = n > 1 ? Math.max(0, (valueExact(sumSq) - n * mean * mean) / (n - 1)) : 0;
  return { probability: mean, se: Math.sqrt(variance / n) };
}

/** One cell's outcome distribution from the summary ({@link OutcomeReport}). */
function outcomeReport(s: SimulationSummary, m: number, k: number, n: number): OutcomeReport {
  const cell = m * s.issues.length + k;
  const [min, max] = s.scales[k] as [number, number];
  const bins = outcomeBins(s, m, k);
  const counts = bins.counts;
  const q = (p: number) => histogramInverseQuantile(bins, p);
  const points = s.points[k] as number[];
  const { first: base } = listAt(s.points, m, k);
  const atLeast = (t: number) => {
    const j = points.indexOf(t);
    return j < 0 ? Number.NaN : valueExact(s.outcomeAtLeast[base + j] as number[]) / n;
  };
  const levels = s.levels[m] as Record<IntervalLevel, number>;
  const intervals = {} as Record<IntervalLevel, [number, number]>;
  for (const level of INTERVAL_LEVELS) {
    const a = levels[level];
    intervals[level] = [q((1 - a) / 2), q((1 + a) / 2)];
  }
  const marks = (s.thresholds[k] as number[]).filter((t) => t >= min && t <= max);
  const { first } = listAt(s.boundaries, m, k);
  // P(≥ b) and P(> b) at each boundary, both summed over samples.
  const bands = bandProbabilities(min, max, s.marks[k] as number[], (b, j) => {
    const above = valueExact(s.outcomeAbove[first + j] as number[]) / n;
    return (atLeast(b) + above) / 2;
  });
  return {
    median: q(0.5),
    intervals,
    atLeast: marks.map((threshold) => ({
      threshold,
      probability: threshold <= min ? 1 : atLeast(threshold),
    })),
    bands,
    statusQuoHolds: valueExact(s.statusQuoHolds[cell] as number[]) / n,
    histogram: { min, max, counts },
  };
}

/**
 * The sampled outcomes of issue k under model m, binned with each bin's extremes
 * ({@link histogramInverseQuantile} reads quantiles from them).
 */
export function outcomeBins(
  s: SimulationSummary,
  m: number,
  k: number,
): ExtremeBins & { counts: number[] } {
  const cell = m * s.issues.length + k;
  const from = cell * s.bins;
  const to = (cell + 1) * s.bins;
  return {
    counts: s.outcomeHistogram.slice(from, to),
    min: s.outcomeBinMin.slice(from, to),
    max: s.outcomeBinMax.slice(from, to),
    minCount: s.outcomeBinMinCount.slice(from, to),
    maxCount: s.outcomeBinMaxCount.slice(from, to),
  };
}

/** Binned values with each bin's extremes and how many values equal them. */
export interface ExtremeBins {
  counts: ArrayLike<number>;
  min: ArrayLike<number | null>;
  max: ArrayLike<number | null>;
  minCount: ArrayLike<number>;
  maxCount: ArrayLike<number>;
}

/**
 * The p-quantile Q(p) = the smallest value whose cumulative share reaches p (the inverse CDF,
 * as the calibrated levels are defined) of binned values: the k-th smallest value with
 * k = ⌈p·n⌉. Within a bin, values equal to its smallest or largest value are exact (an outcome
 * many samples share keeps its value); the rest are read as evenly spread between them.
 */
export function histogramInverseQuantile(bins: ExtremeBins, p: number): number {
  let total = 0;
  for (let b = 0; b < bins.counts.length; b++) total += bins.counts[b] as number;
  if (total === 0) return Number.NaN;
  const k = Math.min(total, Math.max(1, Math.ceil(p * total - 1e-9 * total)));
  let before = 0;
  for (let b = 0; b < bins.counts.length; b++) {
    const c = bins.counts[b] as number;
    if (c === 0) continue;
    if (before + c >= k) {
      const lo = bins.min[b] as number;
      const hi = bins.max[b] as number;
      const j = k - before; // 1-based rank within the bin
      const atLo = bins.minCount[b] as number;
      const atHi = lo === hi ? 0 : (bins.maxCount[b] as number);
      if (j <= atLo || lo === hi) return lo;
      if (j > c - atHi) return hi;
      // The values strictly between lo and hi, evenly spread.
      const inner = c - atLo - atHi;
      return lo + ((j - atLo) / (inner + 1)) * (hi - lo);
    }
    before += c;
  }
  return bins.max[bins.counts.length - 1] as number;
}

/**
 * The p-quantile of values binned on equal-width bins, interpolating linearly between the
 * smallest and largest value actually seen in the bin it falls in — so a bin holding a single
 * value (a weighted median's held position, a source's estimate) gives that value exactly.
 */
export function histogramQuantile(
  counts: ArrayLike<number>,
  binMin: ArrayLike<number | null>,
  binMax: ArrayLike<number | null>,
  p: number,
): number {
  let total = 0;
  for (let b = 0; b < counts.length; b++) total += counts[b] as number;
  if (total === 0) return Number.NaN;
  // The rank of the quantile among the sorted values (0-based, continuous).
  const rank = p * (total - 1);
  let before = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b] as number;
    if (c === 0) continue;
    if (rank <= before + c - 1 || b === counts.length - 1) {
      const lo = binMin[b] as number;
      const hi = binMax[b] as number;
      if (c === 1 || hi === lo) return lo;
      const within = Math.min(1, Math.max(0, (rank - before) / (c - 1)));
      return lo + within * (hi - lo);
    }
    if (rank < before + c) {
      // Between this bin's largest value and the next non-empty bin's smallest.
      let next = b + 1;
      while (next < counts.length && (counts[next] as number) === 0) next++;
      const hi = binMax[b] as number;
      const lo2 = (binMin[next] ?? hi) as number;
      return hi + (rank - (before + c - 1)) * (lo2 - hi);
    }
    before += c;
  }
  return binMax[counts.length - 1] as number;
}

import { addExact, canonicalExact, mergeExact } from "./exact-sum.ts";

/**
 * A mergeable summary of simulated forecasts: counts, exact sums, extrema, fixed-bin histograms on
 * each issue's scale, per-shock sums. Sums are exact expansions
 * ({@link addExact}) and everything else is an integer count or an extremum, so summaries merge
 * in any order or grouping to the same bits — one worker, N workers or N machines. Plain arrays
 * only, so a summary survives JSON exactly.
 */
export interface SimulationSummary extends SummaryLayout {
  /** Shard index ranges merged into this summary, as sorted [first, last] pairs. */
  shards: Array<[number, number]>;
  samples: number;
  /** Per cell (model-major, `model * issues + issue`): exact Σx and Σx² as partials. */
  sum: number[][];
  sumSq: number[][];
  /** Per cell: smallest and largest forecast, null before the first. */
  min: Array<number | null>;
  max: Array<number | null>;
  /** Per cell: histogram counts, `bins` each. */
  histogram: number[];
  /** Per issue: exact Σ over samples of the spread between models (max − min). */
  spread: number[][];
  /** Per shock: samples in which it happened. */
  shockCount: number[];
  /** Per shock and cell: exact Σx over the samples in which the shock happened. */
  shockSum: number[][];
  /** Per shock and cell: samples in which the shock happened and the model ran. */
  shockRan: number[];
  /** Per issue: samples in which at least one model ran (the spread's denominator). */
  spreadCount: number[];
  /** Per cell and bin: the smallest and largest value in the bin (null when empty). */
  binMin: Array<number | null>;
  binMax: Array<number | null>;
  /** Per cell: samples in which the model could not run (missing inputs). */
  failed: number[];
  /**
   * With a deal check (`deal` in the layout): samples in which some package of the deal space
   * is preferred to no deal by both parties.
   */
  dealExists: number;
  /** Per cell: histogram of sampled outcomes (forecast + calibrated error, or breakdown). */
  outcomeHistogram: number[];
  /** Per cell and bin: the smallest and largest sampled outcome in the bin. */
  outcomeBinMin: Array<number | null>;
  outcomeBinMax: Array<number | null>;
  /**
   * Per cell and bin: how many outcomes equal the bin's smallest and its largest value — so an
   * outcome many samples share (a held position, the status quo) keeps its exact value in the
   * quantiles ({@link histogramInverseQuantile}).
   */
  outcomeBinMinCount: number[];
  outcomeBinMaxCount: number[];
  /**
   * Per cell and outcome point (`points` of the issue, in order): exact Σ over samples of
   * P(outcome ≥ point | sample) — Rao–Blackwellised, so rare outcomes keep their probability.
   */
  outcomeAtLeast: number[][];
  /**
   * Per cell and band boundary (`boundaries` of the issue): exact Σ over samples of
   * P(outcome > boundary) — with `outcomeAtLeast`, the weight of an outcome exactly on a
   * boundary, which counts half for each band it separates.
   */
  outcomeAbove: number[][];
  /** Per cell: exact Σ over samples of P(no phase agreed on the issue: its status quo holds). */
  statusQuoHolds: number[][];
  /** Per phase checked: exact Σ over samples of P(agreement), and of P². */
  agreementSum: number[][];
  agreementSumSq: number[][];
  /** Per question and model: exact Σ of P(yes | sample), Σ P², and samples counted. */
  questionSum: number[][];
  questionSumSq: number[][];
  questionRan: number[];
}

/** What a summary is a summary of: its models, issues, bins, points and checks (fixed per run). */
export interface SummaryLayout {
  models: string[];
  issues: string[];
  scales: Array<[number, number]>;
  bins: number;
  thresholds: number[][];
  shocks: string[];
  /** The two parties and the grid of the per-sample deal check, when asked for. */
  deal?: { between: [string, string]; grid: number };
  /** Per issue: the scale's marks (the named outcomes bands are centred on). */
  marks: number[][];
  /** Per issue: the points at which outcome probabilities are summed, ascending. */
  points: number[][];
  /** Per issue: the boundaries between its named-outcome bands, ascending (also points). */
  boundaries: number[][];
  /** Per model: the central level read for each nominal interval (its calibration's). */
  levels: Array<Record<"50" | "80" | "95", number>>;
  /** Ids of the phases whose agreement is checked. */
  phases: string[];
  /** Ids of the scenario's questions. */
  questions: string[];
}

/** An empty summary of one shard. */
export function emptySummary(layout: SummaryLayout, shard: number): SimulationSummary {
  const cells = layout.models.length * layout.issues.length;
  const zeros = (n: number) => new Array<number>(n).fill(0);
  const sums = (n: number) => Array.from({ length: n }, (): number[] => []);
  const perModel = (lists: number[][]) =>
    lists.reduce((n, list) => n + list.length, 0) * layout.models.length;
  return {
    ...layout,
    shards: [[shard, shard]],
    samples: 0,
    sum: sums(cells),
    sumSq: sums(cells),
    min: new Array<number | null>(cells).fill(null),
    max: new Array<number | null>(cells).fill(null),
    histogram: zeros(cells * layout.bins),
    spread: sums(layout.issues.length),
    shockCount: zeros(layout.shocks.length),
    shockSum: sums(layout.shocks.length * cells),
    shockRan: zeros(layout.shocks.length * cells),
    spreadCount: zeros(layout.issues.length),
    binMin: new Array<number | null>(cells * layout.bins).fill(null),
    binMax: new Array<number | null>(cells * layout.bins).fill(null),
    failed: zeros(cells),
    dealExists: 0,
    outcomeHistogram: zeros(cells * layout.bins),
    outcomeBinMin: new Array<number | null>(cells * layout.bins).fill(null),
    outcomeBinMax: new Array<number | null>(cells * layout.bins).fill(null),
    outcomeBinMinCount: zeros(cells * layout.bins),
    outcomeBinMaxCount: zeros(cells * layout.bins),
    outcomeAtLeast: sums(perModel(layout.points)),
    outcomeAbove: sums(perModel(layout.boundaries)),
    statusQuoHolds: sums(cells),
    agreementSum: sums(layout.phases.length),
    agreementSumSq: sums(layout.phases.length),
    questionSum: sums(layout.questions.length * layout.models.length),
    questionSumSq: sums(layout.questions.length * layout.models.length),
    questionRan: zeros(layout.questions.length * layout.models.length),
  };
}

/**
 * Record one sampled outcome of one model on one issue (`cell` = model × issues + issue): the
 * draw goes into the outcome histogram; `atLeast[j]`, the sample's P(outcome ≥ point j of the
 * issue), and `above[j]`, its P(outcome > boundary j), are summed exactly, and so is the chance
 * that the status quo holds.
 */
export function addOutcome(
  s: SimulationSummary,
  cell: number,
  issue: number,
  draw: number,
  atLeast: ArrayLike<number>,
  above: ArrayLike<number>,
  statusQuoHolds: number,
): void {
  const bin = binOf(s, issue, draw);
  const at = cell * s.bins + bin;
  const lo = s.outcomeBinMin[at] ?? null;
  const hi = s.outcomeBinMax[at] ?? null;
  s.outcomeBinMinCount[at] =
    lo === null || draw < lo ? 1 : (s.outcomeBinMinCount[at] as number) + (draw === lo ? 1 : 0);
  s.outcomeBinMaxCount[at] =
    hi === null || draw > hi ? 1 : (s.outcomeBinMaxCount[at] as number) + (draw === hi ? 1 : 0);
  addToHistogram(s, issue, cell, draw, s.outcomeHistogram, s.outcomeBinMin, s.outcomeBinMax);
  const model = Math.floor(cell / s.issues.length);
  const points = listAt(s.points, model, issue);
  for (let t = 0; t < points.count; t++) {
    addExact(s.outcomeAtLeast[points.first + t] as number[], atLeast[t] as number);
  }
  const boundaries = listAt(s.boundaries, model, issue);
  for (let t = 0; t < boundaries.count; t++) {
    addExact(s.outcomeAbove[boundaries.first + t] as number[], above[t] as number);
  }
  addExact(s.statusQuoHolds[cell] as number[], statusQuoHolds);
}

/** Count x in a cell's equal-width histogram on the issue's scale, keeping each bin's extremes. */
function addToHistogram(
  s: SimulationSummary,
  issue: number,
  cell: number,
  x: number,
  counts: number[],
  binMin: Array<number | null>,
  binMax: Array<number | null>,
): void {
  const at = cell * s.bins + binOf(s, issue, x);
  counts[at] = (counts[at] as number) + 1;
  const lo = binMin[at] ?? null;
  const hi = binMax[at] ?? null;
  if (lo === null || x < lo) binMin[at] = x;
  if (hi === null || x > hi) binMax[at] = x;
}

/** The equal-width bin of x on the issue's scale. */
function binOf(s: SimulationSummary, issue: number, x: number): number {
  const [scaleMin, scaleMax] = s.scales[issue] as [number, number];
  return Math.min(
    s.bins - 1,
    Math.max(0, Math.floor(((x - scaleMin) / (scaleMax - scaleMin)) * s.bins)),
  );
}

/**
 * Where one model's entries for one issue sit in a flat per-model-per-issue array laid out
 * model-major by `lists` (each issue's points, or boundaries): the first index and how many.
 */
export function listAt(
  lists: readonly (readonly number[])[],
  model: number,
  issue: number,
): { first: number; count: number } {
  let total = 0;
  let before = 0;
  for (let k = 0; k < lists.length; k++) {
    const n = (lists[k] as readonly number[]).length;
    if (k < issue) before += n;
    total += n;
  }
  return { first: model * total + before, count: (lists[issue] as readonly number[]).length };
}

/** Record one forecast of one model on one issue. */
export function addToCell(s: SimulationSummary, model: number, issue: number, x: number): void {
  const cell = model * s.issues.length + issue;
  addExact(s.sum[cell] as number[], x);
  addExact(s.sumSq[cell] as number[], x * x);
  const min = s.min[cell] ?? null;
  const max = s.max[cell] ?? null;
  if (min === null || x < min) s.min[cell] = x;
  if (max === null || x > max) s.max[cell] = x;
  addToHistogram(s, issue, cell, x, s.histogram, s.binMin, s.binMax);
}

/**
 * Merge summaries of disjoint shards. Throws when layouts differ or shards overlap, so a part
 * file given twice cannot pass unnoticed; {@link missingShards} tells whether any is absent.
 */
export function mergeSummaries(parts: readonly SimulationSummary[]): SimulationSummary {
  const first = parts[0];
  if (!first) throw new RangeError("nothing to merge");
  const layout = (p: SimulationSummary) =>
    JSON.stringify([
      p.models,
      p.issues,
      p.scales,
      p.bins,
      p.thresholds,
      p.shocks,
      p.deal,
      p.marks,
      p.points,
      p.boundaries,
      p.levels,
      p.phases,
      p.questions,
    ]);
  const out = cloneSummary(first);
  for (const part of parts.slice(1)) {
    if (layout(part) !== layout(out)) {
      throw new RangeError(
        "these summaries have different layouts (another scenario or other options)",
      );
    }
    out.shards = joinRanges(out.shards, part.shards);
    out.samples += part.samples;
    out.dealExists += part.dealExists;
    for (const key of [
      "histogram",
      "shockCount",
      "shockRan",
      "spreadCount",
      "failed",
      "outcomeHistogram",
      "questionRan",
    ] as const) {
      const a = out[key];
      const b = part[key];
      for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) + (b[i] as number);
    }
    for (const key of EXACT_KEYS) {
      for (let i = 0; i < out[key].length; i++)
        mergeExact(out[key][i] as number[], part[key][i] as number[]);
    }
    for (let i = 0; i < out.min.length; i++) {
      out.min[i] = extreme(out.min[i] ?? null, part.min[i] ?? null, Math.min);
      out.max[i] = extreme(out.max[i] ?? null, part.max[i] ?? null, Math.max);
    }
    for (let i = 0; i < out.binMin.length; i++) {
      out.binMin[i] = extreme(out.binMin[i] ?? null, part.binMin[i] ?? null, Math.min);
      out.binMax[i] = extreme(out.binMax[i] ?? null, part.binMax[i] ?? null, Math.max);
      out.outcomeBinMinCount[i] = extremeCount(
        out.outcomeBinMin[i] ?? null,
        out.outcomeBinMinCount[i] as number,
        part.outcomeBinMin[i] ?? null,
        part.outcomeBinMinCount[i] as number,
        -1,
      );
      out.outcomeBinMaxCount[i] = extremeCount(
        out.outcomeBinMax[i] ?? null,
        out.outcomeBinMaxCount[i] as number,
        part.outcomeBinMax[i] ?? null,
        part.outcomeBinMaxCount[i] as number,
        1,
      );
      out.outcomeBinMin[i] = extreme(
        out.outcomeBinMin[i] ?? null,
        part.outcomeBinMin[i] ?? null,
        Math.min,
      );
      out.outcomeBinMax[i] = extreme(
        out.outcomeBinMax[i] ?? null,
        part.outcomeBinMax[i] ?? null,
        Math.max,
      );
    }
  }
  return canonicalSummary(out);
}

/**
 * The count of the merged extreme: the count of whichever side holds it, or both when they
 * agree (`sign` −1 for minima, +1 for maxima).
 */
function extremeCount(
  a: number | null,
  countA: number,
  b: number | null,
  countB: number,
  sign: -1 | 1,
): number {
  if (a === null) return countB;
  if (b === null || a === b) return b === null ? countA : countA + countB;
  return sign * (b - a) > 0 ? countB : countA;
}

function extreme(a: number | null, b: number | null, pick: (x: number, y: number) => number) {
  return a === null ? b : b === null ? a : pick(a, b);
}

/** The fields of a summary that hold exact sums. */
const EXACT_KEYS = [
  "sum",
  "sumSq",
  "spread",
  "shockSum",
  "outcomeAtLeast",
  "outcomeAbove",
  "statusQuoHolds",
  "agreementSum",
  "agreementSumSq",
  "questionSum",
  "questionSumSq",
] as const;

/** The summary with every exact sum in canonical form (see {@link canonicalExact}). */
export function canonicalSummary(s: SimulationSummary): SimulationSummary {
  for (const key of EXACT_KEYS) {
    s[key] = s[key].map(canonicalExact);
  }
  return s;
}

function cloneSummary(s: SimulationSummary): SimulationSummary {
  return {
    ...s,
    thresholds: s.thresholds.map((t) => [...t]),
    scales: s.scales.map(([a, b]): [number, number] => [a, b]),
    shards: s.shards.map(([a, b]): [number, number] => [a, b]),
    sum: s.sum.map((p) => [...p]),
    sumSq: s.sumSq.map((p) => [...p]),
    min: [...s.min],
    max: [...s.max],
    histogram: [...s.histogram],
    spread: s.spread.map((p) => [...p]),
    shockCount: [...s.shockCount],
    shockSum: s.shockSum.map((p) => [...p]),
    shockRan: [...s.shockRan],
    spreadCount: [...s.spreadCount],
    binMin: [...s.binMin],
    binMax: [...s.binMax],
    failed: [...s.failed],
    ...(s.deal ? { deal: { between: [...s.deal.between], grid: s.deal.grid } } : {}),
    marks: s.marks.map((p) => [...p]),
    points: s.points.map((p) => [...p]),
    boundaries: s.boundaries.map((p) => [...p]),
    levels: s.levels.map((l) => ({ ...l })),
    phases: [...s.phases],
    questions: [...s.questions],
    outcomeHistogram: [...s.outcomeHistogram],
    outcomeBinMin: [...s.outcomeBinMin],
    outcomeBinMax: [...s.outcomeBinMax],
    outcomeBinMinCount: [...s.outcomeBinMinCount],
    outcomeBinMaxCount: [...s.outcomeBinMaxCount],
    outcomeAtLeast: s.outcomeAtLeast.map((p) => [...p]),
    outcomeAbove: s.outcomeAbove.map((p) => [...p]),
    statusQuoHolds: s.statusQuoHolds.map((p) => [...p]),
    agreementSum: s.agreementSum.map((p) => [...p]),
    agreementSumSq: s.agreementSumSq.map((p) => [...p]),
    questionSum: s.questionSum.map((p) => [...p]),
    questionSumSq: s.questionSumSq.map((p) => [...p]),
    questionRan: [...s.questionRan],
  };
}

/** Shard indices in [0, total) that a summary does not cover. */
export function missingShards(s: SimulationSummary, total: number): number[] {
  const missing: number[] = [];
  let next = 0;
  for (const [a, b] of s.shards) {
    for (let i = next; i < Math.min(a, total); i++) missing.push(i);
    next = Math.max(next, b + 1);
  }
  for (let i = next; i < total; i++) missing.push(i);
  return missing;
}

function joinRanges(
  a: Array<[number, number]>,
  b: Array<[number, number]>,
): Array<[number, number]> {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of all) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) {
      throw new RangeError(`shard ${s} is in more than one part; each shard may be merged once`);
    }
    if (last && s === last[1] + 1) last[1] = e;
    else out.push([s, e]);
  }
  return out;
}

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

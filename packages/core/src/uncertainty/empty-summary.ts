import type { SimulationSummary, SummaryLayout } from "./simulation-summary.ts";

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

/**
 * Merging the summaries of disjoint shards into one, and telling which shards a merged summary
 * still lacks.
 * @module
 */
import { canonicalSummary, EXACT_KEYS } from "./canonical-summary.ts";
import { mergeExact } from "./exact-sum.ts";
import type { SimulationSummary } from "./simulation-summary.ts";

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

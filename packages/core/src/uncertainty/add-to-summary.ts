import { addExact } from "./exact-sum.ts";
import { listAt } from "./list-at.ts";
import type { SimulationSummary } from "./simulation-summary.ts";

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

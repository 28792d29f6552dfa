import type { MaxMinGainProblem } from "./max-min-gain-problem.ts";
import type { MaxMinGainWorkspace } from "./max-min-gain-workspace.ts";
import { certified, piecewiseDual } from "./piecewise-dual.ts";
import { loadPiecewise } from "./piecewise-start.ts";
import { AT_LOWER, AT_UPPER, FEASIBLE } from "./simplex-constants.ts";

/**
 * The `dual` method: set up the per-issue program (see {@link loadPiecewise}), run
 * {@link piecewiseDual}, certify its basis and write the package into `x`. Returns false if the
 * dual method stalls or the certificate fails, with `x` partly written (the `primal` method then
 * writes every free issue).
 */
export function solvePiecewise(
  problem: MaxMinGainProblem,
  ws: MaxMinGainWorkspace,
  r: number,
  start: number,
  scale: number,
  x: Float64Array,
): boolean {
  // Row stride of the tableau: room for every free issue, whether it becomes a variable or not.
  let W = 2 + r;
  for (let k = 0; k < problem.issues; k++) if (problem.free[k] !== 0) W++;
  const V = loadPiecewise(problem, ws, r, start, scale, W, x);
  const { issueOf, pointCount, points } = ws;
  const L = problem.length;
  // Feasibility tolerance: relative to the moves' total length, from q to the held positions.
  let span = 0;
  for (let v = 0; v < V; v++) {
    const at = v * r;
    const k = issueOf[v] as number;
    const qk = problem.statusQuo[k] as number;
    const hi = Math.max(points[at + (pointCount[v] as number) - 1] as number, qk);
    span += (hi - Math.min(points[at] as number, qk)) / (L[k] as number);
  }
  if (!piecewiseDual(ws, r, V, W, FEASIBLE * span) || !certified(ws, r, V, W)) return false;

  // Nonbasic issues sit exactly on a breakpoint; a basic one inside its segment.
  const { sense, segment, basis, beta, lengths } = ws;
  for (let v = 0; v < V; v++) {
    const j = 1 + v;
    const at = v * r + (segment[j] as number);
    const k = issueOf[v] as number;
    if (sense[j] === AT_LOWER) x[k] = points[at] as number;
    else if (sense[j] === AT_UPPER) x[k] = points[at + 1] as number;
  }
  for (let row = 0; row < r; row++) {
    const j = basis[row] as number;
    if (j === 0 || j > V) continue;
    const at = (j - 1) * r + (segment[j] as number);
    const k = issueOf[j - 1] as number;
    const u = lengths[at] as number;
    const filled = beta[row] as number;
    const lo = points[at] as number;
    const hi = points[at + 1] as number;
    if (filled >= u * (1 - 1e-12)) x[k] = hi;
    else if (filled <= 0) x[k] = lo;
    else x[k] = Math.min(lo + filled * (L[k] as number), hi);
  }
  return true;
}

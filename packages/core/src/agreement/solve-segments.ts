import type { MaxMinGainProblem } from "./max-min-gain-problem.ts";
import type { MaxMinGainWorkspace } from "./max-min-gain-workspace.ts";
import { primalSimplex } from "./primal-simplex.ts";
import { buildSegments, loadTableau } from "./segment-program.ts";
import { AT_UPPER, FEASIBLE } from "./simplex-constants.ts";

/**
 * The `primal` method: build the segment program, solve it from y = 0, t = 0 and write the
 * package into `x` (each side's segments filled in order, the two sides netted).
 */
export function solveSegments(
  problem: MaxMinGainProblem,
  ws: MaxMinGainWorkspace,
  r: number,
  scale: number,
  x: Float64Array,
): void {
  const { issues: K, statusQuo: q, length: L, free } = problem;
  // Columns: t, then the segments of each free issue (up-moves, then down-moves), then slacks.
  const m = buildSegments(problem, ws, r);
  const N = 1 + m + r;
  let span = 0;
  for (let j = 0; j < m; j++) span += ws.segmentLength[j] as number;
  loadTableau(problem, ws, r, m, scale);
  primalSimplex(ws, r, N, FEASIBLE * span);

  // Filled length of every variable at the optimum.
  const { sense, upper, basis, beta, fill, bounds, segmentEnd } = ws;
  for (let j = 0; j < N; j++) fill[j] = sense[j] === AT_UPPER ? (upper[j] as number) : 0;
  for (let row = 0; row < r; row++) {
    const j = basis[row] as number;
    fill[j] = Math.min(Math.max(beta[row] as number, 0), upper[j] as number);
  }

  // Rebuild x: fill each side's segments in order, then net the two sides.
  for (let k = 0; k < K; k++) {
    if (free[k] === 0) continue;
    const qk = q[k] as number;
    const first = bounds[2 * k] as number;
    const middle = bounds[2 * k + 1] as number;
    const last = bounds[2 * k + 2] as number;
    const lk = L[k] as number;
    const up = walk(ws, first, middle, qk, lk);
    const down = walk(ws, middle, last, qk, -lk);
    let xk = up + down - qk;
    // Keep x within the held positions, whatever the rounding of the net move.
    const hi = middle > first ? (segmentEnd[middle - 1] as number) : qk;
    const lo = last > middle ? (segmentEnd[last - 1] as number) : qk;
    if (xk > hi) xk = hi;
    if (xk < lo) xk = lo;
    x[k] = xk;
  }
}

/**
 * Where the segments [from, to) of one side end when filled in order with their total filled
 * length: breakpoints exactly when whole segments are filled. `scale` is ±L (the side's sign).
 */
function walk(ws: MaxMinGainWorkspace, from: number, to: number, q: number, scale: number): number {
  const { fill, segmentEnd, segmentLength } = ws;
  let total = 0;
  for (let j = from; j < to; j++) total += fill[1 + j] as number;
  let at = q;
  for (let j = from; j < to && total > 0; j++) {
    const u = segmentLength[j] as number;
    if (total >= u * (1 - 1e-12)) {
      at = segmentEnd[j] as number;
      total -= u;
    } else {
      at += total * scale;
      total = 0;
    }
  }
  return at;
}

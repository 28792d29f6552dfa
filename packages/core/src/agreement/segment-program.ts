import type { MaxMinGainProblem } from "./max-min-gain-problem.ts";
import type { MaxMinGainWorkspace } from "./max-min-gain-workspace.ts";
import { AT_LOWER, BASIC } from "./simplex-constants.ts";

/**
 * Fill `ws`'s segment arrays: for each free issue, the distinct positions of the r required
 * actors (rows) with w > 0 above q in increasing order, then those below q in decreasing order.
 * Returns the number of segments.
 */
export function buildSegments(
  problem: MaxMinGainProblem,
  ws: MaxMinGainWorkspace,
  r: number,
): number {
  const { issues: K, statusQuo: q, length: L, positions: p, weights: w, free } = problem;
  const { rows, breaks, segmentIssue, segmentEnd, segmentLength, bounds } = ws;
  let m = 0;
  for (let k = 0; k < K; k++) {
    bounds[2 * k] = m;
    if (free[k] === 0) {
      bounds[2 * k + 1] = m;
      continue;
    }
    const qk = q[k] as number;
    const lk = L[k] as number;
    for (let side = 1; side >= -1; side -= 2) {
      // Insertion sort of side·(p − q) > 0, dropping duplicates: at most r entries.
      let count = 0;
      for (let row = 0; row < r; row++) {
        const at = (rows[row] as number) * K + k;
        if ((w[at] as number) === 0) continue;
        const d = side * ((p[at] as number) - qk);
        if (!(d > 0)) continue;
        const v = p[at] as number;
        let slot = count;
        while (slot > 0 && side * ((breaks[slot - 1] as number) - v) > 0) slot--;
        if (slot > 0 && breaks[slot - 1] === v) continue;
        for (let j = count; j > slot; j--) breaks[j] = breaks[j - 1] as number;
        breaks[slot] = v;
        count++;
      }
      let previous = qk;
      for (let j = 0; j < count; j++) {
        const end = breaks[j] as number;
        segmentIssue[m] = k;
        segmentEnd[m] = end;
        segmentLength[m] = Math.abs(end - previous) / lk;
        previous = end;
        m++;
      }
      if (side === 1) bounds[2 * k + 1] = m;
    }
  }
  bounds[2 * K] = m;
  return m;
}

/**
 * Write the start y = 0, t = 0 into `ws`: one row t − Σⱼ cᵢⱼ yⱼ + sᵢ = 0 per required actor i,
 * with cᵢⱼ = ±wᵢₖ / max w (+ when segment j leads towards the actor's position), the slacks sᵢ
 * basic, objective t (column 0).
 */
export function loadTableau(
  problem: MaxMinGainProblem,
  ws: MaxMinGainWorkspace,
  r: number,
  m: number,
  scale: number,
): void {
  const { issues: K, statusQuo: q, positions: p, weights: w } = problem;
  const { rows, segmentIssue, segmentEnd, segmentLength } = ws;
  const { tableau: T, reduced, upper, sense, basis, beta } = ws;
  const N = 1 + m + r;
  T.fill(0, 0, r * N);
  for (let row = 0; row < r; row++) {
    const at = (rows[row] as number) * K;
    const base = row * N;
    T[base] = 1;
    for (let j = 0; j < m; j++) {
      const k = segmentIssue[j] as number;
      const wik = (w[at + k] as number) * scale;
      const end = segmentEnd[j] as number;
      // Towards the actor iff its position is at or beyond the segment's outer end.
      const beyond = (end > (q[k] as number) ? 1 : -1) * ((p[at + k] as number) - end) >= 0;
      T[base + 1 + j] = beyond ? -wik : wik;
    }
    T[base + 1 + m + row] = 1;
  }
  reduced.fill(0, 0, N);
  reduced[0] = 1;
  upper[0] = Number.POSITIVE_INFINITY;
  sense[0] = AT_LOWER;
  for (let j = 0; j < m; j++) {
    upper[1 + j] = segmentLength[j] as number;
    sense[1 + j] = AT_LOWER;
  }
  for (let row = 0; row < r; row++) {
    upper[1 + m + row] = Number.POSITIVE_INFINITY;
    sense[1 + m + row] = BASIC;
    basis[row] = 1 + m + row;
    beta[row] = 0;
  }
}

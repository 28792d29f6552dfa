import type { MaxMinGainProblem } from "./max-min-gain-problem.ts";
import type { MaxMinGainWorkspace } from "./max-min-gain-workspace.ts";
import { AT_LOWER, AT_UPPER, BASIC } from "./simplex-constants.ts";

/**
 * Write the start of the `dual` method into `ws` and return the number V of issue variables:
 * one per free issue on which the required actors with weight there hold two or more distinct
 * positions, its breakpoints. (A free issue with one held position goes there in `x`, the best
 * for everyone who cares; one with none stays at q.) Column 0 is t, 1 + v issue variable v (its
 * column: the slopes −cᵢ = ∓wᵢₖ / max w of its current segment, − when actor i's position is
 * at or beyond the segment's upper end), 1 + V + row the slack of `row`, and 1 + V + r a spare
 * for {@link piecewiseDual}; the tableau has row stride W ≥ 2 + V + r. Every issue sits at the
 * position of the actor in row `start` (if that actor has no weight there, at the first
 * breakpoint from q up, or the last), t is basic in that row and the other slacks in theirs;
 * the tableau, reduced costs and basic values (the gains at that package, from the formula)
 * are written for that basis directly.
 */
export function loadPiecewise(
  problem: MaxMinGainProblem,
  ws: MaxMinGainWorkspace,
  r: number,
  start: number,
  scale: number,
  W: number,
  x: Float64Array,
): number {
  const { issues: K, statusQuo: q, length: L, positions: p, weights: w, free } = problem;
  const { rows, issueOf, pointCount, segment, points, lengths, holders, held, kinks, first } = ws;
  const { tableau: T, reduced: d, upper, sense, basis, beta } = ws;
  const firstStride = r + 1;
  T.fill(0, 0, r * W);
  d.fill(0, 0, W);
  beta.fill(0, 0, r);
  let V = 0;
  for (let k = 0; k < K; k++) {
    if (free[k] === 0) continue;
    const qk = q[k] as number;
    // The rows with weight on k, by position (insertion sort; ties in row order).
    const hb = V * r;
    let count = 0;
    for (let row = 0; row < r; row++) {
      const at = (rows[row] as number) * K + k;
      const wik = w[at] as number;
      if (wik === 0) continue;
      const v = p[at] as number;
      let slot = hb + count;
      while (slot > hb && (held[slot - 1] as number) > v) {
        held[slot] = held[slot - 1] as number;
        holders[slot] = holders[slot - 1] as number;
        kinks[slot] = kinks[slot - 1] as number;
        slot--;
      }
      held[slot] = v;
      holders[slot] = row;
      kinks[slot] = wik * scale;
      count++;
    }
    if (count === 0) continue;
    // Distinct breakpoints: the held positions. atQ: the first at or above q, else the last.
    const pb = V * r;
    const fb = V * firstStride;
    let nb = 0;
    let atQ = 0;
    let atStart = -1;
    for (let h = 0; h < count; h++) {
      const value = held[hb + h] as number;
      if (h === 0 || value !== held[hb + h - 1]) {
        first[fb + nb] = h;
        points[pb + nb] = value;
        if (value < qk) atQ = nb + 1;
        nb++;
      }
      if (holders[hb + h] === start) atStart = nb - 1;
    }
    first[fb + nb] = count;
    const lk = L[k] as number;
    if (nb === 1) {
      // One position held: x goes there, the best for all who care.
      const xk = points[pb] as number;
      x[k] = xk;
      for (let c = hb; c < hb + count; c++) {
        const row = holders[c] as number;
        const wik = kinks[c] as number;
        beta[row] = (beta[row] as number) + (wik * Math.abs(qk - xk)) / lk;
      }
      continue;
    }
    if (atQ === nb) atQ = nb - 1;
    for (let b = 0; b + 1 < nb; b++) {
      lengths[pb + b] = ((points[pb + b + 1] as number) - (points[pb + b] as number)) / lk;
    }
    issueOf[V] = k;
    pointCount[V] = nb;
    // Start at the start actor's position: nonbasic at the lower end of the segment above it,
    // or at the upper end of the last segment. Its reduced costs there favour no move.
    const j = 1 + V;
    const at = atStart >= 0 ? atStart : atQ;
    const s = at < nb - 1 ? at : nb - 2;
    segment[j] = s;
    sense[j] = at < nb - 1 ? AT_LOWER : AT_UPPER;
    upper[j] = lengths[pb + s] as number;
    // Column j of A (the holders from the segment's end on are beyond it), the gains at the
    // start (scaled by 1 / max w), and 2wᵢ/max w, the change of a slope across a kink.
    const xk = points[pb + at] as number;
    const beyond = hb + (first[fb + s + 1] as number);
    let aStart = 0;
    for (let c = hb; c < hb + count; c++) {
      const row = holders[c] as number;
      const pik = held[c] as number;
      const wik = kinks[c] as number;
      const a = c < beyond ? wik : -wik;
      if (row === start) aStart = a;
      T[row * W + j] = a;
      beta[row] = (beta[row] as number) + (wik * (Math.abs(qk - pik) - Math.abs(xk - pik))) / lk;
      kinks[c] = 2 * wik;
    }
    // In the basis {t in row start, the other slacks}, row start is the actor's row of A and
    // every other row its own minus that one.
    if (aStart !== 0) {
      for (let row = 0; row < r; row++) {
        if (row !== start) T[row * W + j] = (T[row * W + j] as number) - aStart;
      }
    }
    d[j] = -aStart;
    V++;
  }

  upper[0] = Number.POSITIVE_INFINITY;
  sense[0] = BASIC;
  basis[start] = 0;
  T[start * W] = 1;
  const gainStart = beta[start] as number;
  const slack = 1 + V;
  for (let row = 0; row < r; row++) {
    const j = slack + row;
    upper[j] = Number.POSITIVE_INFINITY;
    T[row * W + j] = 1;
    T[row * W + slack + start] = row === start ? 1 : -1;
    if (row === start) {
      sense[j] = AT_LOWER;
      d[j] = -1;
    } else {
      sense[j] = BASIC;
      basis[row] = j;
      beta[row] = (beta[row] as number) - gainStart;
    }
  }
  sense[slack + r] = BASIC; // the spare, unused
  return V;
}

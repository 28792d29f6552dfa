/**
 * The bounded-variable dual simplex method with the bound-flipping ratio test on the per-issue
 * program of the `dual` method of {@link maxMinGain} (Maros 2003; Koberstein 2005; Fourer 1985
 * for the piecewise-linear variables: see `max-min-gain.ts`), and the check of its end basis.
 * @module
 */
import type { MaxMinGainWorkspace } from "./max-min-gain-workspace.ts";
import {
  AT_LOWER,
  AT_UPPER,
  BASIC,
  BLAND_AFTER,
  DUAL_STEPS,
  PIVOT_MIN,
  PRICE_ZERO,
} from "./simplex-constants.ts";
import { pivot } from "./tableau-pivot.ts";

/**
 * Move the nonbasic column j of issue variable v to the segment beside its current one in
 * direction `move` (+1 up, −1 down) across their shared breakpoint, where the slopes of the
 * actors held there change sign: column and reduced cost gain ±2wᵢ/max w times those actors'
 * slack columns and prices. The variable stays on the same point: at the lower end of the new
 * segment when moving up, the upper end when moving down. W is the tableau's row stride.
 */
function cross(
  ws: MaxMinGainWorkspace,
  r: number,
  V: number,
  W: number,
  v: number,
  j: number,
  move: number,
): void {
  const { tableau: T, reduced: d, upper, sense, segment, lengths, holders, kinks, first } = ws;
  const s = segment[j] as number;
  const b = move > 0 ? s + 1 : s;
  const fb = v * (r + 1);
  const hb = v * r;
  const slack = 1 + V;
  for (let h = hb + (first[fb + b] as number); h < hb + (first[fb + b + 1] as number); h++) {
    const c = slack + (holders[h] as number);
    const f = move * (kinks[h] as number);
    for (let row = 0; row < r; row++) {
      T[row * W + j] = (T[row * W + j] as number) + f * (T[row * W + c] as number);
    }
    d[j] = (d[j] as number) + f * (d[c] as number);
  }
  segment[j] = s + move;
  sense[j] = move > 0 ? AT_LOWER : AT_UPPER;
  upper[j] = lengths[v * r + s + move] as number;
}

/** Results of {@link beside}. */
let besideAlpha = 0;
let besidePrice = 0;

/**
 * Row `p`'s entry and the reduced cost of the segment beside column j's (of issue variable v) in
 * direction `move`, as {@link cross} would make them (to the bit), into besideAlpha and
 * besidePrice. Returns false if there is no segment that way.
 */
function beside(
  ws: MaxMinGainWorkspace,
  r: number,
  V: number,
  W: number,
  p: number,
  v: number,
  j: number,
  move: number,
): boolean {
  const { tableau: T, reduced: d, segment, pointCount, holders, kinks, first } = ws;
  const s = segment[j] as number;
  if (move > 0 ? s + 2 >= (pointCount[v] as number) : s === 0) return false;
  const b = move > 0 ? s + 1 : s;
  const fb = v * (r + 1);
  const hb = v * r;
  const slack = 1 + V;
  let alpha = T[p * W + j] as number;
  let price = d[j] as number;
  for (let h = hb + (first[fb + b] as number); h < hb + (first[fb + b + 1] as number); h++) {
    const c = slack + (holders[h] as number);
    const f = move * (kinks[h] as number);
    alpha += f * (T[p * W + c] as number);
    price += f * (d[c] as number);
  }
  besideAlpha = alpha;
  besidePrice = price;
  return true;
}

/**
 * Bounded-variable dual simplex method with the bound-flipping ratio test on the per-issue
 * program of {@link loadPiecewise} (V issue variables, N = 1 + V + r columns and the spare,
 * row stride W).
 * A nonbasic issue variable is a candidate with its current segment or the neighbouring one
 * (whichever has the smaller ratio); a flip moves it to its next breakpoint, and the segment
 * beyond becomes its candidate. A leaving issue variable's next segment beyond its violated
 * bound is a candidate too, in the spare column: entering, it keeps the variable basic in that
 * segment; flipped, it moves the variable on. Returns false (leaving `ws` in an unspecified
 * state) if it does not reach a primal feasible basis within its step limit or meets a row it
 * cannot repair; true with a basis primal feasible to `tolerance` otherwise.
 */
export function piecewiseDual(
  ws: MaxMinGainWorkspace,
  r: number,
  V: number,
  W: number,
  tolerance: number,
): boolean {
  const { tableau: T, reduced: d, upper, sense, segment, basis, beta } = ws;
  const { candidates, ratios, moves } = ws;
  const N = 1 + V + r;
  const spare = N;
  let degenerateRun = 0;
  for (let steps = 0; steps < DUAL_STEPS; steps++) {
    const bland = degenerateRun >= BLAND_AFTER;
    // Leaving row: the most infeasible basic variable (Bland: the smallest infeasible index).
    let leave = -1;
    let excess = tolerance;
    for (let row = 0; row < r; row++) {
      const j = basis[row] as number;
      if (j === 0) continue; // t is free
      const v = beta[row] as number;
      const u = upper[j] as number;
      const off = v < 0 ? -v : v > u ? v - u : 0;
      if (off <= tolerance) continue;
      if (bland ? leave < 0 || j < (basis[leave] as number) : off > excess) {
        leave = row;
        excess = off;
      }
    }
    if (leave < 0) return true;
    const leaving = basis[leave] as number;
    const below = (beta[leave] as number) < 0;
    const direction = below ? 1 : -1;
    let slope = below
      ? -(beta[leave] as number)
      : (beta[leave] as number) - (upper[leaving] as number);
    const base = leave * W;

    // A leaving issue variable's next segment beyond its bound: the spare, a copy of its unit
    // column moved across the breakpoint.
    let spareOf = -1;
    if (leaving <= V) {
      const v = leaving - 1;
      const s = segment[leaving] as number;
      if (below ? s > 0 : s + 2 < (ws.pointCount[v] as number)) {
        for (let row = 0; row < r; row++) T[row * W + spare] = row === leave ? 1 : 0;
        d[spare] = 0;
        segment[spare] = s;
        cross(ws, r, V, W, v, spare, -direction);
        spareOf = v;
      }
    }

    // Slacks (upper bound ∞) stop the ratio test: only the first of them matters, and no
    // candidate with a larger ratio can enter.
    let cap = Number.POSITIVE_INFINITY;
    let capColumn = W;
    for (let j = V + 1; j < N; j++) {
      if (sense[j] === BASIC) continue;
      const a = direction * (T[base + j] as number);
      if (a < -PIVOT_MIN) {
        const dj = -(d[j] as number);
        const ratio = dj > PRICE_ZERO ? dj / -a : 0;
        if (ratio < cap) {
          cap = ratio;
          capColumn = j;
        }
      }
    }

    // Candidates: nonbasic variables whose move pushes the leaving one back towards its bound,
    // with the dual ratio |dⱼ / Tₚⱼ| (move·d ≤ 0 by dual feasibility). t stays basic. An issue
    // variable offers its current segment (move = sense) or the neighbouring one (move = −sense).
    let count = 0;
    if (spareOf >= 0) {
      const a = -(T[base + spare] as number);
      if (a < -PIVOT_MIN) {
        const sj = sense[spare] as number;
        const dj = -sj * (d[spare] as number);
        const ratio = dj > PRICE_ZERO ? dj / -a : 0;
        if (ratio < cap) {
          candidates[count] = spare;
          ratios[count] = ratio;
          moves[count] = sj;
          count++;
        }
      }
    }
    for (let j = 1; j <= V; j++) {
      const sj = sense[j] as number;
      if (sj === BASIC) continue;
      let best = cap;
      let move = 0;
      const a = direction * sj * (T[base + j] as number);
      if (a < -PIVOT_MIN) {
        const dj = -sj * (d[j] as number);
        const ratio = dj > PRICE_ZERO ? dj / -a : 0;
        if (ratio < best || (ratio === best && j < capColumn)) {
          best = ratio;
          move = sj;
        }
      }
      if (beside(ws, r, V, W, leave, j - 1, j, -sj)) {
        const aj = -direction * sj * besideAlpha;
        if (aj < -PIVOT_MIN) {
          const dj = sj * besidePrice;
          const ratio = dj > PRICE_ZERO ? dj / -aj : 0;
          if (ratio < best || (move === 0 && ratio === best && j < capColumn)) {
            best = ratio;
            move = -sj;
          }
        }
      }
      if (move !== 0) {
        candidates[count] = j;
        ratios[count] = best;
        moves[count] = move;
        count++;
      }
    }

    // Entering: the smallest ratio (ties: smallest index). With bound flipping, pass the kinks
    // of boxed candidates as long as flipping them leaves the row infeasible; a flipped issue
    // variable offers its next segment the same way.
    let enter = -1;
    let ratio = 0;
    let spareFlipped = false;
    for (;;) {
      let pick = -1;
      let least = cap;
      let leastColumn = capColumn;
      for (let c = 0; c < count; c++) {
        const rc = ratios[c] as number;
        if (rc < least || (rc === least && (candidates[c] as number) < leastColumn)) {
          pick = c;
          least = rc;
          leastColumn = candidates[c] as number;
        }
      }
      if (pick < 0) {
        enter = capColumn === W ? -1 : capColumn;
        ratio = cap;
        break;
      }
      const j = leastColumn;
      const move = moves[pick] as number;
      const v = j === spare ? spareOf : j - 1;
      ratio = least;
      if (move !== sense[j]) cross(ws, r, V, W, v, j, move);
      const u = upper[j] as number;
      const drop = Math.abs(T[base + j] as number) * u;
      if (bland || slope - drop <= tolerance) {
        enter = j;
        break;
      }
      // Flip j to its other bound: the next breakpoint.
      slope -= drop;
      const change = move * u;
      sense[j] = -move;
      if (j === spare) spareFlipped = true;
      for (let row = 0; row < r; row++) {
        beta[row] = (beta[row] as number) - (T[row * W + j] as number) * change;
      }
      // Its next segment the same way, if any, if it still pushes the row back and if it might
      // come before the first slack.
      let next = false;
      if (beside(ws, r, V, W, leave, v, j, move)) {
        const a = direction * move * besideAlpha;
        if (a < -PIVOT_MIN) {
          const dj = -move * besidePrice;
          const rn = dj > PRICE_ZERO ? dj / -a : 0;
          if (rn < cap || (rn === cap && j < capColumn)) {
            ratios[pick] = rn;
            next = true;
          }
        }
      }
      if (!next) {
        count--;
        candidates[pick] = candidates[count] as number;
        ratios[pick] = ratios[count] as number;
        moves[pick] = moves[count] as number;
      }
    }
    if (enter < 0) return false;
    degenerateRun++;
    if (ratio !== 0) degenerateRun = 0;

    // Move the entering variable until the leaving one sits on its bound, then pivot.
    const bound = below ? 0 : (upper[leaving] as number);
    const theta = ((beta[leave] as number) - bound) / (T[base + enter] as number);
    for (let row = 0; row < r; row++) {
      beta[row] = (beta[row] as number) - (T[row * W + enter] as number) * theta;
    }
    const entering = (sense[enter] === AT_UPPER ? (upper[enter] as number) : 0) + theta;
    sense[leaving] = below ? AT_LOWER : AT_UPPER;
    pivot(T, d, r, W, leave, enter, N + 1);
    if (enter === spare || spareFlipped) {
      // The leaving variable stays basic in its next segment, or moved on past it: its column
      // becomes the spare's.
      for (let row = 0; row < r; row++) T[row * W + leaving] = T[row * W + spare] as number;
      d[leaving] = d[spare] as number;
      segment[leaving] = segment[spare] as number;
      upper[leaving] = upper[spare] as number;
      sense[leaving] = sense[spare] as number;
    }
    if (enter === spare) {
      basis[leave] = leaving;
      sense[leaving] = BASIC;
    } else {
      basis[leave] = enter;
      sense[enter] = BASIC;
    }
    beta[leave] = entering;
    sense[spare] = BASIC;
  }
  return false;
}

/**
 * Whether the basis left by {@link piecewiseDual} is dual feasible to rounding: whether no
 * nonbasic slack, and no segment beside an issue variable (a nonbasic one's current segment and
 * the one across its breakpoint, a basic one's neighbours on both sides), has a reduced cost
 * that would raise t by more than rounding.
 */
export function certified(ws: MaxMinGainWorkspace, r: number, V: number, W: number): boolean {
  const { reduced: d, sense } = ws;
  const N = 1 + V + r;
  for (let j = 1; j < N; j++) {
    const sj = sense[j] as number;
    if (sj * (d[j] as number) > PRICE_ZERO) return false;
    if (j > V) continue;
    for (let move = -1; move <= 1; move += 2) {
      if (move === sj) continue; // that way lies its current segment
      if (beside(ws, r, V, W, 0, j - 1, j, move) && move * besidePrice > PRICE_ZERO) return false;
    }
  }
  return true;
}

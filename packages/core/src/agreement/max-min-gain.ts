/**
 * The max-min gain of a negotiation phase: the largest amount by which every required actor can
 * gain over the status quo at once, and a package that achieves it.
 *
 * Actor i's gain from a package x over the status quo q, with linear (city-block) loss on scales
 * of length L (Enelow & Hinich 1984, *The Spatial Theory of Voting*), is
 *
 *   gainᵢ(x) = Σₖ wᵢₖ · (|qₖ − pᵢₖ| − |xₖ − pᵢₖ|) / Lₖ,
 *
 * and the phase's value is max over x of min over required i of gainᵢ(x), with the fixed issues
 * held at q. It is > 0 exactly when the win-set of the status quo — the packages every required
 * actor (veto player) strictly prefers to it — is non-empty (Putnam 1988, "Diplomacy and Domestic
 * Politics: The Logic of Two-Level Games", *Int. Organization* 42(3); Tsebelis 2002, *Veto
 * Players*). "Maximise the minimum gain" is SmartSettle's agreement rule (Thiessen, US
 * patent 5,495,412; `docs/research/deal-space.md`), here solved exactly for linear loss.
 * @module
 */

import type { MaxMinGainProblem } from "./max-min-gain-problem.ts";
import {
  createMaxMinGainWorkspace,
  fitWorkspace,
  type MaxMinGainWorkspace,
} from "./max-min-gain-workspace.ts";
import { solvePiecewise } from "./solve-piecewise.ts";
import { solveSegments } from "./solve-segments.ts";
import { validateProblem } from "./validate-problem.ts";

/** Result of {@link maxMinGain}. */
export interface MaxMinGain {
  /** max over packages of min over required actors of gainᵢ, ≥ 0 (0 or ≥ 1e-12 × scale). */
  value: number;
  /** A maximising package, length K: fixed issues at qₖ, free ones between held positions. */
  x: Float64Array;
}

/**
 * How {@link maxMinGain} solves its linear program: `dual` (default, fast: a piecewise-linear
 * dual simplex method with one variable per issue, its result certified by its reduced costs;
 * `primal` takes over if it ever stalls or fails the certificate) or `primal` (the primal
 * simplex method alone, with one variable per segment, from y = 0, t = 0; slower, kept as the
 * reference and the fallback).
 */
export type MaxMinGainMethod = "dual" | "primal";

/** A value within this fraction of the gains' magnitude is reported as exactly 0. */
const RELATIVE_ZERO = 1e-12;

let shared: MaxMinGainWorkspace | undefined;
let fallbacks = 0;

/**
 * How many calls with the `dual` method have fallen back to `primal` in this process (see
 * {@link maxMinGain}; numerical trouble, expected to stay 0): for tests and profiling.
 */
export function maxMinGainFallbacks(): number {
  return fallbacks;
}

/**
 * The max-min gain of `problem` (see the module comment): value = max over packages x (fixed
 * issues at q) of min over required actors of gainᵢ(x), and a maximiser x.
 *
 * Reduction (exact, no enumeration). gainᵢ is concave and piecewise linear in each xₖ, with its
 * one kink at pᵢₖ. Outside the range of the positions held on a free issue (by the required
 * actors with w > 0), everyone holding one gains by moving xₖ into it and no-one else cares, so
 * xₖ can be kept between q and the held positions. These cut that range into segments, along
 * each of which every actor's slope is constant (+w/L towards its position, −w/L beyond) and,
 * along a move away from any point, non-increasing. The value is therefore the linear program
 *
 *   max t  s.t.  t ≤ Σⱼ cᵢⱼ yⱼ (each required i),  0 ≤ yⱼ ≤ uⱼ,
 *
 * with one row per required actor, segment lengths uⱼ and slopes cᵢⱼ = ±wᵢₖ, where yⱼ is how
 * much of segment j a package covers: filling a later segment of a move before an earlier one,
 * or moving both ways from q (by concavity, g(q+U−D) ≥ g(q+U) + g(q−D) when g(q) = 0), never
 * helps anyone.
 *
 * Solution (`dual`). Filled in order, an issue's segments amount to one position, so the
 * program is solved with one variable per free issue, its position xₖ, kept within the range of
 * its breakpoints, the distinct held positions (q is no kink; where one position is held, xₖ
 * goes there), by the piecewise-linear simplex method of Fourer (1985, "A simplex algorithm for
 * piecewise-linear programming I: derivation and proof", *Math. Programming* 33): a nonbasic
 * variable sits at a breakpoint, a basic one inside a segment, and the ratio test crosses
 * breakpoints. Fourer's kinks change a variable's cost; here they change its column (the slopes
 * of the actors held there), so crossing one adds multiples of those actors' slack columns (the
 * columns of B⁻¹) to the variable's tableau column and reduced cost. The dense tableau has r
 * rows and 2 + (free issues) + r columns, where `primal` has a column per segment (up to r per
 * side of an issue). It starts with t basic in the row of the actor whose best possible gain is
 * smallest and every issue that actor weighs at its position (a dual feasible basis); the
 * bounded-variable dual simplex method with the bound-flipping ratio test (Maros 2003, "A
 * generalized dual phase-2 simplex algorithm", *Eur. J. Oper. Res.* 149(1); Koberstein 2005,
 * *The dual simplex method*, PhD thesis, Paderborn) then restores primal feasibility, each bound
 * flip moving an issue to its next breakpoint. Its end basis is certified optimal: every basic
 * value is within its bounds, and neither a nonbasic slack nor a segment next to an issue's
 * position prices out. That covers every segment: the slacks' prices are the row duals πᵢ ≥ 0,
 * so a segment's reduced cost Σᵢ πᵢcᵢⱼ is non-increasing along a move, and segments farther
 * away price out no better than the nearer ones. If the dual method stalls or the certificate
 * fails (numerical trouble, not met in testing), `primal` solves the program afresh.
 *
 * Solution (`primal`, the reference). A dense tableau with one column per segment of the moves
 * up and down from q, solved from y = 0, t = 0 by the bounded-variable primal simplex method
 * (Dantzig 1955, "Upper bounds, secondary constraints, and block triangularity in linear
 * programming", *Econometrica* 23(2)). Both methods price by Dantzig's largest-coefficient rule
 * and switch to Bland's smallest-index rule after a run of degenerate steps until the next step
 * that moves; Bland's rule cannot cycle (Bland 1977, "New finite pivoting rules for the simplex
 * method", *Math. Oper. Res.* 2(2)), so the primal method terminates and the dual one is bounded
 * by a step limit.
 *
 * The package is read off the basis (`dual`: nonbasic issues exactly on held positions) or
 * rebuilt by filling each side's segments in order and netting the two sides (`primal`); then
 * min gainᵢ(x) is re-evaluated from the formula and returned (≥ the LP optimum by the arguments
 * above, equal to it up to rounding). A value within 1e-12 of the gains' magnitude is reported
 * as 0 with x = q, so value > 0 means a non-empty win-set beyond rounding. Required actors with
 * no weight on any free issue gain 0 everywhere, so they make the value 0. No free issue:
 * value 0, x = q.
 *
 * Pass a {@link MaxMinGainWorkspace} to reuse scratch memory across calls (by default one
 * module-level workspace is shared, which is safe because the function is synchronous), and a
 * {@link MaxMinGainMethod} to choose the solver (both give the same value up to rounding).
 * Deterministic: the same input gives the same bits.
 *
 * Throws RangeError for inconsistent lengths, non-finite numbers, a scale length ≤ 0, a negative
 * weight, or no required actor — unless `check` is false, for callers that build the problem
 * themselves from validated data (a Monte Carlo loop).
 * @example
 * // One issue, q = 0, actors at 4 and 8 (equal weights): both gain until x = 4.
 * maxMinGain({
 *   issues: 1, actors: 2, statusQuo: Float64Array.of(0), length: Float64Array.of(10),
 *   positions: Float64Array.of(4, 8), weights: Float64Array.of(1, 1),
 *   free: Uint8Array.of(1), required: Uint8Array.of(1, 1),
 * }); // => { value: 0.4, x: Float64Array [4] }
 */
export function maxMinGain(
  problem: MaxMinGainProblem,
  workspace?: MaxMinGainWorkspace,
  method: MaxMinGainMethod = "dual",
  check = true,
): MaxMinGain {
  if (check) validateProblem(problem);
  const { issues: K, actors: n, statusQuo: q, length: L, positions: p, weights: w } = problem;
  const { free, required } = problem;
  let ws: MaxMinGainWorkspace;
  if (workspace === undefined) {
    shared ??= createMaxMinGainWorkspace();
    ws = fitWorkspace(shared, n, K);
  } else {
    ws = fitWorkspace(workspace, n, K);
  }
  const x = new Float64Array(K);
  x.set(q);

  // Rows: the required actors. One of them without weight on a free issue pins the value to 0.
  // The dual method starts from the actor whose best possible gain is smallest.
  const rows = ws.rows;
  let r = 0;
  let wMax = 0;
  let pinned = false;
  let start = 0;
  let startBest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    if (required[i] === 0) continue;
    let own = 0;
    let best = 0;
    for (let k = 0; k < K; k++) {
      if (free[k] === 0) continue;
      const wik = w[i * K + k] as number;
      if (wik > own) own = wik;
      best += (wik * Math.abs((p[i * K + k] as number) - (q[k] as number))) / (L[k] as number);
    }
    if (own === 0) pinned = true;
    if (own > wMax) wMax = own;
    if (best < startBest) {
      startBest = best;
      start = r;
    }
    rows[r++] = i;
  }
  if (pinned || startBest === 0) return { value: 0, x };

  if (method === "primal") {
    solveSegments(problem, ws, r, 1 / wMax, x);
  } else if (!solvePiecewise(problem, ws, r, start, 1 / wMax, x)) {
    fallbacks++;
    solveSegments(problem, ws, r, 1 / wMax, x);
  }

  // Re-evaluate min gainᵢ(x) from the formula.
  let value = Number.POSITIVE_INFINITY;
  let magnitude = 0;
  for (let row = 0; row < r; row++) {
    const i = rows[row] as number;
    let gain = 0;
    let size = 0;
    for (let k = 0; k < K; k++) {
      if (free[k] === 0) continue;
      const wik = w[i * K + k] as number;
      if (wik === 0) continue;
      const pik = p[i * K + k] as number;
      const before = Math.abs((q[k] as number) - pik);
      const after = Math.abs((x[k] as number) - pik);
      const lk = L[k] as number;
      gain += (wik * (before - after)) / lk;
      size += (wik * (before + after)) / lk;
    }
    if (gain < value) value = gain;
    if (size > magnitude) magnitude = size;
  }
  if (!(value > RELATIVE_ZERO * magnitude)) {
    x.set(q);
    return { value: 0, x };
  }
  return { value, x };
}

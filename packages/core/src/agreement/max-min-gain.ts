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

/** A max-min gain problem: n actors, K issues, actor-major n×K position and weight matrices. */
export interface MaxMinGainProblem {
  /** K, the number of issues. */
  issues: number;
  /** n, the number of actors. */
  actors: number;
  /** qₖ, length K. */
  statusQuo: Float64Array;
  /** Lₖ > 0, the length of issue k's scale, length K. */
  length: Float64Array;
  /** pᵢₖ at i·K + k, length n·K. */
  positions: Float64Array;
  /** wᵢₖ ≥ 0 at i·K + k, length n·K (0: actor i does not care about issue k). */
  weights: Float64Array;
  /** 1 where issue k may move, 0 where it stays at its status quo; length K. */
  free: Uint8Array;
  /** 1 where actor i must gain, length n; at least one actor must be required. */
  required: Uint8Array;
}

/** Result of {@link maxMinGain}. */
export interface MaxMinGain {
  /** max over packages of min over required actors of gainᵢ, ≥ 0 (0 or ≥ 1e-12 × scale). */
  value: number;
  /** A maximising package, length K: fixed issues at qₖ, free ones between held positions. */
  x: Float64Array;
}

/**
 * How {@link maxMinGain} solves its linear program: `dual` (default, fast: the dual simplex
 * method, certified by the primal one) or `primal` (the primal simplex method alone from
 * y = 0, t = 0; slower, kept as the reference and the fallback).
 */
export type MaxMinGainMethod = "dual" | "primal";

/**
 * Scratch memory for {@link maxMinGain}, reused across calls so that a call allocates only its
 * result. Grown on demand; the contents are meaningless between calls. One workspace must not
 * be shared by two calls running at the same time.
 */
export interface MaxMinGainWorkspace {
  /** Indices of the required actors (the LP's rows). */
  rows: Int32Array;
  /** Sorted distinct breakpoints of one issue side. */
  breaks: Float64Array;
  /** Per segment: its issue, its outer breakpoint, its length in scale units. */
  segmentIssue: Int32Array;
  segmentEnd: Float64Array;
  segmentLength: Float64Array;
  /** Segment ranges per issue: up-moves [bounds[2k], bounds[2k+1]), down-moves to bounds[2k+2]. */
  bounds: Int32Array;
  /** Dense simplex tableau B⁻¹A, rows × columns, row-major. */
  tableau: Float64Array;
  /** Per LP variable: reduced cost, upper bound, fill. */
  reduced: Float64Array;
  upper: Float64Array;
  fill: Float64Array;
  /** Per LP variable: +1 nonbasic at its lower bound (free to rise), −1 at its upper, 0 basic. */
  sense: Int8Array;
  /** Per row: basic variable and its value. */
  basis: Int32Array;
  beta: Float64Array;
  /** Dual ratio test: candidate columns and their ratios. */
  candidates: Int32Array;
  ratios: Float64Array;
}

/** Allocate a {@link MaxMinGainWorkspace} sized for `actors` and `issues` (it grows if needed). */
export function createMaxMinGainWorkspace(actors = 8, issues = 8): MaxMinGainWorkspace {
  const n = Math.max(1, actors);
  const k = Math.max(1, issues);
  const segments = n * k;
  const columns = 1 + segments + n;
  return {
    rows: new Int32Array(n),
    breaks: new Float64Array(n),
    segmentIssue: new Int32Array(segments),
    segmentEnd: new Float64Array(segments),
    segmentLength: new Float64Array(segments),
    bounds: new Int32Array(2 * k + 1),
    tableau: new Float64Array(n * columns),
    reduced: new Float64Array(columns),
    upper: new Float64Array(columns),
    sense: new Int8Array(columns),
    fill: new Float64Array(columns),
    basis: new Int32Array(n),
    beta: new Float64Array(n),
    candidates: new Int32Array(columns),
    ratios: new Float64Array(columns),
  };
}

const AT_LOWER = 1;
const AT_UPPER = -1;
const BASIC = 0;
/** Reduced costs below this (weights normalised to ≤ 1) count as zero. */
const PRICE_ZERO = 1e-13;
/** Primal ratio test: smallest usable pivot element. */
const RATE_MIN = 1e-11;
/** Dual ratio test: smallest usable pivot element. */
const PIVOT_MIN = 1e-9;
/** Primal values and steps within this fraction of the total segment length count as zero. */
const FEASIBLE = 1e-12;
/** A value within this fraction of the gains' magnitude is reported as exactly 0. */
const RELATIVE_ZERO = 1e-12;
/** Degenerate steps in a row after which both methods switch to Bland's smallest-index rule. */
const BLAND_AFTER = 4;
/** Dual steps after which the dual method gives way to the provably finite primal method. */
const DUAL_STEPS = 1000;
/** Bland's rule terminates in exact arithmetic; this only guards against a numerical loop. */
const PRIMAL_STEPS = 100_000;

let shared: MaxMinGainWorkspace | undefined;

/**
 * The max-min gain of `problem` (see the module comment): value = max over packages x (fixed
 * issues at q) of min over required actors of gainᵢ(x), and a maximiser x.
 *
 * Reduction (exact, no enumeration). On each free issue, the distinct held positions (required
 * actors with w > 0) on each side of q cut the moves away from q into segments; along one side
 * every actor's slope is non-increasing (+w/L towards its position, −w/L beyond), and moving past
 * the farthest position hurts everyone. Filling a later segment before an earlier one, or filling
 * both sides of one issue (by concavity, g(q+U−D) ≥ g(q+U) + g(q−D) when g(q) = 0), never helps
 * anyone, so the value is the linear program
 *
 *   max t  s.t.  t ≤ Σⱼ cᵢⱼ yⱼ (each required i),  0 ≤ yⱼ ≤ uⱼ,
 *
 * with one row per required actor, segment lengths uⱼ and slopes cᵢⱼ = ±wᵢₖ.
 *
 * Solution. A dense r-row tableau, with t made basic in the row of the actor whose best possible
 * gain is smallest and every segment at the bound its reduced cost prefers: a dual feasible
 * basis. The bounded-variable dual simplex method with the bound-flipping ratio test (Maros 2003,
 * "A generalized dual phase-2 simplex algorithm", *Eur. J. Oper. Res.* 149(1); Koberstein 2005,
 * *The dual simplex method*, PhD thesis, Paderborn) then restores primal feasibility, passing
 * many segment kinks per step. Its result is certified (and, if the dual method ever stalls,
 * replaced from the start y = 0, t = 0) by the bounded-variable primal simplex method (Dantzig
 * 1955, "Upper bounds, secondary constraints, and block triangularity in linear programming",
 * *Econometrica* 23(2)). Both price by Dantzig's largest-coefficient rule and switch to Bland's
 * smallest-index rule after a run of degenerate steps until the next step that moves; Bland's
 * rule cannot cycle (Bland 1977, "New finite pivoting rules for the simplex method", *Math. Oper.
 * Res.* 2(2)), so the primal method terminates and the dual one is bounded by a step limit.
 *
 * The package is rebuilt by filling each side's segments in order and netting the two sides;
 * then min gainᵢ(x) is re-evaluated from the formula and returned (≥ the LP optimum by the
 * arguments above, equal to it up to rounding). A value within 1e-12 of the gains' magnitude is
 * reported as 0 with x = q, so value > 0 means a non-empty win-set beyond rounding. Required
 * actors with no weight on any free issue gain 0 everywhere, so they make the value 0. No free
 * issue: value 0, x = q.
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
  if (check) validate(problem);
  const { issues: K, actors: n, statusQuo: q, length: L, positions: p, weights: w } = problem;
  const { free, required } = problem;
  let ws: MaxMinGainWorkspace;
  if (workspace === undefined) {
    shared ??= createMaxMinGainWorkspace();
    ws = fit(shared, n, K);
  } else {
    ws = fit(workspace, n, K);
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

  // Columns: t, then the segments of each free issue (up-moves, then down-moves), then slacks.
  const m = buildSegments(problem, ws, r);
  const N = 1 + m + r;
  let span = 0;
  for (let j = 0; j < m; j++) span += ws.segmentLength[j] as number;
  const tolerance = FEASIBLE * span;
  loadTableau(problem, ws, r, m, 1 / wMax);
  if (method === "dual" && !dualSimplex(ws, r, N, start, tolerance)) {
    // The dual method stalled (numerically): start over from y = 0, t = 0.
    loadTableau(problem, ws, r, m, 1 / wMax);
  }
  primalSimplex(ws, r, N, tolerance);

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

/**
 * Write the start y = 0, t = 0 into `ws`: one row t − Σⱼ cᵢⱼ yⱼ + sᵢ = 0 per required actor i,
 * with cᵢⱼ = ±wᵢₖ / max w (+ when segment j leads towards the actor's position), the slacks sᵢ
 * basic, objective t (column 0).
 */
function loadTableau(
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

/**
 * Bounded-variable dual simplex method with the bound-flipping ratio test, from t basic in row
 * `start` and every segment at the bound its reduced cost prefers. Returns false (leaving `ws`
 * in an unspecified state) if it does not reach a primal feasible basis within its step limit or
 * meets a row it cannot repair; true with an optimal basis (to tolerance) otherwise.
 */
function dualSimplex(
  ws: MaxMinGainWorkspace,
  r: number,
  N: number,
  start: number,
  tolerance: number,
): boolean {
  const { tableau: T, reduced: d, upper, sense, basis, beta, candidates, ratios } = ws;
  // t into row `start`: d becomes that actor's slopes; segments go where they help it.
  sense[basis[start] as number] = AT_LOWER;
  pivot(T, d, r, N, start, 0);
  basis[start] = 0;
  sense[0] = BASIC;
  beta.fill(0, 0, r);
  for (let j = 1; j < N; j++) {
    if (sense[j] === BASIC || !((d[j] as number) > 0)) continue;
    sense[j] = AT_UPPER;
    const u = upper[j] as number;
    for (let row = 0; row < r; row++) {
      beta[row] = (beta[row] as number) - (T[row * N + j] as number) * u;
    }
  }

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

    // Candidates: nonbasic variables whose move (sense) pushes the leaving one back towards its
    // bound, with the dual ratio |dⱼ / Tₚⱼ| (sense·d ≤ 0 by dual feasibility). t stays basic.
    const base = leave * N;
    let count = 0;
    let first = -1;
    let firstRatio = Number.POSITIVE_INFINITY;
    for (let j = 1; j < N; j++) {
      const sj = sense[j] as number;
      const a = direction * sj * (T[base + j] as number);
      if (a < -PIVOT_MIN) {
        const dj = -sj * (d[j] as number);
        const ratio = dj > PRICE_ZERO ? dj / -a : 0;
        if (ratio < firstRatio) {
          firstRatio = ratio;
          first = count;
        }
        candidates[count] = j;
        ratios[count] = ratio;
        count++;
      }
    }
    if (count === 0) return false;

    // Entering: the smallest ratio (ties: smallest index). With bound flipping, pass the kinks
    // of boxed candidates as long as flipping them leaves the row infeasible.
    let enter = -1;
    let ratio = 0;
    for (let done = 0; done < count; done++) {
      let pick = first;
      if (done > 0) {
        pick = done;
        for (let c = done + 1; c < count; c++) {
          const rc = ratios[c] as number;
          const rp = ratios[pick] as number;
          if (rc < rp || (rc === rp && (candidates[c] as number) < (candidates[pick] as number))) {
            pick = c;
          }
        }
      }
      const j = candidates[pick] as number;
      ratio = ratios[pick] as number;
      candidates[pick] = candidates[done] as number;
      ratios[pick] = ratios[done] as number;
      const u = upper[j] as number;
      const drop = Math.abs(T[base + j] as number) * u;
      if (bland || u === Number.POSITIVE_INFINITY || slope - drop <= tolerance) {
        enter = j;
        break;
      }
      // Flip j to its other bound.
      slope -= drop;
      const change = (sense[j] as number) * u;
      sense[j] = -(sense[j] as number);
      for (let row = 0; row < r; row++) {
        beta[row] = (beta[row] as number) - (T[row * N + j] as number) * change;
      }
    }
    if (enter < 0) return false;
    degenerateRun = ratio === 0 ? degenerateRun + 1 : 0;

    // Move the entering variable until the leaving one sits on its bound, then pivot.
    const bound = below ? 0 : (upper[leaving] as number);
    const theta = ((beta[leave] as number) - bound) / (T[base + enter] as number);
    for (let row = 0; row < r; row++) {
      beta[row] = (beta[row] as number) - (T[row * N + enter] as number) * theta;
    }
    const entering = (sense[enter] === AT_UPPER ? (upper[enter] as number) : 0) + theta;
    sense[leaving] = below ? AT_LOWER : AT_UPPER;
    pivot(T, d, r, N, leave, enter);
    basis[leave] = enter;
    sense[enter] = BASIC;
    beta[leave] = entering;
  }
  return false;
}

/**
 * Bounded-variable primal simplex method on `ws` (r rows, N columns) from its current basis,
 * which must be primal feasible to `tolerance`: Dantzig's rule, and Bland's after a run of
 * degenerate steps until the next step that moves. t (column 0) is free and, once basic, stays.
 */
function primalSimplex(ws: MaxMinGainWorkspace, r: number, N: number, tolerance: number): void {
  const { tableau: T, reduced: d, upper, sense, basis, beta } = ws;
  for (let row = 0; row < r; row++) {
    const j = basis[row] as number;
    if (j !== 0) beta[row] = Math.min(Math.max(beta[row] as number, 0), upper[j] as number);
  }
  let degenerateRun = 0;
  for (let steps = 0; ; steps++) {
    if (steps > PRIMAL_STEPS) {
      throw new Error("maxMinGain: the simplex method did not terminate (numerical trouble)");
    }
    // Entering: the largest improving reduced cost (Bland: the smallest improving index).
    const bland = degenerateRun >= BLAND_AFTER;
    let enter = -1;
    let best = PRICE_ZERO;
    for (let j = 0; j < N; j++) {
      const rate = (sense[j] as number) * (d[j] as number);
      if (rate > best) {
        enter = j;
        if (bland) break;
        best = rate;
      }
    }
    if (enter < 0) return;
    const direction = sense[enter] as number;

    // Ratio test: the entering variable may move to its other bound (a flip) unless a basic
    // variable reaches a bound first; ties go to the smallest basic index (Bland).
    let step = upper[enter] as number;
    let leave = -1;
    let leaveTo = AT_LOWER;
    for (let row = 0; row < r; row++) {
      const j = basis[row] as number;
      if (j === 0) continue; // t is free
      const rate = direction * (T[row * N + enter] as number);
      let limit: number;
      let to: number;
      if (rate > RATE_MIN) {
        limit = (beta[row] as number) / rate;
        to = AT_LOWER;
      } else if (rate < -RATE_MIN) {
        const u = upper[j] as number;
        if (u === Number.POSITIVE_INFINITY) continue;
        limit = (u - (beta[row] as number)) / -rate;
        to = AT_UPPER;
      } else {
        continue;
      }
      if (limit < tolerance) limit = 0;
      if (
        limit < step - tolerance ||
        (limit <= step + tolerance && (leave < 0 ? limit < step : j < (basis[leave] as number)))
      ) {
        if (limit < step) step = limit;
        leave = row;
        leaveTo = to;
      }
    }
    if (step === Number.POSITIVE_INFINITY) {
      throw new Error("maxMinGain: unbounded linear program (numerical trouble)");
    }
    degenerateRun = step === 0 ? degenerateRun + 1 : 0;

    const move = direction * step;
    if (move !== 0) {
      for (let row = 0; row < r; row++) {
        beta[row] = (beta[row] as number) - move * (T[row * N + enter] as number);
      }
    }
    if (leave < 0) {
      sense[enter] = -direction;
      continue;
    }
    const entering = (direction === AT_UPPER ? (upper[enter] as number) : 0) + move;
    sense[basis[leave] as number] = leaveTo;
    pivot(T, d, r, N, leave, enter);
    basis[leave] = enter;
    sense[enter] = BASIC;
    beta[leave] = entering;
  }
}

/** `ws` if it holds n actors and K issues, else a larger workspace. */
function fit(ws: MaxMinGainWorkspace, n: number, K: number): MaxMinGainWorkspace {
  const segments = n * K;
  const columns = 1 + segments + n;
  if (
    ws.rows.length >= n &&
    ws.segmentEnd.length >= segments &&
    ws.bounds.length >= 2 * K + 1 &&
    ws.tableau.length >= n * columns &&
    ws.reduced.length >= columns
  ) {
    return ws;
  }
  const grown = createMaxMinGainWorkspace(
    Math.max(n, ws.rows.length),
    Math.max(K, (ws.bounds.length - 1) / 2),
  );
  Object.assign(ws, grown);
  return ws;
}

/**
 * Fill `ws`'s segment arrays: for each free issue, the distinct positions of the r required
 * actors (rows) with w > 0 above q in increasing order, then those below q in decreasing order.
 * Returns the number of segments.
 */
function buildSegments(problem: MaxMinGainProblem, ws: MaxMinGainWorkspace, r: number): number {
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

/** Gauss–Jordan pivot of the tableau and reduced costs on (row, column). */
function pivot(
  T: Float64Array,
  d: Float64Array,
  r: number,
  N: number,
  row: number,
  column: number,
): void {
  const base = row * N;
  const inverse = 1 / (T[base + column] as number);
  for (let c = 0; c < N; c++) T[base + c] = (T[base + c] as number) * inverse;
  T[base + column] = 1;
  for (let other = 0; other < r; other++) {
    if (other === row) continue;
    const at = other * N;
    const f = T[at + column] as number;
    if (f === 0) continue;
    for (let c = 0; c < N; c++) T[at + c] = (T[at + c] as number) - f * (T[base + c] as number);
    T[at + column] = 0;
  }
  const f = d[column] as number;
  if (f !== 0) {
    for (let c = 0; c < N; c++) d[c] = (d[c] as number) - f * (T[base + c] as number);
    d[column] = 0;
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

/** Check lengths and values, throwing a RangeError that names the first bad one. */
function validate(problem: MaxMinGainProblem): void {
  const { issues: K, actors: n } = problem;
  if (!Number.isInteger(K) || K < 0) {
    throw new RangeError(`maxMinGain: issues must be an integer ≥ 0, got ${K}`);
  }
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`maxMinGain: actors must be an integer ≥ 0, got ${n}`);
  }
  expectLength("statusQuo", problem.statusQuo.length, K, "issues");
  expectLength("length", problem.length.length, K, "issues");
  expectLength("free", problem.free.length, K, "issues");
  expectLength("positions", problem.positions.length, n * K, "actors × issues");
  expectLength("weights", problem.weights.length, n * K, "actors × issues");
  expectLength("required", problem.required.length, n, "actors");
  for (let k = 0; k < K; k++) {
    const q = problem.statusQuo[k] as number;
    if (!Number.isFinite(q)) {
      throw new RangeError(`maxMinGain: statusQuo[${k}] must be finite, got ${q}`);
    }
    const l = problem.length[k] as number;
    if (!(Number.isFinite(l) && l > 0)) {
      throw new RangeError(`maxMinGain: length[${k}] must be a finite number > 0, got ${l}`);
    }
  }
  for (let at = 0; at < n * K; at++) {
    const v = problem.positions[at] as number;
    if (!Number.isFinite(v)) {
      throw new RangeError(
        `maxMinGain: positions[${at}] (actor ${Math.floor(at / K)}, issue ${at % K}) must be finite, got ${v}`,
      );
    }
    const wv = problem.weights[at] as number;
    if (!(Number.isFinite(wv) && wv >= 0)) {
      throw new RangeError(
        `maxMinGain: weights[${at}] (actor ${Math.floor(at / K)}, issue ${at % K}) must be a finite number ≥ 0, got ${wv}`,
      );
    }
  }
  let any = false;
  for (let i = 0; i < n; i++) if (problem.required[i] !== 0) any = true;
  if (!any) {
    throw new RangeError(
      "maxMinGain: no actor is required; the minimum gain over no actors is undefined",
    );
  }
}

function expectLength(name: string, actual: number, expected: number, what: string): void {
  if (actual !== expected) {
    throw new RangeError(
      `maxMinGain: ${name} has length ${actual}, expected ${expected} (${what})`,
    );
  }
}

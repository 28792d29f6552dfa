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
 * How {@link maxMinGain} solves its linear program: `dual` (default, fast: a piecewise-linear
 * dual simplex method with one variable per issue, its result certified by its reduced costs;
 * `primal` takes over if it ever stalls or fails the certificate) or `primal` (the primal
 * simplex method alone, with one variable per segment, from y = 0, t = 0; slower, kept as the
 * reference and the fallback).
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
  /** Sorted distinct breakpoints of one issue side (`primal`). */
  breaks: Float64Array;
  /** Per segment (`primal`): its issue, its outer breakpoint, its length in scale units. */
  segmentIssue: Int32Array;
  segmentEnd: Float64Array;
  segmentLength: Float64Array;
  /** `primal`: segments of issue k, up-moves [bounds[2k], bounds[2k+1]), down to bounds[2k+2]. */
  bounds: Int32Array;
  /** Dense simplex tableau B⁻¹A, rows × columns, row-major (`dual`: row stride W). */
  tableau: Float64Array;
  /** Per LP variable: reduced cost, upper bound, fill (`primal`). */
  reduced: Float64Array;
  upper: Float64Array;
  fill: Float64Array;
  /** Per LP variable: +1 nonbasic at its lower bound (free to rise), −1 at its upper, 0 basic. */
  sense: Int8Array;
  /** Per row: basic variable and its value. */
  basis: Int32Array;
  beta: Float64Array;
  /** Dual ratio test: candidate columns, their ratios and moves (+1 up, −1 down). */
  candidates: Int32Array;
  ratios: Float64Array;
  moves: Int8Array;
  /** `dual`, per issue variable v: its issue and its number of breakpoints. */
  issueOf: Int32Array;
  pointCount: Int32Array;
  /** `dual`, per column of an issue variable: its current segment. */
  segment: Int32Array;
  /**
   * `dual`, with r required actors: the breakpoints of variable v at v·r + b, ascending, and
   * the lengths of the segments between them (in scale units) likewise.
   */
  points: Float64Array;
  lengths: Float64Array;
  /**
   * `dual`: the rows holding a position on variable v's issue at v·r + h, by position, with
   * their positions and kinks 2wᵢₖ / max w; breakpoint b's holders are v·r + [first[b],
   * first[b + 1]) with first at v·(r + 1) + b.
   */
  holders: Int32Array;
  held: Float64Array;
  kinks: Float64Array;
  first: Int32Array;
}

/** Allocate a {@link MaxMinGainWorkspace} sized for `actors` and `issues` (it grows if needed). */
export function createMaxMinGainWorkspace(actors = 8, issues = 8): MaxMinGainWorkspace {
  const n = Math.max(1, actors);
  const k = Math.max(1, issues);
  const segments = n * k;
  const columns = 2 + segments + n;
  // Built field by field: in V8 (Node 20), creating a second object from the same object
  // literal deoptimised every function that had read the first; this way does not.
  const ws = {} as MaxMinGainWorkspace;
  ws.rows = new Int32Array(n);
  ws.breaks = new Float64Array(n);
  ws.segmentIssue = new Int32Array(segments);
  ws.segmentEnd = new Float64Array(segments);
  ws.segmentLength = new Float64Array(segments);
  ws.bounds = new Int32Array(2 * k + 1);
  ws.tableau = new Float64Array(n * columns);
  ws.reduced = new Float64Array(columns);
  ws.upper = new Float64Array(columns);
  ws.sense = new Int8Array(columns);
  ws.fill = new Float64Array(columns);
  ws.basis = new Int32Array(n);
  ws.beta = new Float64Array(n);
  ws.candidates = new Int32Array(columns);
  ws.ratios = new Float64Array(columns);
  ws.moves = new Int8Array(columns);
  ws.issueOf = new Int32Array(k);
  ws.pointCount = new Int32Array(k);
  ws.segment = new Int32Array(columns);
  ws.points = new Float64Array(k * n);
  ws.lengths = new Float64Array(k * n);
  ws.holders = new Int32Array(k * n);
  ws.held = new Float64Array(k * n);
  ws.kinks = new Float64Array(k * n);
  ws.first = new Int32Array(k * (n + 1));
  return ws;
}

const AT_LOWER = 1;
const AT_UPPER = -1;
const BASIC = 0;
/** Reduced costs below this (weights normalised to ≤ 1) count as zero. */
const PRICE_ZERO = 1e-13;
/** Primal ratio test: smallest usable pivot element. */
const RATE_MIN = 1e-9;
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

/**
 * The `dual` method: set up the per-issue program (see {@link loadPiecewise}), run
 * {@link piecewiseDual}, certify its basis and write the package into `x`. Returns false if the
 * dual method stalls or the certificate fails, with `x` partly written (the `primal` method then
 * writes every free issue).
 */
function solvePiecewise(
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
function loadPiecewise(
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
function piecewiseDual(
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
function certified(ws: MaxMinGainWorkspace, r: number, V: number, W: number): boolean {
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

/**
 * The `primal` method: build the segment program, solve it from y = 0, t = 0 and write the
 * package into `x` (each side's segments filled in order, the two sides netted).
 */
function solveSegments(
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
  const columns = 2 + segments + n;
  if (
    ws.rows.length >= n &&
    ws.segmentEnd.length >= segments &&
    ws.bounds.length >= 2 * K + 1 &&
    ws.tableau.length >= n * columns &&
    ws.reduced.length >= columns &&
    ws.first.length >= K * (n + 1)
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
  width = N,
): void {
  const base = row * N;
  const inverse = 1 / (T[base + column] as number);
  for (let c = 0; c < width; c++) T[base + c] = (T[base + c] as number) * inverse;
  T[base + column] = 1;
  for (let other = 0; other < r; other++) {
    if (other === row) continue;
    const at = other * N;
    const f = T[at + column] as number;
    if (f === 0) continue;
    for (let c = 0; c < width; c++) T[at + c] = (T[at + c] as number) - f * (T[base + c] as number);
    T[at + column] = 0;
  }
  const f = d[column] as number;
  if (f !== 0) {
    for (let c = 0; c < width; c++) d[c] = (d[c] as number) - f * (T[base + c] as number);
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

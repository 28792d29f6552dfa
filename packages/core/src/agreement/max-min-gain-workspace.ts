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

/** `ws` if it holds n actors and K issues, else a larger workspace. */
export function fitWorkspace(ws: MaxMinGainWorkspace, n: number, K: number): MaxMinGainWorkspace {
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

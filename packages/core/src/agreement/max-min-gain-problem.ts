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

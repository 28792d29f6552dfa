import type { Round } from "../model.ts";
import type { SmpCompat } from "./smp-settings.ts";

/**
 * One distinct position of a turn's outcome distribution, projected on one issue.
 * Source: KTAB examples/smp/libsrc/smp.h, smp.cpp (commit 3b5b063) and web/tutorial/SMPTutorial.md;
 * spec `docs/research/spec-ktab-smp.md` §5.9, §5.10; docs/ktab-differences.md. Method: Wise,
 * "Multidimensional Bargaining Using KTAB".
 */
export interface SmpOutcome {
  /** The position on the scale (the cluster representative's coordinate). */
  position: number;
  /** PCE probability that this (multi-dimensional) position prevails. */
  probability: number;
  /** Ids of the actors at this position (within positionTolerance). */
  actors: string[];
}

/**
 * The SMP's per-issue `details`. Outcome lists are in the same order on every issue.
 * Source: KTAB examples/smp/libsrc/smp.h, smp.cpp (commit 3b5b063) and web/tutorial/SMPTutorial.md;
 * spec `docs/research/spec-ktab-smp.md` §5.9, §5.10; docs/ktab-differences.md. Method: Wise,
 * "Multidimensional Bargaining Using KTAB".
 */
export interface SmpDetails {
  /** The ids of all issues, the model's dimensions (the run is joint). */
  dimensions: string[];
  compat: SmpCompat;
  stop: "converged" | "max-turns";
  /** Number of turns T (states 0..T). */
  turns: number;
  forecastRule: "expected" | "modal";
  /** Σ_u p_u·x_u over the final distinct positions. */
  expected: number;
  /** The final turn's most probable position (first maximum) and its probability. */
  modal: number;
  modalProbability: number;
  /**
   * Per turn: movement ratio (turns ≥ 1) and the distinct positions with their probabilities,
   * most probable first (ties: the one whose first actor comes first in the scenario).
   */
  outcomes: { turn: number; ratio?: number; positions: SmpOutcome[] }[];
  /** Per turn, KTAB's logged "probability that actor i's position wins", by actor id. */
  winProbabilities: Record<string, number>[];
  /** Ideals per turn, when they can differ from positions (idealAdjustment < 1). */
  ideals?: Round[];
  /** Actors whose saliences summed to over 100 and were scaled to sum to 100. */
  normalizedSaliences?: string[];
  /**
   * Actors with no stance on this issue: they take part in the joint run with zero salience on
   * this dimension (starting at the others' salience·capability-weighted mean) and are left out
   * of `rounds`.
   */
  absent?: string[];
}

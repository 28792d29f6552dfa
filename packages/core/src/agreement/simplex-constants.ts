/**
 * The bound states and tolerances shared by the two solvers of {@link maxMinGain}: the
 * piecewise-linear dual simplex method (`dual`) and the primal simplex method (`primal`).
 * @module
 */

/** A nonbasic variable at its lower bound (free to rise). */
export const AT_LOWER = 1;
/** A nonbasic variable at its upper bound (free to fall). */
export const AT_UPPER = -1;
/** A basic variable. */
export const BASIC = 0;
/** Reduced costs below this (weights normalised to ≤ 1) count as zero. */
export const PRICE_ZERO = 1e-13;
/** Primal ratio test: smallest usable pivot element. */
export const RATE_MIN = 1e-9;
/** Dual ratio test: smallest usable pivot element. */
export const PIVOT_MIN = 1e-9;
/** Primal values and steps within this fraction of the total segment length count as zero. */
export const FEASIBLE = 1e-12;
/** Degenerate steps in a row after which both methods switch to Bland's smallest-index rule. */
export const BLAND_AFTER = 4;
/** Dual steps after which the dual method gives way to the provably finite primal method. */
export const DUAL_STEPS = 1000;
/** Bland's rule terminates in exact arithmetic; this only guards against a numerical loop. */
export const PRIMAL_STEPS = 100_000;

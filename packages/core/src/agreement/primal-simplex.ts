import type { MaxMinGainWorkspace } from "./max-min-gain-workspace.ts";
import {
  AT_LOWER,
  AT_UPPER,
  BASIC,
  BLAND_AFTER,
  PRICE_ZERO,
  PRIMAL_STEPS,
  RATE_MIN,
} from "./simplex-constants.ts";
import { pivot } from "./tableau-pivot.ts";

/**
 * Bounded-variable primal simplex method on `ws` (r rows, N columns) from its current basis,
 * which must be primal feasible to `tolerance`: Dantzig's rule, and Bland's after a run of
 * degenerate steps until the next step that moves. t (column 0) is free and, once basic, stays.
 */
export function primalSimplex(
  ws: MaxMinGainWorkspace,
  r: number,
  N: number,
  tolerance: number,
): void {
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

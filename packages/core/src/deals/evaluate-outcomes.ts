/**
 * Utilities of every outcome of a space, one `Float64Array` per party indexed by outcome
 * (mixed-radix order of {@link OutcomeSpace}).
 *
 * The arrays are filled issue by issue in place: after issue `k` the first `Π_{j≤k} r_j`
 * entries hold the partial sums of the packages of issues `0..k`, and expanding them by issue
 * `k+1` costs one addition per entry — about `N` additions per party in all, with the same
 * summation order as {@link utilityOf}, so ties are exact.
 * @module
 */
import type { AdditiveUtility } from "./additive-utility.ts";
import type { OutcomeSpace } from "./outcome-space.ts";

/** Largest space enumerated by default (`maxOutcomes`): 2²⁴ ≈ 16.8 million outcomes. */
export const DEFAULT_MAX_OUTCOMES = 16_777_216;

/**
 * Throw RangeError when `size` outcomes exceed `maxOutcomes`, naming the size and what to do.
 */
export function assertEnumerable(
  space: OutcomeSpace,
  maxOutcomes: number = DEFAULT_MAX_OUTCOMES,
): void {
  if (space.size > maxOutcomes || space.size > 2 ** 32 - 1) {
    const radices = Array.from(space.radices).join(" × ");
    throw new RangeError(
      `outcome space of ${space.size.toLocaleString("en-US")} outcomes (${radices}) is larger than ` +
        `the ${maxOutcomes.toLocaleString("en-US")} that can be enumerated; use fewer grid points ` +
        "per issue or fewer issues",
    );
  }
}

/** Fill `out` (length `space.size`) with one party's utility of every outcome. */
export function evaluateInto(
  space: OutcomeSpace,
  u: AdditiveUtility,
  out: Float64Array,
): Float64Array {
  if (out.length !== space.size) {
    throw new RangeError(`evaluate: output has ${out.length} entries for ${space.size} outcomes`);
  }
  const k = space.radices.length;
  out[0] = 0;
  let m = 1;
  for (let i = 0; i < k; i++) {
    const c = u.contributions[i] as Float64Array;
    const r = c.length;
    // Expand in place from the back: entry j spreads to j·r … j·r + r − 1 (all ≥ j).
    for (let j = m - 1; j >= 0; j--) {
      const base = out[j] as number;
      const at = j * r;
      for (let o = r - 1; o >= 0; o--) out[at + o] = base + (c[o] as number);
    }
    m *= r;
  }
  const cap = u.cap;
  if (cap !== Number.POSITIVE_INFINITY) {
    for (let j = 0; j < m; j++) if ((out[j] as number) > cap) out[j] = cap;
  }
  return out;
}

/**
 * Every party's utility of every outcome. Throws RangeError when the space has more than
 * `maxOutcomes` outcomes ({@link DEFAULT_MAX_OUTCOMES} by default).
 */
export function evaluateOutcomes(
  space: OutcomeSpace,
  utilities: readonly AdditiveUtility[],
  maxOutcomes: number = DEFAULT_MAX_OUTCOMES,
): Float64Array[] {
  assertEnumerable(space, maxOutcomes);
  return utilities.map((u) => evaluateInto(space, u, new Float64Array(space.size)));
}

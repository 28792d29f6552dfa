/**
 * Linear additive utilities over an outcome space: `U(ω) = Σₖ wₖ · vₖ(ωₖ)` with salience
 * weights `wₖ` and per-issue value functions `vₖ` ({@link ValueFunction}), plus a reservation
 * value (the utility of no deal).
 *
 * Each term `wₖ · vₖ(o)` is computed once per option (`contributions`) and outcome utilities are
 * summed issue by issue in issue order, so every routine in `deals/` gets bit-identical utilities
 * for the same outcome — exact ties stay ties. A Genius profile caps the sum at 1
 * (`U = min(1, Σ)`, `docs/research/deal-space.md` §4); the cap is `Infinity` otherwise.
 *
 * Sources: Raiffa (1982) ch. 11–13 (additive scoring systems, reservation values); Keeney &
 * Raiffa (1976) (additive value functions); Genius `AdditiveUtilitySpace` and negmas
 * `LinearAdditiveUtilityFunction` conventions per `docs/research/deal-space.md` §3.1, §4.
 * @module
 */
import type { OutcomeSpace } from "./outcome-space.ts";
import { optionValues, type ValueFunction, valueAt } from "./value-function.ts";

/** One party's additive utility, precomputed per issue and option. */
export interface AdditiveUtility {
  id: string;
  name: string;
  /** Issue weights as given (not renormalised). */
  weights: Float64Array;
  /** `contributions[k][o] = weights[k] · value of option o of issue k`. */
  contributions: Float64Array[];
  /** The value function behind each issue's contributions. */
  valueFunctions: readonly ValueFunction[];
  /** Utility of no deal; an outcome is acceptable to the party when strictly above it. */
  reservation: number;
  /** Genius discount factor `d` (utility at normalised time t is `U·dᵗ`); 1 = undiscounted. */
  discount: number;
  /** Upper cap on the sum (Genius: 1); `Infinity` for none. */
  cap: number;
}

/** What {@link additiveUtility} needs: weights and value functions per issue, in issue order. */
export interface AdditiveUtilitySpec {
  id: string;
  name?: string;
  weights: ArrayLike<number>;
  valueFunctions: readonly ValueFunction[];
  /** Utility of no deal. Default: the utility of the status quo ({@link statusQuoUtility}). */
  reservation?: number;
  discount?: number;
  cap?: number;
}

/**
 * Build a party's additive utility over `space`. Throws RangeError for a weight or value count
 * that does not match the issues, a non-finite weight, or (when no reservation is given) an
 * issue the party cares about whose status quo cannot be evaluated.
 */
export function additiveUtility(space: OutcomeSpace, spec: AdditiveUtilitySpec): AdditiveUtility {
  const k = space.issues.length;
  if (spec.weights.length !== k || spec.valueFunctions.length !== k) {
    throw new RangeError(
      `utility "${spec.id}": expected ${k} weights and value functions (one per issue), got ` +
        `${spec.weights.length} and ${spec.valueFunctions.length}`,
    );
  }
  const weights = Float64Array.from(spec.weights);
  for (const w of weights) {
    if (!Number.isFinite(w))
      throw new RangeError(`utility "${spec.id}": weight ${w} is not finite`);
  }
  const contributions = space.issues.map((issue, i) => {
    const values = optionValues(spec.valueFunctions[i] as ValueFunction, issue);
    const w = weights[i] as number;
    for (let o = 0; o < values.length; o++) values[o] = w * (values[o] as number);
    return values;
  });
  const cap = spec.cap ?? Number.POSITIVE_INFINITY;
  const discount = spec.discount ?? 1;
  if (!(discount > 0 && discount <= 1)) {
    throw new RangeError(`utility "${spec.id}": discount factor ${discount} is not in (0, 1]`);
  }
  const partial: Omit<AdditiveUtility, "reservation"> = {
    id: spec.id,
    name: spec.name ?? spec.id,
    weights,
    contributions,
    valueFunctions: [...spec.valueFunctions],
    discount,
    cap,
  };
  const reservation = spec.reservation ?? statusQuoUtility(space, partial);
  if (!Number.isFinite(reservation)) {
    throw new RangeError(`utility "${spec.id}": reservation value ${reservation} is not finite`);
  }
  return { ...partial, reservation };
}

/** Utility of the outcome that picks option `options[k]` on issue `k`. */
export function utilityOf(
  u: Pick<AdditiveUtility, "contributions" | "cap">,
  options: ArrayLike<number>,
): number {
  let s = 0;
  for (let k = 0; k < u.contributions.length; k++) {
    s += (u.contributions[k] as Float64Array)[options[k] as number] as number;
  }
  return Math.min(s, u.cap);
}

/**
 * Utility of the status quo: on each issue, the value of its status quo — the status-quo option,
 * or the value function at the status-quo point of a numeric scale (which need not be an
 * option). A numeric issue without a status quo counts at the **midpoint of its scale**; a
 * categorical issue without one throws RangeError (give a reservation value instead). Issues the
 * party gives zero weight, or is indifferent to, contribute 0 either way.
 */
export function statusQuoUtility(
  space: OutcomeSpace,
  u: Pick<AdditiveUtility, "id" | "weights" | "valueFunctions" | "cap" | "contributions">,
): number {
  let s = 0;
  for (let k = 0; k < space.issues.length; k++) {
    const issue = space.issues[k] as (typeof space.issues)[number];
    const w = u.weights[k] as number;
    const fn = u.valueFunctions[k] as ValueFunction;
    if (w === 0 || fn.kind === "flat") continue;
    const sq = issue.statusQuo;
    if (sq !== undefined && "option" in sq) {
      s += (u.contributions[k] as Float64Array)[sq.option] as number;
      continue;
    }
    let x: number;
    if (sq !== undefined) x = sq.value;
    else if (issue.scale !== undefined) x = (issue.scale.min + issue.scale.max) / 2;
    else {
      throw new RangeError(
        `utility "${u.id}": issue "${issue.id}" has no status quo, so the utility of no deal is ` +
          "unknown; give the party a reservation value",
      );
    }
    const option = issue.values ? issue.values.indexOf(x) : -1;
    s +=
      option >= 0
        ? ((u.contributions[k] as Float64Array)[option] as number)
        : w * valueAt(fn, x, issue.values);
  }
  return Math.min(s, u.cap);
}

/**
 * Each party's lowest and highest utility over the whole space, from the per-issue extremes
 * (exact for additive utilities: the extremes are attained by the outcome made of each issue's
 * best, or worst, option, summed in the same order).
 */
export function utilityRanges(utilities: readonly AdditiveUtility[]): {
  min: Float64Array;
  max: Float64Array;
} {
  const n = utilities.length;
  const min = new Float64Array(n);
  const max = new Float64Array(n);
  utilities.forEach((u, p) => {
    let lo = 0;
    let hi = 0;
    for (const c of u.contributions) {
      let a = Number.POSITIVE_INFINITY;
      let b = Number.NEGATIVE_INFINITY;
      for (const x of c) {
        if (x < a) a = x;
        if (x > b) b = x;
      }
      lo += a;
      hi += b;
    }
    min[p] = Math.min(lo, u.cap);
    max[p] = Math.min(hi, u.cap);
  });
  return { min, max };
}

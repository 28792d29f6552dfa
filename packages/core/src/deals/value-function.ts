/**
 * Per-issue value functions of an additive utility: how much an actor likes each option of one
 * issue, on 0–1 (1 = its ideal).
 *
 * - `linear`: `1 − |x − ideal| / range` — linear loss from the ideal point, the spatial
 *   (city-block) utility of the expected-utility literature;
 * - `quadratic`: `1 − ((x − ideal) / range)²` — quadratic loss (Euclidean spatial utility);
 * - `table`: one value per option (Raiffa's scoring templates; Genius/GeniusWeb discrete
 *   evaluators, `docs/research/deal-space.md` §4);
 * - `flat`: the actor does not care about the issue (value 0 everywhere).
 *
 * `range` is the length of the issue's scale, so an actor at one end values the other end at 0.
 * Sources: Raiffa (1982) ch. 11 (additive scoring); Bueno de Mesquita (1994) and Achen (2006)
 * (linear and quadratic spatial loss).
 * @module
 */
import type { DealIssue } from "./outcome-space.ts";

/** How one actor values the options of one issue. */
export type ValueFunction =
  | { kind: "linear"; ideal: number; range: number }
  | { kind: "quadratic"; ideal: number; range: number }
  | { kind: "table"; values: ArrayLike<number> }
  | { kind: "flat" };

/** Loss shape of a spatial value function. */
export type ValueLoss = "linear" | "quadratic";

/** A spatial value function with ideal point `ideal` on a scale of length `range`. */
export function lossValue(loss: ValueLoss, ideal: number, range: number): ValueFunction {
  if (!Number.isFinite(ideal)) throw new RangeError(`value function: ideal ${ideal} is not finite`);
  if (!(range > 0) || !Number.isFinite(range)) {
    throw new RangeError(`value function: expected a scale length > 0, got ${range}`);
  }
  return { kind: loss, ideal, range };
}

/**
 * Value at point `x` of a numeric scale. A `table` function is interpolated linearly between
 * the option values `optionValues` (which must then be given, ascending); outside them it takes
 * the value of the nearest end.
 */
export function valueAt(fn: ValueFunction, x: number, optionValues?: ArrayLike<number>): number {
  switch (fn.kind) {
    case "flat":
      return 0;
    case "linear":
      return 1 - Math.abs(x - fn.ideal) / fn.range;
    case "quadratic": {
      const d = (x - fn.ideal) / fn.range;
      return 1 - d * d;
    }
    case "table": {
      if (optionValues === undefined || optionValues.length !== fn.values.length) {
        throw new RangeError(
          "value function: a table is evaluated between options only with their values",
        );
      }
      const n = optionValues.length;
      if (n === 0) return 0;
      if (x <= (optionValues[0] as number)) return fn.values[0] as number;
      for (let j = 1; j < n; j++) {
        const hi = optionValues[j] as number;
        if (x <= hi) {
          const lo = optionValues[j - 1] as number;
          const a = fn.values[j - 1] as number;
          const b = fn.values[j] as number;
          return hi === lo ? b : a + ((b - a) * (x - lo)) / (hi - lo);
        }
      }
      return fn.values[n - 1] as number;
    }
  }
}

/**
 * The value of each option of `issue`. Spatial functions need a numeric issue; a table needs
 * exactly one finite value per option. Throws RangeError naming the issue otherwise.
 */
export function optionValues(fn: ValueFunction, issue: DealIssue): Float64Array {
  const r = issue.labels.length;
  if (fn.kind === "flat") return new Float64Array(r);
  if (fn.kind === "table") {
    if (fn.values.length !== r) {
      throw new RangeError(
        `issue "${issue.id}": value table has ${fn.values.length} entries for ${r} options`,
      );
    }
    const out = Float64Array.from(fn.values);
    for (const v of out) {
      if (!Number.isFinite(v))
        throw new RangeError(`issue "${issue.id}": value ${v} is not finite`);
    }
    return out;
  }
  if (issue.values === undefined) {
    throw new RangeError(
      `issue "${issue.id}" is categorical; a ${fn.kind}-loss value function needs numeric options`,
    );
  }
  const out = new Float64Array(r);
  for (let j = 0; j < r; j++) out[j] = valueAt(fn, issue.values[j] as number);
  return out;
}

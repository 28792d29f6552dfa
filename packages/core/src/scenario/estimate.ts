import type { Estimate } from "./schema.ts";

/**
 * The central value of an estimate: the number itself, `value` of a sourced number, or the
 * weight-averaged `value` of a list of source estimates (weights default to 1).
 * @example centralValue([{ value: 10, source: "a" }, { value: 30, source: "b" }]) // => 20
 */
export function centralValue(estimate: Estimate): number {
  if (typeof estimate === "number") return estimate;
  if (!Array.isArray(estimate)) return estimate.value;
  let sum = 0;
  let weights = 0;
  for (const e of estimate) {
    const w = e.weight ?? 1;
    sum += w * e.value;
    weights += w;
  }
  return sum / weights;
}

/** The ids of every source an estimate cites. */
export function estimateSources(estimate: Estimate): string[] {
  if (typeof estimate === "number") return [];
  if (Array.isArray(estimate)) return estimate.map((e) => e.source);
  return estimate.sources ?? [];
}

/**
 * An input estimate as the brief writes it: central value, range or sources' readings, citations.
 * @module
 */
import { centralValue, type Estimate, estimateSources } from "@entente/core";
import type { Text } from "./brief.ts";
import { cite } from "./brief-blocks.ts";

/** 0 decimals for an estimate of whole numbers, else 2. */
export function decimalsOf(e: Estimate): number {
  const values =
    typeof e === "number"
      ? [e]
      : Array.isArray(e)
        ? e.map((x) => x.value)
        : [e.value, e.low ?? 0, e.high ?? 0];
  return values.every(Number.isInteger) ? 0 : 2;
}

/**
 * An input estimate for reading: its central value, then its range or each source's reading,
 * then its citations; `format` writes one number, `to` joins a range's ends.
 */
export function estimateText(e: Estimate, format: (x: number) => string, to = "–"): Text {
  const value = format(centralValue(e));
  if (typeof e === "number") return [value];
  if (Array.isArray(e)) {
    const readings = e.map((x) => format(x.value)).join(" / ");
    return [`${value} (sources: ${readings})`, ...cite(estimateSources(e))];
  }
  const range =
    e.low !== undefined || e.high !== undefined
      ? ` (${format(e.low ?? e.value)}${to}${format(e.high ?? e.value)})`
      : "";
  return [`${value}${range}`, ...cite(estimateSources(e))];
}

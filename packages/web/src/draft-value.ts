/**
 * What a number input of the editor shows for an estimate in the draft.
 * @module
 */
import { describeEstimate } from "./scenario-edit.ts";

/**
 * What an input shows for an estimate: its central value, or the text typed into `value` (a
 * draft may hold text the analyst is still typing).
 * @example
 * draftValue({ value: "4." }); // => "4." (text being typed)
 * draftValue({ value: 40, low: 30, high: 60 }); // => 40
 */
export function draftValue(estimate: unknown): unknown {
  if (typeof estimate === "object" && estimate !== null && !Array.isArray(estimate)) {
    const value = (estimate as { value?: unknown }).value;
    if (typeof value === "string") return value;
  }
  return describeEstimate(estimate, undefined).central;
}

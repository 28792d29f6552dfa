/**
 * Which option of the schema's non-discriminated unions (Estimate, Predicate) a value evidently
 * means, so that errors and allowed fields can be reported for that option alone.
 * @module
 */

/** Options of the Predicate union, in schema order: issue, agreement, all, any, not. */
export const PREDICATE_BRANCHES = 5;
const PREDICATE_KEYS = ["issue", "agreement", "all", "any", "not"];

/** The Predicate option a value means, by the first of its keys that names one. */
export function predicateBranch(value: unknown): number | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const index = PREDICATE_KEYS.findIndex((k) => k in value);
  return index >= 0 ? index : undefined;
}

/** The Estimate option a value means: 0 a plain number, 1 a mapping, 2 a list of estimates. */
export function estimateBranch(value: unknown): number | undefined {
  if (typeof value === "number") return 0;
  if (Array.isArray(value)) return 2;
  if (value !== null && typeof value === "object") return 1;
  return undefined;
}

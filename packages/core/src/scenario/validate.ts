/**
 * Whole-scenario validation: the zod schema for shapes and types, then the checks that need the
 * whole document (references, duplicate ids, bounds that depend on an issue's scale). Every
 * problem is reported, each with the path of the offending value.
 * @module
 */
import { checkConsistency } from "./check-consistency.ts";
import { describeZodIssue } from "./describe-zod-issue.ts";
import { Scenario } from "./schema.ts";
import type { ValidationIssue } from "./validation-issue.ts";

/** The outcome of {@link validateScenario}: the typed scenario, or every problem found. */
export type ValidationResult =
  | { ok: true; scenario: Scenario; issues: [] }
  | { ok: false; issues: ValidationIssue[] };

/**
 * Validate a parsed scenario document (the output of a YAML or JSON parser).
 * Returns the typed scenario with defaults filled in, or every problem found.
 */
export function validateScenario(input: unknown): ValidationResult {
  const parsed = Scenario.safeParse(input);
  const issues: ValidationIssue[] = parsed.success
    ? []
    : parsed.error.issues.flatMap((i) => describeZodIssue(i, input));
  issues.push(...checkConsistency(input));
  const unique = dedupe(issues);
  if (parsed.success && unique.length === 0) return { ok: true, scenario: parsed.data, issues: [] };
  return { ok: false, issues: unique };
}

/** The issues without repeats (same path and message), first occurrence kept. */
function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path.join("\u0000")}\u0001${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

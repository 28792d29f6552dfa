import type { ConsistencyContext } from "./consistency-context.ts";
import { duplicate } from "./duplicate-ids.ts";
import { isNum, isRec, list, type Rec } from "./raw-document.ts";
import type { Path, ValidationIssue } from "./validation-issue.ts";
import type { Bounds } from "./value-bounds.ts";

/**
 * Every question: a unique id, a condition (`when`) that names declared issues within their
 * scales (`scales`) and declared phases that are checked for agreement (`phases`, `unchecked`),
 * and estimates from declared sources.
 */
export function checkQuestions(
  doc: Rec,
  ctx: ConsistencyContext,
  scales: ReadonlyMap<string, Bounds>,
  phases: ReadonlyMap<string, number>,
  unchecked: ReadonlyMap<string, string[]>,
): void {
  const { issues, sourceIds } = ctx;
  const questionIds = new Map<string, number>();
  for (const [i, question] of list(doc.questions).entries()) {
    if (!isRec(question)) continue;
    duplicate(question.id, questionIds, ["questions", i, "id"], "questions", "question", issues);
    checkPredicate(question.when, ["questions", i, "when"], scales, phases, issues, unchecked);
    for (const [e, estimate] of list(question.estimates).entries()) {
      if (
        isRec(estimate) &&
        typeof estimate.source === "string" &&
        !sourceIds.has(estimate.source)
      ) {
        issues.push({
          path: ["questions", i, "estimates", e, "source"],
          message: `unknown source "${estimate.source}"; declared sources: ${[...sourceIds].join(", ") || "none"}`,
        });
      }
    }
  }
}

/** References and bounds inside a question's predicate (the schema checks its shape). */
function checkPredicate(
  value: unknown,
  path: Path,
  scales: ReadonlyMap<string, Bounds>,
  phases: ReadonlyMap<string, number>,
  issues: ValidationIssue[],
  unchecked: ReadonlyMap<string, string[]>,
): void {
  if (!isRec(value)) return;
  if (typeof value.issue === "string") {
    const bounds = scales.get(value.issue);
    if (!bounds) {
      issues.push({
        path: [...path, "issue"],
        message: `unknown issue "${value.issue}"; declared issues: ${[...scales.keys()].join(", ") || "none"}`,
      });
    }
    if (value.atLeast === undefined && value.atMost === undefined) {
      issues.push({
        path,
        message: `expected atLeast, atMost or both for issue "${value.issue}"`,
      });
    }
    for (const key of ["atLeast", "atMost"] as const) {
      const x = value[key];
      if (bounds && isNum(x) && (x < bounds.min || x > bounds.max)) {
        issues.push({ path: [...path, key], message: `expected ${bounds.what}, got ${x}` });
      }
    }
    if (isNum(value.atLeast) && isNum(value.atMost) && value.atLeast > value.atMost) {
      issues.push({
        path: [...path, "atMost"],
        message: `expected atMost ≥ atLeast (${value.atLeast}), got ${value.atMost}`,
      });
    }
  } else if (typeof value.agreement === "string") {
    if (!phases.has(value.agreement)) {
      issues.push({
        path: [...path, "agreement"],
        message: `unknown phase "${value.agreement}"; declared phases: ${[...phases.keys()].join(", ") || "none"}`,
      });
    }
    const missing = unchecked.get(value.agreement);
    if (missing) {
      issues.push({
        path: [...path, "agreement"],
        message: `phase "${value.agreement}" is not checked for agreement: no status quo on ${missing.join(", ")}`,
      });
    }
  } else if (Array.isArray(value.all) || Array.isArray(value.any)) {
    const key = Array.isArray(value.all) ? "all" : "any";
    for (const [k, p] of list(value[key]).entries())
      checkPredicate(p, [...path, key, k], scales, phases, issues, unchecked);
  } else if ("not" in value) {
    checkPredicate(value.not, [...path, "not"], scales, phases, issues, unchecked);
  }
}

import { checkEstimateValue } from "./check-estimate.ts";
import { list } from "./raw-document.ts";
import type { Path, ValidationIssue } from "./validation-issue.ts";
import type { Bounds } from "./value-bounds.ts";

/** What every whole-document check reads and where it reports (the checks behind `validateScenario`). */
export interface ConsistencyContext {
  /** Every problem found so far, in document order; the checks append to it. */
  issues: ValidationIssue[];
  /** The declared source, actor and issue ids. */
  sourceIds: ReadonlySet<string>;
  actorIds: ReadonlySet<string>;
  issueIds: ReadonlySet<string>;
}

/** {@link checkEstimateValue} against the context's sources, reporting to its issues. */
export function checkEstimate(
  ctx: ConsistencyContext,
  value: unknown,
  path: Path,
  bounds: Bounds | undefined,
): void {
  checkEstimateValue(value, path, bounds, ctx.sourceIds, ctx.issues);
}

/** Report every string in the list `ids` that is not among the `known` ids of kind `what`. */
export function checkRefs(
  ctx: ConsistencyContext,
  ids: unknown,
  path: Path,
  known: ReadonlySet<string>,
  what: string,
): void {
  for (const [k, id] of list(ids).entries()) {
    if (typeof id === "string" && !known.has(id)) {
      const declared = [...known].join(", ") || "none";
      ctx.issues.push({
        path: [...path, k],
        message: `unknown ${what} "${id}"; declared ${what}s: ${declared}`,
      });
    }
  }
}

import { type ConsistencyContext, checkEstimate, checkRefs } from "./consistency-context.ts";
import { isNum, isRec, list, type Rec } from "./raw-document.ts";
import type { ValidationIssue } from "./validation-issue.ts";
import type { Bounds } from "./value-bounds.ts";

/** Largest magnitude of a scale end (positions, marks and the status quo lie in between). */
export const SCALE_LIMIT = 1e15;
/** Narrowest scale: distances below this are lost in the models' rounding. */
export const SCALE_MIN_WIDTH = 1e-9;

/**
 * Every issue's scale (min < max, ends within ±1e15, at least 1e-9 wide), its marks on the
 * scale, its ratifiers declared actors, and its status quo and outcome on the scale. Returns the
 * bounds of each issue with a usable scale, by issue id, for the checks of values on it.
 */
export function checkIssues(doc: Rec, ctx: ConsistencyContext): Map<string, Bounds> {
  const scales = new Map<string, Bounds>();
  for (const [i, issue] of list(doc.issues).entries()) {
    if (!isRec(issue)) continue;
    const scale = isRec(issue.scale) ? issue.scale : {};
    const bounds = scaleBounds(scale, i, ctx.issues);
    if (bounds === undefined) continue;
    if (typeof issue.id === "string") scales.set(issue.id, bounds);
    for (const [m, mark] of list(scale.marks).entries()) {
      if (isRec(mark) && isNum(mark.at) && (mark.at < bounds.min || mark.at > bounds.max)) {
        ctx.issues.push({
          path: ["issues", i, "scale", "marks", m, "at"],
          message: `expected ${bounds.what}, got ${mark.at}`,
        });
      }
    }
    checkRefs(ctx, issue.ratifiers, ["issues", i, "ratifiers"], ctx.actorIds, "actor");
    checkEstimate(ctx, issue.statusQuo, ["issues", i, "statusQuo"], bounds);
    checkEstimate(ctx, issue.outcome, ["issues", i, "outcome"], bounds);
  }
  return scales;
}

/**
 * The bounds of issue i's scale (default 0 to 100), or undefined after reporting why the scale
 * cannot be used.
 */
function scaleBounds(scale: Rec, i: number, issues: ValidationIssue[]): Bounds | undefined {
  const min = isNum(scale.min) ? scale.min : 0;
  const max = isNum(scale.max) ? scale.max : 100;
  if (!(min < max)) {
    issues.push({
      path: ["issues", i, "scale", isNum(scale.max) ? "max" : "min"],
      message: `expected the scale's max to be greater than its min (${min}), got ${max}`,
    });
    return undefined;
  }
  // Models square and sum distances on the scale: keep them inside floating-point range.
  const end = Math.abs(min) > SCALE_LIMIT ? "min" : Math.abs(max) > SCALE_LIMIT ? "max" : "";
  if (end !== "") {
    issues.push({
      path: ["issues", i, "scale", end],
      message: `expected a scale end within ±1e15 (express large amounts in a larger unit, e.g. "billion €"), got ${end === "min" ? min : max}`,
    });
    return undefined;
  }
  if (max - min < SCALE_MIN_WIDTH) {
    issues.push({
      path: ["issues", i, "scale", "max"],
      message: `expected the scale to span at least 1e-9 (express small amounts in a smaller unit), got ${min} to ${max}`,
    });
    return undefined;
  }
  const unit = typeof scale.unit === "string" ? ` ${scale.unit}` : "";
  return {
    min,
    max,
    what: `a value on the issue's scale, ${min} to ${max}${unit}`,
  };
}

import { isNum, isRec, list } from "./raw-document.ts";
import type { Path, ValidationIssue } from "./validation-issue.ts";
import type { Bounds } from "./value-bounds.ts";

/**
 * An Estimate in any of its forms (number, `{ value, low, high, sources }`, list of source
 * estimates): every number within `bounds` (when known), low ≤ value ≤ high, and every cited
 * source declared.
 */
export function checkEstimateValue(
  value: unknown,
  path: Path,
  bounds: Bounds | undefined,
  sourceIds: ReadonlySet<string>,
  issues: ValidationIssue[],
): void {
  const inBounds = (x: unknown, at: Path) => {
    if (!bounds || !isNum(x)) return;
    const low = bounds.openMin ? x <= bounds.min : x < bounds.min;
    const high = bounds.openMax ? x >= bounds.max : x > bounds.max;
    if (low || high) issues.push({ path: at, message: `expected ${bounds.what}, got ${x}` });
  };
  const cited = (id: unknown, at: Path) => {
    if (typeof id === "string" && !sourceIds.has(id)) {
      const known = [...sourceIds].join(", ") || "none declared";
      issues.push({ path: at, message: `unknown source "${id}"; declared sources: ${known}` });
    }
  };
  if (isNum(value)) inBounds(value, path);
  else if (Array.isArray(value)) {
    for (const [k, e] of value.entries()) {
      if (!isRec(e)) continue;
      inBounds(e.value, [...path, k, "value"]);
      cited(e.source, [...path, k, "source"]);
    }
  } else if (isRec(value)) {
    for (const key of ["value", "low", "high"] as const) inBounds(value[key], [...path, key]);
    if (isNum(value.low) && isNum(value.value) && value.low > value.value) {
      issues.push({
        path: [...path, "low"],
        message: `expected low ≤ value (${value.value}), got ${value.low}`,
      });
    }
    if (isNum(value.high) && isNum(value.value) && value.high < value.value) {
      issues.push({
        path: [...path, "high"],
        message: `expected high ≥ value (${value.value}), got ${value.high}`,
      });
    }
    for (const [k, id] of list(value.sources).entries()) cited(id, [...path, "sources", k]);
  }
}

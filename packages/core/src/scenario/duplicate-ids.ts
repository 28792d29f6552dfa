import { isRec, list, type Rec } from "./raw-document.ts";
import type { Path, ValidationIssue } from "./validation-issue.ts";

/** The ids declared in list `key` of the document, each duplicate reported. */
export function collectIds(
  doc: Rec,
  key: string,
  what: string,
  issues: ValidationIssue[],
): Set<string> {
  const seen = new Map<string, number>();
  for (const [i, item] of list(doc[key]).entries()) {
    if (isRec(item)) duplicate(item.id, seen, [key, i, "id"], key, what, issues);
  }
  return new Set(seen.keys());
}

/** Record `id` as seen at the last index of `path`, or report it as a duplicate. */
export function duplicate(
  id: unknown,
  seen: Map<string, number>,
  path: Path,
  key: string,
  what: string,
  issues: ValidationIssue[],
): void {
  if (typeof id !== "string") return;
  const first = seen.get(id);
  if (first !== undefined) {
    issues.push({ path, message: `duplicate ${what} id "${id}"; already used at ${key}.${first}` });
  } else seen.set(id, path[1] as number);
}

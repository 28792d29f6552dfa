/**
 * Immutable reads and writes of a scenario draft at a path (`["issues", 2, "scale", "min"]`),
 * for the editor's generic forms. Writing `undefined` deletes the key, and an object left empty
 * by that is deleted too, so clearing an optional field leaves no `{}` behind.
 * @module
 */

/** One step into a draft: an object key or a list index. */
export type Step = string | number;

/** The value at `path`, or undefined. */
export function getAt(value: unknown, path: readonly Step[]): unknown {
  let at = value;
  for (const step of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string | number, unknown>)[step];
  }
  return at;
}

/** A copy of `value` with `path` set to `next` (undefined: deleted). */
export function setAt<T>(value: T, path: readonly Step[], next: unknown): T {
  if (path.length === 0) return next as T;
  const [step, ...rest] = path as [Step, ...Step[]];
  const container: unknown = value ?? (typeof step === "number" ? [] : {});
  if (Array.isArray(container)) {
    const copy = container.slice();
    const inner = setAt(copy[step as number], rest, next);
    copy[step as number] = inner;
    return copy as T;
  }
  const copy = { ...(container as Record<string, unknown>) };
  const inner = rest.length === 0 ? next : setAt(copy[step as string], rest, next);
  const emptyObject =
    inner !== null &&
    typeof inner === "object" &&
    !Array.isArray(inner) &&
    Object.keys(inner).length === 0 &&
    rest.length > 0;
  if (inner === undefined || emptyObject) delete copy[step as string];
  else copy[step as string] = inner;
  return copy as T;
}

/** A copy of the list at `path` without item `index`. */
export function removeAt<T>(value: T, path: readonly Step[], index: number): T {
  const list = getAt(value, path);
  if (!Array.isArray(list)) return value;
  return setAt(
    value,
    path,
    list.filter((_, i) => i !== index),
  );
}

/** A copy of the list at `path` (created when absent) with `item` appended. */
export function appendAt<T>(value: T, path: readonly Step[], item: unknown): T {
  const list = getAt(value, path);
  return setAt(value, path, [...(Array.isArray(list) ? list : []), item]);
}

/** `issues.2.scale.min`: a path as validation messages print it. */
export function pathKey(path: readonly Step[]): string {
  return path.join(".");
}

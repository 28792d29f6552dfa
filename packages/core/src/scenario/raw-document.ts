/**
 * Readers of a scenario document that has not been validated yet: they accept any shape, so that
 * the whole-document checks can run beside the schema (which reports the shape errors).
 * @module
 */
import type { Path } from "./validation-issue.ts";

/** A mapping of fields, as parsed from YAML or JSON. */
export type Rec = Record<string, unknown>;

/** Whether `v` is a mapping (not null, not a list). */
export const isRec = (v: unknown): v is Rec =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** `v` if it is a list, else an empty list. */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Whether `v` is a finite number. */
export const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** The value at `path` inside `root`, or undefined where the path leaves the document. */
export function getAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const step of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

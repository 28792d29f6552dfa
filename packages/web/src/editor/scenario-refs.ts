/**
 * Renaming and removing the things a scenario refers to by id — actors, issues, sources,
 * phases — everywhere they are referred to: stances, ratifiers, phases, shock effects,
 * questions, and the sources cited by every number. A removed actor or issue takes its stances
 * with it; what else is left pointing nowhere (a source estimate's only source, say) is left for
 * validation to report, so nothing the analyst wrote disappears silently.
 * @module
 */
import type { Scenario } from "@entente/core";

/** What can be renamed or removed. */
export type RefKind = "actor" | "issue" | "source" | "phase";

/** The keys under which each kind's ids appear (a single id or a list of ids). */
const REF_KEYS: Record<RefKind, readonly string[]> = {
  actor: ["actor", "actors", "ratifiers"],
  issue: ["issue", "issues"],
  source: ["source", "sources"],
  phase: ["phase", "phases"],
};

/** The top-level list holding each kind's records. */
export const COLLECTION: Record<RefKind, "actors" | "issues" | "sources" | "phases"> = {
  actor: "actors",
  issue: "issues",
  source: "sources",
  phase: "phases",
};

/**
 * Map every reference to an id of `kind` through `f` (return undefined to drop it from a
 * list). The top-level lists of records themselves are not references and are left alone.
 */
function mapRefs(scenario: Scenario, kind: RefKind, f: (id: string) => string | undefined) {
  const keys = new Set(REF_KEYS[kind]);
  const walk = (value: unknown, key: string | undefined, depth: number): unknown => {
    if (Array.isArray(value)) {
      if (key !== undefined && keys.has(key) && depth > 1) {
        const out = value.flatMap((x) =>
          typeof x === "string" ? (f(x) ?? []) : [walk(x, undefined, depth + 1)],
        );
        return out;
      }
      return value.map((x) => walk(x, undefined, depth + 1));
    }
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] = typeof v === "string" && keys.has(k) ? (f(v) ?? v) : walk(v, k, depth + 1);
      }
      return out;
    }
    return value;
  };
  return walk(scenario, undefined, 0) as Scenario;
}

/** How many times the scenario refers to the record `id` of `kind` (beside the record itself). */
export function countRefs(scenario: Scenario, kind: RefKind, id: string): number {
  let n = 0;
  mapRefs(scenario, kind, (x) => {
    if (x === id) n++;
    return x;
  });
  return n;
}

/** The scenario with id `from` of `kind` renamed to `to`, in its record and every reference. */
export function renameRef(scenario: Scenario, kind: RefKind, from: string, to: string): Scenario {
  if (from === to) return scenario;
  const renamed = mapRefs(scenario, kind, (id) => (id === from ? to : id));
  const list = renamed[COLLECTION[kind]] as Array<{ id: string }> | undefined;
  return {
    ...renamed,
    [COLLECTION[kind]]: list?.map((r) => (r.id === from ? { ...r, id: to } : r)),
  } as Scenario;
}

/**
 * The scenario without the record `id` of `kind`: its references are dropped from every list
 * of ids, and an actor's or issue's stances go with it.
 */
export function removeRef(scenario: Scenario, kind: RefKind, id: string): Scenario {
  const pruned = mapRefs(scenario, kind, (x) => (x === id ? undefined : x));
  const list = pruned[COLLECTION[kind]] as Array<{ id: string }> | undefined;
  const out = { ...pruned, [COLLECTION[kind]]: list?.filter((r) => r.id !== id) } as Scenario;
  if (kind === "actor") out.stances = out.stances.filter((s) => s.actor !== id);
  if (kind === "issue") out.stances = out.stances.filter((s) => s.issue !== id);
  return out;
}

/** An id not yet used in `taken`: `base`, else `base-2`, `base-3`, … */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

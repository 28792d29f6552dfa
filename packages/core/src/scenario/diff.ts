/**
 * What changed between two revisions of a scenario, number by number: every estimate
 * (capability, position, salience, status quo, outcome, probability) is compared whole, so a
 * change of its range or of the sources it cites shows as one change with both versions; lists
 * of records are matched by id (stances by actor and issue), so a removed actor is one removal,
 * not a shift of every actor after it.
 * @module
 */
import { recordKey } from "./record-key.ts";
import { sameValue } from "./same-value.ts";
import type { Scenario } from "./schema.ts";

/** One difference between two scenarios. */
export interface ScenarioChange {
  kind: "added" | "removed" | "changed";
  /** Where, in the newer scenario (in the older one for a removal). */
  path: Array<string | number>;
  /** Where, for people: `Actor “Russia” · capability`. */
  where: string;
  before?: unknown;
  after?: unknown;
}

/** Keys whose values are estimates, compared whole. */
const ESTIMATE_KEYS = new Set([
  "capability",
  "position",
  "salience",
  "statusQuo",
  "outcome",
  "probability",
]);

const NOUNS: Record<string, string> = {
  sources: "Source",
  actors: "Actor",
  issues: "Issue",
  shocks: "Shock",
  phases: "Phase",
  questions: "Question",
  marks: "mark",
  effects: "effect",
  estimates: "estimate",
};

/** Every difference from `before` to `after`, in document order. */
export function diffScenarios(before: Scenario, after: Scenario): ScenarioChange[] {
  const out: ScenarioChange[] = [];
  const names = new Map<string, string>();
  for (const s of [before, after]) {
    for (const a of s.actors ?? []) names.set(`actor:${a.id}`, a.name);
    for (const i of s.issues ?? []) names.set(`issue:${i.id}`, i.title);
  }
  const label = (collection: string, item: Record<string, unknown>, index: number): string => {
    if (collection === "stances") {
      const actor = names.get(`actor:${String(item.actor)}`) ?? String(item.actor);
      const issue = names.get(`issue:${String(item.issue)}`) ?? String(item.issue);
      return `${actor} on ${issue}`;
    }
    const noun = NOUNS[collection] ?? collection;
    const name = item.name ?? item.title ?? item.label ?? item.id ?? item.source ?? item.kind;
    return name === undefined ? `${noun} ${index + 1}` : `${noun} “${String(name)}”`;
  };
  walk(before, after, [], "", out, label);
  return out;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

function walk(
  a: unknown,
  b: unknown,
  path: Array<string | number>,
  where: string,
  out: ScenarioChange[],
  label: (collection: string, item: Record<string, unknown>, index: number) => string,
): void {
  if (sameValue(a, b)) return;
  // A list that appears or goes is a list of additions or removals, record by record.
  if (a === undefined && Array.isArray(b)) a = [];
  if (b === undefined && Array.isArray(a)) b = [];
  const key = path[path.length - 1];
  const join = (x: string) => (where === "" ? x : `${where} · ${x}`);
  if (a === undefined) {
    out.push({ kind: "added", path, where, after: b });
    return;
  }
  if (b === undefined) {
    out.push({ kind: "removed", path, where, before: a });
    return;
  }
  if (typeof key === "string" && ESTIMATE_KEYS.has(key)) {
    out.push({ kind: "changed", path, where, before: a, after: b });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const collection = typeof key === "string" ? key : "";
    const key2 = recordKey([a, b]);
    if (!key2) {
      if (a.every(isRecord) && b.every(isRecord) && a.length === b.length) {
        for (const [i, x] of a.entries()) {
          const here = join(label(collection, b[i] as Record<string, unknown>, i));
          walk(x, b[i], [...path, i], here, out, label);
        }
      } else {
        out.push({ kind: "changed", path, where, before: a, after: b });
      }
      return;
    }
    const inA = new Map(a.map((x, i) => [key2(x), i]));
    const inB = new Map(b.map((x, i) => [key2(x), i]));
    a.forEach((x, i) => {
      if (!inB.has(key2(x))) {
        out.push({
          kind: "removed",
          path: [...path, i],
          where: join(label(collection, x as Record<string, unknown>, i)),
          before: x,
        });
      }
    });
    b.forEach((y, j) => {
      const i = inA.get(key2(y));
      const here = join(label(collection, y as Record<string, unknown>, j));
      if (i === undefined) out.push({ kind: "added", path: [...path, j], where: here, after: y });
      else walk(a[i], y, [...path, j], here, out, label);
    });
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      // A list of records is named by its records ("Actor “Beta”"), not by its key.
      const list = (x: unknown) => (Array.isArray(x) ? (x as unknown[]) : []);
      const records = [...list(a[k]), ...list(b[k])].some(isRecord);
      walk(a[k], b[k], [...path, k], records ? where : join(k), out, label);
    }
    return;
  }
  out.push({ kind: "changed", path, where, before: a, after: b });
}

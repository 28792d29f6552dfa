/**
 * Whole-scenario validation: the zod schema for shapes and types, then the checks that need the
 * whole document (references, duplicate ids, bounds that depend on an issue's scale). Every
 * problem is reported, each with the path of the offending value.
 * @module
 */
import type { z } from "zod";
import { Scenario } from "./schema.ts";

/** Largest magnitude of a scale end (positions, marks and the status quo lie in between). */
export const SCALE_LIMIT = 1e15;
/** Narrowest scale: distances below this are lost in the models' rounding. */
export const SCALE_MIN_WIDTH = 1e-9;

/** A path into the scenario document, e.g. `["stances", 3, "salience"]`. */
export type Path = ReadonlyArray<string | number>;

/** One validation problem: where it is and what is wrong, in words an analyst can act on. */
export interface ValidationIssue {
  path: Path;
  message: string;
  /** `key` when the problem is the field name itself (an unknown field), else `value`. */
  at?: "key" | "value";
}

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

// ---------------------------------------------------------------------------------------------
// zod issues → plain messages

type ZodIssue = z.core.$ZodIssue;

function describeZodIssue(issue: ZodIssue, root: unknown, base: Path = []): ValidationIssue[] {
  const path = [...base, ...(issue.path as Array<string | number>)];
  const value = getAt(root, path);
  switch (issue.code) {
    case "invalid_union": {
      if (value === undefined) return [missing(path)];
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
      if (discriminator !== undefined) {
        const allowed = (options ?? []).map((o) => JSON.stringify(o)).join(", ");
        return [
          {
            path,
            message: `expected ${discriminator} to be one of ${allowed}, got ${show(value)}`,
          },
        ];
      }
      // An Estimate or a Predicate: pick the branch the user evidently meant from the value.
      const predicate = issue.errors.length === PREDICATE_BRANCHES;
      const branch = predicate ? predicateBranch(value) : estimateBranch(value);
      const errors = branch === undefined ? undefined : issue.errors[branch];
      if (errors && (predicate || issue.errors.length === 3)) {
        return errors.flatMap((e) => describeZodIssue(e, root, path));
      }
      const keys = isRec(value) ? Object.keys(value) : [];
      const got =
        predicate && isRec(value)
          ? keys.length > 0
            ? `a mapping of ${keys.join(", ")}`
            : "an empty mapping"
          : show(value);
      return [{ path, message: `${predicate ? PREDICATE_FORMS : ESTIMATE_FORMS}, got ${got}` }];
    }
    case "unrecognized_keys": {
      const allowed = allowedKeys(path, root);
      return issue.keys.map((key) => ({
        path: [...path, key],
        at: "key" as const,
        message: `unknown field "${key}"${allowed ? `; allowed: ${allowed.join(", ")}` : ""}`,
      }));
    }
    case "invalid_type": {
      if (value === undefined) return [missing(path)];
      return [{ path, message: `expected ${article(issue.expected)}, got ${show(value)}` }];
    }
    default:
      return [{ path, message: `${stripPrefix(issue.message)}, got ${show(value)}` }];
  }
}

function missing(path: Path): ValidationIssue {
  return { path, message: `missing required field "${String(path[path.length - 1])}"` };
}

const ESTIMATE_FORMS =
  "expected a number, { value, low, high, sources, note }, or a list of { value, source, note }";

/** Options of the Predicate union, in schema order: issue, agreement, all, any, not. */
const PREDICATE_BRANCHES = 5;
const PREDICATE_KEYS = ["issue", "agreement", "all", "any", "not"];
const PREDICATE_FORMS =
  "expected a condition: { issue, atLeast, atMost }, { agreement: <phase> }, { all: [ … ] }, { any: [ … ] } or { not: … }";

function predicateBranch(value: unknown): number | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const index = PREDICATE_KEYS.findIndex((k) => k in value);
  return index >= 0 ? index : undefined;
}

function estimateBranch(value: unknown): number | undefined {
  if (typeof value === "number") return 0;
  if (Array.isArray(value)) return 2;
  if (value !== null && typeof value === "object") return 1;
  return undefined;
}

function stripPrefix(message: string): string {
  return message.replace(/^Invalid input: /, "").replace(/^Too small: /, "");
}

function article(type: string): string {
  if (type === "object") return "a mapping of fields";
  if (type === "array") return "a list";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** A short rendering of a bad value for an error message. */
export function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null (an empty value)";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") {
    const s = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(s);
  }
  return String(value);
}

/** The field names the schema allows for the object at `path`. */
function allowedKeys(path: Path, root: unknown): string[] | undefined {
  let schema: z.core.$ZodType = Scenario;
  let value: unknown = root;
  for (const step of path) {
    schema = unwrap(schema, value);
    const def = schema._zod.def as { type: string; shape?: Record<string, z.core.$ZodType> };
    if (def.type === "object" && def.shape && typeof step === "string") {
      const next = def.shape[step];
      if (!next) return undefined;
      schema = next;
    } else if (def.type === "array" && typeof step === "number") {
      schema = (def as unknown as { element: z.core.$ZodType }).element;
    } else return undefined;
    value = (value as Record<string | number, unknown> | undefined)?.[step];
  }
  const def = unwrap(schema, value)._zod.def as { shape?: Record<string, unknown> };
  return def.shape ? Object.keys(def.shape) : undefined;
}

function unwrap(schema: z.core.$ZodType, value: unknown): z.core.$ZodType {
  let s = schema;
  for (;;) {
    const def = s._zod.def as {
      type: string;
      innerType?: z.core.$ZodType;
      options?: z.core.$ZodType[];
    };
    if ((def.type === "optional" || def.type === "default") && def.innerType) s = def.innerType;
    else if (def.type === "lazy") s = (def as unknown as { getter(): z.core.$ZodType }).getter();
    else if (def.type === "union" && def.options) {
      const key = (def as { discriminator?: string }).discriminator;
      const branch =
        key !== undefined
          ? discriminated(def.options, key, value)
          : def.options.length === PREDICATE_BRANCHES
            ? predicateBranch(value)
            : estimateBranch(value);
      const option = branch === undefined ? undefined : def.options[branch];
      if (!option) return s;
      s = option;
    } else return s;
  }
}

/** Index of the option of a discriminated union whose literal matches the value's key. */
function discriminated(
  options: z.core.$ZodType[],
  key: string,
  value: unknown,
): number | undefined {
  const tag = (value as Record<string, unknown> | undefined)?.[key];
  const index = options.findIndex((o) => {
    const shape = (o._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape;
    const values = (shape?.[key]?._zod.def as { values?: unknown[] } | undefined)?.values;
    return values?.includes(tag) ?? false;
  });
  return index >= 0 ? index : undefined;
}

// ---------------------------------------------------------------------------------------------
// Whole-document checks, tolerant of any shape (the schema reports shape errors).

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === "object" && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

interface Bounds {
  min: number;
  max: number;
  /** true when `min` itself is excluded (capability > 0). */
  openMin?: boolean;
  /** true when `max` itself is excluded. */
  openMax?: boolean;
  what: string;
}

function checkConsistency(doc: unknown): ValidationIssue[] {
  if (!isRec(doc)) return [];
  const issues: ValidationIssue[] = [];
  const sourceIds = collectIds(doc, "sources", "source", issues);
  const actorIds = collectIds(doc, "actors", "actor", issues);
  const issueIds = collectIds(doc, "issues", "issue", issues);

  const checkEstimate = (value: unknown, path: Path, bounds: Bounds | undefined) =>
    checkEstimateValue(value, path, bounds, sourceIds, issues);

  const capability: Bounds = {
    min: 0,
    max: Number.POSITIVE_INFINITY,
    openMin: true,
    what: "a capability greater than 0",
  };
  for (const [i, actor] of list(doc.actors).entries()) {
    if (!isRec(actor)) continue;
    checkEstimate(actor.capability, ["actors", i, "capability"], capability);
  }

  const scales = new Map<string, Bounds>();
  for (const [i, issue] of list(doc.issues).entries()) {
    if (!isRec(issue)) continue;
    const scale = isRec(issue.scale) ? issue.scale : {};
    const min = isNum(scale.min) ? scale.min : 0;
    const max = isNum(scale.max) ? scale.max : 100;
    if (!(min < max)) {
      issues.push({
        path: ["issues", i, "scale", isNum(scale.max) ? "max" : "min"],
        message: `expected the scale's max to be greater than its min (${min}), got ${max}`,
      });
      continue;
    }
    // Models square and sum distances on the scale: keep them inside floating-point range.
    const end = Math.abs(min) > SCALE_LIMIT ? "min" : Math.abs(max) > SCALE_LIMIT ? "max" : "";
    if (end !== "") {
      issues.push({
        path: ["issues", i, "scale", end],
        message: `expected a scale end within ±1e15 (express large amounts in a larger unit, e.g. "billion €"), got ${end === "min" ? min : max}`,
      });
      continue;
    }
    if (max - min < SCALE_MIN_WIDTH) {
      issues.push({
        path: ["issues", i, "scale", "max"],
        message: `expected the scale to span at least 1e-9 (express small amounts in a smaller unit), got ${min} to ${max}`,
      });
      continue;
    }
    const unit = typeof scale.unit === "string" ? ` ${scale.unit}` : "";
    const bounds: Bounds = {
      min,
      max,
      what: `a value on the issue's scale, ${min} to ${max}${unit}`,
    };
    if (typeof issue.id === "string") scales.set(issue.id, bounds);
    for (const [m, mark] of list(scale.marks).entries()) {
      if (isRec(mark) && isNum(mark.at) && (mark.at < min || mark.at > max)) {
        issues.push({
          path: ["issues", i, "scale", "marks", m, "at"],
          message: `expected ${bounds.what}, got ${mark.at}`,
        });
      }
    }
    for (const [r, id] of list(issue.ratifiers).entries()) {
      if (typeof id === "string" && !actorIds.has(id)) {
        issues.push({
          path: ["issues", i, "ratifiers", r],
          message: `unknown actor "${id}"; declared actors: ${[...actorIds].join(", ") || "none"}`,
        });
      }
    }
    checkEstimate(issue.statusQuo, ["issues", i, "statusQuo"], bounds);
    checkEstimate(issue.outcome, ["issues", i, "outcome"], bounds);
  }

  const pairs = new Map<string, number>();
  const issuesWithStances = new Set<string>();
  for (const [i, stance] of list(doc.stances).entries()) {
    if (!isRec(stance)) continue;
    const { actor, issue } = stance;
    if (typeof actor === "string" && !actorIds.has(actor)) {
      issues.push({
        path: ["stances", i, "actor"],
        message: `unknown actor "${actor}"; declared actors: ${[...actorIds].join(", ") || "none"}`,
      });
    }
    if (typeof issue === "string" && !issueIds.has(issue)) {
      issues.push({
        path: ["stances", i, "issue"],
        message: `unknown issue "${issue}"; declared issues: ${[...issueIds].join(", ") || "none"}`,
      });
    }
    if (typeof actor === "string" && typeof issue === "string") {
      issuesWithStances.add(issue);
      const key = `${actor}\u0000${issue}`;
      const first = pairs.get(key);
      if (first !== undefined) {
        issues.push({
          path: ["stances", i, "actor"],
          message: `duplicate stance: actor "${actor}" on issue "${issue}" is already given at stances.${first}`,
        });
      } else pairs.set(key, i);
    }
    const bounds = typeof issue === "string" ? scales.get(issue) : undefined;
    checkEstimate(stance.position, ["stances", i, "position"], bounds);
    checkEstimate(stance.salience, ["stances", i, "salience"], {
      min: 0,
      max: 100,
      what: "a salience from 0 to 100",
    });
    checkEstimate(stance.capability, ["stances", i, "capability"], capability);
  }

  const refs = (ids: unknown, path: Path, known: ReadonlySet<string>, what: string) => {
    for (const [k, id] of list(ids).entries()) {
      if (typeof id === "string" && !known.has(id)) {
        const declared = [...known].join(", ") || "none";
        issues.push({
          path: [...path, k],
          message: `unknown ${what} "${id}"; declared ${what}s: ${declared}`,
        });
      }
    }
  };
  const shockIds = new Map<string, number>();
  for (const [i, shock] of list(doc.shocks).entries()) {
    if (!isRec(shock)) continue;
    duplicate(shock.id, shockIds, ["shocks", i, "id"], "shocks", "shock", issues);
    checkEstimate(shock.probability, ["shocks", i, "probability"], {
      min: 0,
      max: 1,
      what: "a probability from 0 to 1",
    });
    for (const [e, effect] of list(shock.effects).entries()) {
      if (!isRec(effect)) continue;
      refs(effect.actors, ["shocks", i, "effects", e, "actors"], actorIds, "actor");
      refs(effect.issues, ["shocks", i, "effects", e, "issues"], issueIds, "issue");
    }
  }
  const phaseIds = new Map<string, number>();
  for (const [i, phase] of list(doc.phases).entries()) {
    if (!isRec(phase)) continue;
    duplicate(phase.id, phaseIds, ["phases", i, "id"], "phases", "phase", issues);
    refs(phase.actors, ["phases", i, "actors"], actorIds, "actor");
    refs(phase.issues, ["phases", i, "issues"], issueIds, "issue");
    refs(phase.sources, ["phases", i, "sources"], sourceIds, "source");
    // A phase decides only issues on which someone at its table has a stance.
    const atTable = list(phase.actors).filter((a): a is string => typeof a === "string");
    for (const [k, issue] of list(phase.issues).entries()) {
      if (typeof issue !== "string" || !issueIds.has(issue)) continue;
      if (!atTable.some((a) => pairs.has(`${a}\u0000${issue}`))) {
        issues.push({
          path: ["phases", i, "issues", k],
          message: `no actor of this phase (${atTable.join(", ") || "none"}) has a stance on issue "${issue}"; add one who does, or leave the issue out of the phase`,
        });
      }
    }
  }

  // Issues without a status quo: a phase deciding one has no "no agreement" outcome to check.
  const noStatusQuo = new Set(
    list(doc.issues).flatMap((x) =>
      isRec(x) && typeof x.id === "string" && x.statusQuo === undefined ? [x.id] : [],
    ),
  );
  const unchecked = new Map<string, string[]>();
  for (const phase of list(doc.phases)) {
    if (!isRec(phase) || typeof phase.id !== "string") continue;
    const missing = list(phase.issues).filter(
      (id): id is string => typeof id === "string" && noStatusQuo.has(id),
    );
    if (missing.length > 0) unchecked.set(phase.id, missing);
  }
  for (const [i, phase] of list(doc.phases).entries()) {
    if (!isRec(phase) || !isRec(phase.agreement)) continue;
    checkEstimate(phase.agreement.probability, ["phases", i, "agreement", "probability"], {
      min: 0,
      max: 1,
      openMin: true,
      openMax: true,
      what: "a probability between 0 and 1 (a prior of 0 or 1 would override every sample)",
    });
    refs(phase.agreement.sources, ["phases", i, "agreement", "sources"], sourceIds, "source");
    const missing = typeof phase.id === "string" ? unchecked.get(phase.id) : undefined;
    if (missing) {
      issues.push({
        path: ["phases", i, "agreement"],
        message: `an agreement prior needs a status quo on every issue of the phase; no status quo on ${missing.join(", ")}`,
      });
    }
  }
  const questionIds = new Map<string, number>();
  for (const [i, question] of list(doc.questions).entries()) {
    if (!isRec(question)) continue;
    duplicate(question.id, questionIds, ["questions", i, "id"], "questions", "question", issues);
    checkPredicate(question.when, ["questions", i, "when"], scales, phaseIds, issues, unchecked);
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

  if (Array.isArray(doc.stances)) {
    for (const [i, issue] of list(doc.issues).entries()) {
      if (isRec(issue) && typeof issue.id === "string" && !issuesWithStances.has(issue.id)) {
        issues.push({
          path: ["issues", i, "id"],
          message: `no stance names issue "${issue.id}"; give at least one actor a position on it`,
        });
      }
    }
  }
  return issues;
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

function collectIds(doc: Rec, key: string, what: string, issues: ValidationIssue[]): Set<string> {
  const seen = new Map<string, number>();
  for (const [i, item] of list(doc[key]).entries()) {
    if (isRec(item)) duplicate(item.id, seen, [key, i, "id"], key, what, issues);
  }
  return new Set(seen.keys());
}

/** Record `id` as seen at the last index of `path`, or report it as a duplicate. */
function duplicate(
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

function checkEstimateValue(
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

// ---------------------------------------------------------------------------------------------

function getAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const step of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path.join("\u0000")}\u0001${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

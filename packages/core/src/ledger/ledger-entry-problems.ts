import { FORECASTER_KINDS } from "./ledger-entry.ts";
import { recordedDistributionProblems } from "./recorded-distribution.ts";

/** A problem with one field of a ledger entry. */
export interface EntryProblem {
  /** The field, e.g. `probability` or `scenario.hash`. */
  path: string;
  message: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const FORECAST_KEYS = new Set([
  "kind",
  "question",
  "text",
  "forecaster",
  "forecasterKind",
  "calibration",
  "probability",
  "distribution",
  "date",
  "created",
  "scenario",
  "seed",
  "samples",
  "note",
  "supersedes",
]);
const RESOLUTION_KEYS = new Set([
  "kind",
  "question",
  "outcome",
  "date",
  "source",
  "note",
  "created",
  "supersedes",
]);

/**
 * What is wrong with a ledger entry on its own (an empty list when nothing is): the kind, the
 * required fields and their types, a probability in [0, 1] or a well-formed distribution (one of
 * the two), dates as YYYY-MM-DD, and no unknown fields. Whether the question exists or the
 * superseded entry is one of its own is for the ledger to check.
 */
export function ledgerEntryProblems(entry: unknown): EntryProblem[] {
  const out: EntryProblem[] = [];
  const e = entry as Record<string, unknown> | null;
  if (typeof e !== "object" || e === null || Array.isArray(e)) {
    return [{ path: "(entry)", message: "expected an object" }];
  }
  if (e.kind !== "forecast" && e.kind !== "resolution") {
    return [{ path: "kind", message: `expected "forecast" or "resolution", got ${show(e.kind)}` }];
  }
  const keys = e.kind === "forecast" ? FORECAST_KEYS : RESOLUTION_KEYS;
  for (const k of Object.keys(e)) {
    if (!keys.has(k))
      out.push({ path: k, message: `unknown field; allowed: ${[...keys].join(", ")}` });
  }
  text(e, "question", out, 200);
  date(e, "date", out);
  if (
    typeof e.created !== "string" ||
    !ISO_TIME.test(e.created) ||
    Number.isNaN(Date.parse(e.created))
  ) {
    out.push({ path: "created", message: `expected an ISO 8601 time, got ${show(e.created)}` });
  }
  optionalText(e, "note", out, 2000);
  if (
    e.supersedes !== undefined &&
    !(Number.isSafeInteger(e.supersedes) && (e.supersedes as number) >= 1)
  ) {
    out.push({
      path: "supersedes",
      message: `expected an entry's sequence number (a whole number ≥ 1), got ${show(e.supersedes)}`,
    });
  }
  if (e.kind === "resolution") {
    const o = e.outcome;
    if (typeof o !== "boolean" && !(typeof o === "number" && Number.isFinite(o))) {
      out.push({
        path: "outcome",
        message: `expected yes/no (true or false) or a number, got ${show(o)}`,
      });
    }
    text(e, "source", out, 500);
    return out;
  }
  text(e, "text", out, 1000);
  text(e, "forecaster", out, 100);
  if (!FORECASTER_KINDS.includes(e.forecasterKind as never)) {
    out.push({
      path: "forecasterKind",
      message: `expected one of ${FORECASTER_KINDS.join(", ")}, got ${show(e.forecasterKind)}`,
    });
  }
  optionalText(e, "calibration", out, 300);
  const hasP = e.probability !== undefined;
  const hasD = e.distribution !== undefined;
  if (hasP === hasD) {
    out.push({
      path: "probability",
      message:
        "expected either a probability (yes/no question) or a distribution (numeric question), not both or neither",
    });
  } else if (hasP) {
    const p = e.probability;
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
      out.push({ path: "probability", message: `expected a number from 0 to 1, got ${show(p)}` });
    }
  } else {
    for (const m of recordedDistributionProblems(e.distribution))
      out.push({ path: "distribution", message: m });
  }
  if (e.scenario !== undefined) {
    const s = e.scenario as Record<string, unknown> | null;
    if (typeof s !== "object" || s === null)
      out.push({ path: "scenario", message: "expected { id, revision?, hash }" });
    else {
      if (typeof s.id !== "string" || s.id === "")
        out.push({ path: "scenario.id", message: `expected the scenario's id, got ${show(s.id)}` });
      if (
        s.revision !== undefined &&
        !(Number.isSafeInteger(s.revision) && (s.revision as number) >= 1)
      ) {
        out.push({
          path: "scenario.revision",
          message: `expected a whole number ≥ 1, got ${show(s.revision)}`,
        });
      }
      if (typeof s.hash !== "string" || !/^[0-9a-f]{64}$/.test(s.hash)) {
        out.push({
          path: "scenario.hash",
          message: `expected a SHA-256 in hex (64 characters), got ${show(s.hash)}`,
        });
      }
    }
  }
  if (e.seed !== undefined && !(Number.isSafeInteger(e.seed) && (e.seed as number) >= 0)) {
    out.push({ path: "seed", message: `expected a whole number ≥ 0, got ${show(e.seed)}` });
  }
  if (e.samples !== undefined && !(Number.isSafeInteger(e.samples) && (e.samples as number) >= 1)) {
    out.push({ path: "samples", message: `expected a whole number ≥ 1, got ${show(e.samples)}` });
  }
  return out;
}

/** Whether a text is a calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function date(e: Record<string, unknown>, key: string, out: EntryProblem[]) {
  if (!isIsoDate(e[key]))
    out.push({ path: key, message: `expected a date YYYY-MM-DD, got ${show(e[key])}` });
}

function text(e: Record<string, unknown>, key: string, out: EntryProblem[], max: number) {
  const v = e[key];
  if (typeof v !== "string" || v.trim() === "" || v.length > max) {
    out.push({
      path: key,
      message: `expected a non-empty text of at most ${max} characters, got ${show(v)}`,
    });
  }
}

function optionalText(e: Record<string, unknown>, key: string, out: EntryProblem[], max: number) {
  const v = e[key];
  if (v !== undefined && (typeof v !== "string" || v.length > max)) {
    out.push({
      path: key,
      message: `expected a text of at most ${max} characters, got ${show(v)}`,
    });
  }
}

function show(v: unknown): string {
  if (v === undefined) return "nothing";
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/**
 * Pure edits of a scenario draft and the look-ups the editor needs. Every edit returns a new
 * scenario object (the draft is React state) and leaves the rest untouched, so a save sends
 * exactly what the analyst changed.
 * @module
 */
import { fmt } from "@entente/charts";
import {
  centralValue,
  type Estimate,
  type Path,
  type Scenario,
  type Source,
  type ValidationIssue,
} from "@entente/core";

/** Which number of a stance a cell edits. */
export type StanceField = "position" | "salience";

/** The stance of an actor on an issue, with its index in `scenario.stances`. */
export function findStance(scenario: Scenario, actor: string, issue: string) {
  const index = scenario.stances.findIndex((s) => s.actor === actor && s.issue === issue);
  return index < 0
    ? undefined
    : { index, stance: scenario.stances[index] as Scenario["stances"][number] };
}

/** The central value of a draft estimate, or NaN when the draft holds something else. */
export function draftCentral(estimate: unknown): number {
  if (typeof estimate === "number") return estimate;
  if (typeof estimate !== "object" || estimate === null) return Number.NaN;
  try {
    const x = centralValue(estimate as Estimate);
    return typeof x === "number" ? x : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Move an estimate so that its central value becomes `x`. A plain number becomes `x`; a sourced
 * number keeps its sources and moves its range with it (clamped to `bounds`; a move to or from
 * a value outside `bounds` leaves the range where it is); a list of source
 * estimates shifts every estimate by the same amount, so the disagreement between sources is
 * kept. A non-number `x` (what the analyst typed) is stored as is, for validation to report.
 */
export function moveEstimate(
  estimate: Estimate,
  x: number | string,
  bounds: readonly [number, number],
): Estimate {
  if (typeof x !== "number") {
    // Keep a sourced number's range and sources while its value is not a number yet; a list
    // of source estimates has no single value to hold the text, so it stays as it was.
    if (Array.isArray(estimate)) return estimate;
    if (typeof estimate === "object" && estimate !== null) {
      return { ...estimate, value: x } as unknown as Estimate;
    }
    return x as unknown as Estimate;
  }
  if (typeof estimate === "number") return x;
  const delta = x - draftCentral(estimate);
  const [lo, hi] = bounds;
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  if (Array.isArray(estimate)) {
    if (!Number.isFinite(delta)) return x;
    return estimate.map((e) => ({ ...e, value: round(e.value + delta) }));
  }
  if (typeof estimate === "object" && estimate !== null) {
    const moved = { ...estimate, value: x };
    // Only a move within the bounds carries the range along: a value typed out of bounds (or
    // back from there) leaves the range as it was, so fixing the value restores a valid number.
    const inBounds = (v: number) => v >= lo && v <= hi;
    if (!Number.isFinite(delta) || !inBounds(x) || !inBounds(x - delta)) return moved;
    if (estimate.low !== undefined) moved.low = round(clamp(estimate.low + delta));
    if (estimate.high !== undefined) moved.high = round(clamp(estimate.high + delta));
    return moved;
  }
  return x;
}

/** Round away binary noise from a shift (0.1 + 0.2), keeping six decimals. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The allowed range of a stance field: the issue's scale for positions, 0–100 for saliences. */
export function fieldBounds(
  scenario: Scenario,
  issue: string,
  field: StanceField,
): [number, number] {
  if (field === "salience") return [0, 100];
  const scale = scenario.issues.find((i) => i.id === issue)?.scale;
  return [scale?.min ?? 0, scale?.max ?? 100];
}

/**
 * Set the central value of an actor's position or salience on an issue. `from` is the estimate
 * as it was when the edit began: moving from it (not from the last keystroke's result) keeps a
 * clamped range from drifting while the analyst types through an out-of-range value.
 */
export function setStanceValue(
  scenario: Scenario,
  actor: string,
  issue: string,
  field: StanceField,
  x: number | string,
  from?: Estimate,
): Scenario {
  const found = findStance(scenario, actor, issue);
  if (!found) return scenario;
  const stances = scenario.stances.slice();
  const bounds = fieldBounds(scenario, issue, field);
  const moved = moveEstimate(from ?? found.stance[field], x, bounds);
  stances[found.index] = { ...found.stance, [field]: moved };
  return { ...scenario, stances };
}

/** Give an actor a stance on an issue: at the status quo (or mid-scale), salience 50. */
export function addStance(scenario: Scenario, actor: string, issue: string): Scenario {
  if (findStance(scenario, actor, issue)) return scenario;
  const found = scenario.issues.find((i) => i.id === issue);
  const min = found?.scale.min ?? 0;
  const max = found?.scale.max ?? 100;
  const sq = found?.statusQuo === undefined ? Number.NaN : draftCentral(found.statusQuo);
  const position = Number.isFinite(sq) ? sq : (min + max) / 2;
  return { ...scenario, stances: [...scenario.stances, { actor, issue, position, salience: 50 }] };
}

/** Take an actor out of an issue (delete its stance). */
export function removeStance(scenario: Scenario, actor: string, issue: string): Scenario {
  const found = findStance(scenario, actor, issue);
  if (!found) return scenario;
  return { ...scenario, stances: scenario.stances.filter((_, i) => i !== found.index) };
}

/** Set an actor's capability (its range and sources move with it, bounded below by 0). */
export function setCapability(
  scenario: Scenario,
  actor: string,
  x: number | string,
  from?: Estimate,
): Scenario {
  const actors = scenario.actors.map((a) =>
    a.id === actor
      ? {
          ...a,
          capability: moveEstimate(from ?? a.capability, x, [0, Number.POSITIVE_INFINITY]),
        }
      : a,
  );
  return { ...scenario, actors };
}

/** An estimate described for a tooltip: its form, its range and each source behind it. */
export interface EstimateDescription {
  kind: "plain" | "range" | "disputed";
  central: number;
  low?: number;
  high?: number;
  /** One line per source: the source's title and, for disputed numbers, its value and note. */
  sources: Array<{ id: string; title: string; value?: number; note?: string }>;
  note?: string;
}

/** Describe an estimate with the titles of its sources (unknown ids are shown as they are). */
export function describeEstimate(
  estimate: unknown,
  sources: readonly Source[] | undefined,
): EstimateDescription {
  const title = (id: string) => sources?.find((s) => s.id === id)?.title ?? id;
  const central = draftCentral(estimate);
  if (Array.isArray(estimate)) {
    const values = estimate.map((e) => Number(e.value));
    return {
      kind: "disputed",
      central,
      low: Math.min(...values),
      high: Math.max(...values),
      sources: estimate.map((e) => ({
        id: String(e.source),
        title: title(String(e.source)),
        value: Number(e.value),
        ...(e.note ? { note: String(e.note) } : {}),
      })),
    };
  }
  if (typeof estimate === "object" && estimate !== null) {
    const e = estimate as Exclude<Estimate, number | unknown[]>;
    const ranged = e.low !== undefined || e.high !== undefined;
    return {
      kind: ranged ? "range" : "plain",
      central,
      ...(e.low === undefined ? {} : { low: e.low }),
      ...(e.high === undefined ? {} : { high: e.high }),
      sources: (e.sources ?? []).map((id) => ({ id, title: title(id) })),
      ...(e.note ? { note: e.note } : {}),
    };
  }
  return { kind: "plain", central, sources: [] };
}

/** An estimate on one line: `62 (50–70) [Source A; Source B]`, or `60 [A]; 70 [B]` when sources disagree. */
export function estimateLine(d: EstimateDescription): string {
  if (d.kind === "disputed") {
    return d.sources.map((s) => `${fmt(s.value ?? Number.NaN)} [${s.title}]`).join("; ");
  }
  const range =
    d.kind === "range" ? ` (${fmt(d.low ?? d.central)}–${fmt(d.high ?? d.central)})` : "";
  const cited = d.sources.length > 0 ? ` [${d.sources.map((s) => s.title).join("; ")}]` : "";
  return `${fmt(d.central)}${range}${cited}`;
}

/** A tooltip text for an estimate: the range or the disagreeing readings, then the sources. */
export function estimateTooltip(d: EstimateDescription): string {
  const lines: string[] = [];
  if (d.kind === "range") lines.push(`${fmt(d.central)} (range ${fmt(d.low)}–${fmt(d.high)})`);
  if (d.kind === "disputed") lines.push(`${fmt(d.central)}: sources disagree`);
  if (d.note) lines.push(d.note);
  for (const s of d.sources) {
    const value = s.value === undefined ? "" : `${fmt(s.value)} — `;
    lines.push(`• ${value}${s.title}${s.note ? `: ${s.note}` : ""}`);
  }
  return lines.join("\n");
}

/** A number for an input box: up to two decimals, no trailing zeros. */
export function inputText(x: unknown): string {
  if (typeof x === "string") return x;
  if (typeof x !== "number" || Number.isNaN(x)) return "";
  return String(Math.round(x * 100) / 100);
}

/** A path as the CLI prints it: `stances.3.salience`. */
export function formatPath(path: Path | string): string {
  return typeof path === "string" ? path : path.join(".");
}

/** Where a validation issue belongs in the grid, when it belongs to a cell or an actor. */
export type IssueTarget =
  | { kind: "stance"; actor: string; issue: string; field: StanceField }
  | { kind: "capability"; actor: string }
  | { kind: "other" };

/** Find the grid cell a validation issue's path points into. */
export function issueTarget(scenario: Scenario, path: Path): IssueTarget {
  const [top, index, field] = path;
  if (top === "stances" && typeof index === "number") {
    const stance = scenario.stances[index];
    if (stance && (field === "position" || field === "salience")) {
      return { kind: "stance", actor: String(stance.actor), issue: String(stance.issue), field };
    }
  }
  if (top === "actors" && typeof index === "number" && field === "capability") {
    const actor = scenario.actors[index];
    if (actor) return { kind: "capability", actor: String(actor.id) };
  }
  return { kind: "other" };
}

/** The grid key of a cell field, e.g. `russia|territory|position`. */
export function cellKey(actor: string, issue: string, field: StanceField | "capability"): string {
  return `${actor}|${issue}|${field}`;
}

/** Validation messages grouped by grid cell field (capability errors under `actor||capability`). */
export function errorsByCell(
  scenario: Scenario,
  issues: readonly ValidationIssue[],
): Map<string, ValidationIssue[]> {
  const byCell = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const target = issueTarget(scenario, issue.path);
    const key =
      target.kind === "stance"
        ? cellKey(target.actor, target.issue, target.field)
        : target.kind === "capability"
          ? cellKey(target.actor, "", "capability")
          : undefined;
    if (key === undefined) continue;
    const list = byCell.get(key) ?? [];
    list.push(issue);
    byCell.set(key, list);
  }
  return byCell;
}

/** The DOM id of a grid input, so a validation message can link to it. */
export function inputId(actor: string, issue: string, field: StanceField | "capability"): string {
  return `cell-${actor}-${issue}-${field}`.replace(/[^A-Za-z0-9_-]/g, "_");
}

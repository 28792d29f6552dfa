/**
 * What the importers share: locating offsets at line:col, collecting every problem in a file,
 * strict number parsing, and turning an imported table into an Entente scenario.
 * @module
 */
import type { ScenarioInput } from "@entente/core";
import { byPosition, type Diagnostic, InputError } from "../diagnostic.ts";

/** The formats `entente import` reads. */
export const IMPORT_FORMATS = ["ktab-csv", "ktab-xml", "eum-table", "decide"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A format's name for messages and the scenario's source entry. */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  "ktab-csv": "KTAB CSV",
  "ktab-xml": "KTAB XML",
  "eum-table": "EUM table",
  decide: "decide exchange-model",
};

/** 1-based line and column of offsets into a text whose lines end in LF, CRLF or a lone CR. */
export class TextLocator {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) this.starts.push(i + 1);
      else if (c === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.starts.push(i + 1);
      }
    }
  }
  /** Line and column of `offset` (a UTF-16 index into the text). */
  at(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (this.starts[lo] as number) + 1 };
  }
}

/** Every problem found in one input file, reported together as one {@link InputError}. */
export class Problems {
  readonly list: Diagnostic[] = [];
  readonly file: string;
  private readonly locator: TextLocator;
  constructor(file: string, locator: TextLocator) {
    this.file = file;
    this.locator = locator;
  }
  /** Record a problem at a text offset. */
  add(offset: number, path: string, message: string): void {
    this.list.push({ file: this.file, ...this.locator.at(offset), path, message });
  }
  /** Record a problem at an explicit line and column. */
  addAt(line: number, col: number, path: string, message: string): void {
    this.list.push({ file: this.file, line, col, path, message });
  }
  /** Throw every problem recorded so far, in file order. */
  throwIfAny(): void {
    if (this.list.length > 0) this.stop();
  }
  /** Throw every problem recorded so far: for problems after which reading cannot go on. */
  stop(): never {
    throw new InputError([...this.list].sort(byPosition));
  }
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number written plainly (`12`, `-0.5`, `1e3`), or undefined. */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const x = Number(text);
  return Number.isFinite(x) ? x : undefined;
}

/**
 * `text` × 10^k, exactly as a decimal: the point is moved in the digits before parsing, so
 * `0.7` × 100 is 70, not 70.00000000000001. `text` must pass {@link parseDecimal}.
 */
export function shiftDecimal(text: string, k: number): number {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return Number(text) * 10 ** k;
  const [, sign = "", int = "", frac = "", exp = "0"] = m;
  return Number(`${sign}${int}${frac}e${Number(exp) - frac.length + k}`);
}

/** How a bad value reads in a message: `"abc"`, or `nothing` for an empty cell. */
export function shown(text: string): string {
  if (text === "") return "nothing";
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

/** A table read from an input file, before ids are made and numbers are sourced. */
export interface ImportedTable {
  format: ImportFormat;
  /** Scenario title; the file's name when the input has none. */
  title: string;
  /** Paragraphs of the scenario's description (joined by line breaks). */
  description: string[];
  /** `id`: the id the input gives, kept when it is a valid Entente id (else made from it). */
  actors: Array<{ id?: string; name: string; description?: string; capability: number }>;
  issues: Array<{
    id?: string;
    title: string;
    description?: string;
    min: number;
    max: number;
    minLabel: string;
    maxLabel: string;
    marks?: Array<{ at: number; label: string }>;
  }>;
  /** Indices into `actors` and `issues`; `capability` when it differs from the actor's. */
  stances: Array<{
    actor: number;
    issue: number;
    position: number;
    salience: number;
    capability?: number;
  }>;
}

/** The id of the one source every imported number cites. */
export const SOURCE_ID = "input";

/**
 * An id from a name: lower case, runs of other characters as `-`, starting with a letter,
 * at most 64 characters, and different from every id in `taken` (which it joins).
 */
export function makeId(name: string, fallback: string, taken: Set<string>): string {
  return uniqueId(slug(name, "-").toLowerCase(), fallback, taken);
}

const ID = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/**
 * The id an input gives, kept as written when it is a valid Entente id not yet taken; otherwise
 * runs of other characters become `_` (`EU (incl Norway)` → `EU_incl_Norway`), made unique.
 */
export function keepId(written: string, fallback: string, taken: Set<string>): string {
  const kept = ID.test(written) && !taken.has(written);
  return uniqueId(kept ? written : slug(written, "_"), fallback, taken);
}

/**
 * `name` without accents, runs of characters an id cannot hold as `sep`, starting with a letter,
 * at most 56 characters (room for a `-k` suffix).
 */
function slug(name: string, sep: "-" | "_"): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_.-]+/g, sep)
    .replace(/^[^A-Za-z]+/, "")
    .replace(sep === "-" ? /-+$/ : /_+$/, "")
    .slice(0, 56);
}

/** `base` (or `fallback` when empty), with `-2`, `-3`, … until no id in `taken` has it; joins `taken`. */
function uniqueId(base: string, fallback: string, taken: Set<string>): string {
  const stem = base === "" ? fallback : base;
  let id = stem;
  for (let k = 2; taken.has(id); k++) id = `${stem}-${k}`;
  taken.add(id);
  return id;
}

/** The file's name without its directory. */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

/**
 * The Entente scenario for an imported table: ids made from the names, every number citing one
 * source entry that names the input file.
 */
export function toScenario(
  table: ImportedTable,
  file: string,
  asOf: string,
): ScenarioInput & { sources: NonNullable<ScenarioInput["sources"]> } {
  const name = baseName(file);
  const sourced = (value: number) => ({ value, sources: [SOURCE_ID] });
  const renamed: string[] = [];
  const idOf = (
    written: string | undefined,
    name: string,
    fallback: string,
    taken: Set<string>,
  ) => {
    if (written === undefined) return makeId(name, fallback, taken);
    const id = keepId(written, fallback, taken);
    if (id !== written) renamed.push(`"${written}" → ${id}`);
    return id;
  };
  const actorIds = new Set<string>();
  const actors = table.actors.map((a, i) => ({
    id: idOf(a.id, a.name, `actor-${i + 1}`, actorIds),
    name: a.name,
    ...(a.description ? { description: a.description } : {}),
    capability: sourced(a.capability),
  }));
  const issueIds = new Set<string>();
  const issues = table.issues.map((issue, k) => ({
    id: idOf(issue.id, issue.title, `issue-${k + 1}`, issueIds),
    title: issue.title,
    ...(issue.description ? { description: issue.description } : {}),
    scale: {
      min: issue.min,
      max: issue.max,
      minLabel: issue.minLabel,
      maxLabel: issue.maxLabel,
      ...(issue.marks && issue.marks.length > 0 ? { marks: issue.marks } : {}),
    },
  }));
  if (renamed.length > 0) {
    table.description.push(
      `Ids that are not Entente ids (a letter, then letters, digits, '_', '-' or '.') were changed: ${renamed.join(", ")}.`,
    );
  }
  return {
    id: makeId(table.title, "imported", new Set()),
    title: table.title,
    asOf,
    description: table.description.filter((p) => p.trim() !== "").join("\n"),
    sources: [
      {
        id: SOURCE_ID,
        title: `${name} (${FORMAT_NAMES[table.format]})`,
        locator: name,
        note: `Converted by entente import from the ${FORMAT_NAMES[table.format]} file ${name}.`,
      },
    ],
    actors,
    issues,
    stances: table.stances.map((s) => ({
      actor: (actors[s.actor] as { id: string }).id,
      issue: (issues[s.issue] as { id: string }).id,
      position: sourced(s.position),
      salience: sourced(s.salience),
      ...(s.capability === undefined ? {} : { capability: sourced(s.capability) }),
    })),
  };
}

/** KTAB dimensions as imported issues: KTAB's 0–100 scale, ends named after the dimension. */
export function ktabIssues(dims: readonly string[]): ImportedTable["issues"] {
  return dims.map((d) => ({
    title: d,
    min: 0,
    max: 100,
    minLabel: `Low end of ${d} (0)`,
    maxLabel: `High end of ${d} (100)`,
  }));
}

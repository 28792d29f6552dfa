/**
 * The forecast ledger as CSV: `entente ledger export --format csv` writes it, and `entente
 * ledger import` reads forecasts and resolutions made elsewhere from it, with every problem
 * located at file:line:col.
 * @module
 */
import {
  FORECASTER_KINDS,
  type ForecasterKind,
  type LedgerEntry,
  type LedgerRecord,
  ledgerEntryProblems,
} from "@entente/core";
import type { Diagnostic } from "./diagnostic.ts";
import { TextLocator } from "./import/common.ts";
import { type Cell, splitRows } from "./import/delimited.ts";

/** The columns, in the order `export` writes them. */
export const LEDGER_COLUMNS = [
  "seq",
  "kind",
  "question",
  "text",
  "forecaster",
  "forecaster_kind",
  "calibration",
  "probability",
  "outcome",
  "date",
  "source",
  "note",
  "supersedes",
  "scenario",
  "scenario_revision",
  "scenario_hash",
  "seed",
  "samples",
  "scale_min",
  "scale_max",
  "percentiles",
  "created",
  "hash",
] as const;

type Column = (typeof LEDGER_COLUMNS)[number];

/** The ledger's records as CSV (RFC 4180 quoting; percentiles space-separated). */
export function ledgerCsv(records: readonly LedgerRecord[]): string {
  const lines = [LEDGER_COLUMNS.join(",")];
  for (const r of records) {
    const e = r.entry;
    const f = e.kind === "forecast" ? e : undefined;
    const v = e.kind === "resolution" ? e : undefined;
    const row: Record<Column, unknown> = {
      seq: r.seq,
      kind: e.kind,
      question: e.question,
      text: f?.text,
      forecaster: f?.forecaster,
      forecaster_kind: f?.forecasterKind,
      calibration: f?.calibration,
      probability: f?.probability,
      outcome:
        v === undefined
          ? undefined
          : typeof v.outcome === "boolean"
            ? v.outcome
              ? "yes"
              : "no"
            : v.outcome,
      date: e.date,
      source: v?.source,
      note: e.note,
      supersedes: e.supersedes,
      scenario: f?.scenario?.id,
      scenario_revision: f?.scenario?.revision,
      scenario_hash: f?.scenario?.hash,
      seed: f?.seed,
      samples: f?.samples,
      scale_min: f?.distribution?.min,
      scale_max: f?.distribution?.max,
      percentiles: f?.distribution?.percentiles.join(" "),
      created: e.created,
      hash: r.hash,
    };
    lines.push(LEDGER_COLUMNS.map((c) => csvCell(row[c])).join(","));
  }
  return `${lines.join("\n")}\n`;
}

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  const s = String(value);
  return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Entries read from a ledger CSV, each with the line it came from and the `seq` it had there. */
export interface LedgerCsvRows {
  entries: LedgerEntry[];
  /** Each entry's line (absent for a JSON ledger). */
  lines?: number[];
  seqs: Array<number | undefined>;
}

/**
 * Read forecasts and resolutions from CSV with a header row naming {@link LEDGER_COLUMNS}
 * (any order; `question`, `date` and, for forecasts, `forecaster` and `probability` are needed;
 * `kind` defaults to forecast, `forecaster_kind` to analyst, `created` to `now`). `seq`,
 * `hash` and `created` of an exported file are kept only to remap `supersedes`. Returns the
 * entries or every problem, located.
 */
export function readLedgerCsv(
  text: string,
  file: string,
  now: string,
): { ok: true; rows: LedgerCsvRows } | { ok: false; diagnostics: Diagnostic[] } {
  const locator = new TextLocator(text);
  const at = (offset: number) => locator.at(offset);
  const split = splitRows(text, ",");
  if ("error" in split) {
    return {
      ok: false,
      diagnostics: [
        { file, ...at(split.error.offset), path: "(syntax)", message: split.error.message },
      ],
    };
  }
  const rows = split.rows.filter((r) => !r.blank);
  const header = rows[0];
  if (!header)
    return {
      ok: false,
      diagnostics: [
        {
          file,
          line: 1,
          col: 1,
          path: "(file)",
          message: "empty file; expected a header row and forecasts",
        },
      ],
    };
  const diagnostics: Diagnostic[] = [];
  const index = new Map<string, number>();
  for (const [i, cell] of header.cells.entries()) {
    const name = cell.text.toLowerCase();
    if (!(LEDGER_COLUMNS as readonly string[]).includes(name)) {
      diagnostics.push({
        file,
        ...at(cell.offset),
        path: `(header) ${cell.text}`,
        message: `unknown column; allowed: ${LEDGER_COLUMNS.join(", ")}`,
      });
    } else index.set(name, i);
  }
  for (const need of ["question", "date"]) {
    if (!index.has(need))
      diagnostics.push({
        file,
        ...at(header.offset),
        path: "(header)",
        message: `missing the column "${need}"`,
      });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const out = {
    entries: [] as LedgerEntry[],
    lines: [] as number[],
    seqs: [] as Array<number | undefined>,
  };
  for (const row of rows.slice(1)) {
    const cell = (c: Column): Cell | undefined => {
      const i = index.get(c);
      return i === undefined ? undefined : row.cells[i];
    };
    const get = (c: Column) => {
      const t = cell(c)?.text;
      return t === undefined || t === "" ? undefined : t;
    };
    const where = at(row.offset);
    const fail = (c: Column, message: string) =>
      diagnostics.push({
        file,
        ...(cell(c) ? at((cell(c) as Cell).offset) : where),
        path: `row ${where.line} ${c}`,
        message,
      });
    const number = (c: Column): number | undefined => {
      const t = get(c);
      if (t === undefined) return undefined;
      const x = Number(t);
      if (!Number.isFinite(x)) {
        fail(c, `expected a number, got "${t}"`);
        return Number.NaN;
      }
      return x;
    };
    if (row.cells.length > header.cells.length) {
      diagnostics.push({
        file,
        ...at((row.cells[header.cells.length] as Cell).offset),
        path: `row ${where.line}`,
        message: `${row.cells.length} cells but the header has ${header.cells.length}`,
      });
      continue;
    }
    const kind = get("kind") ?? "forecast";
    const before = diagnostics.length;
    let entry: Record<string, unknown>;
    const common = {
      question: get("question"),
      date: get("date"),
      created: get("created") ?? now,
      ...(get("note") === undefined ? {} : { note: get("note") }),
      ...(get("supersedes") === undefined ? {} : { supersedes: number("supersedes") }),
    };
    if (kind === "resolution") {
      const raw = get("outcome");
      const outcome =
        raw === undefined
          ? undefined
          : /^(yes|true)$/i.test(raw)
            ? true
            : /^(no|false)$/i.test(raw)
              ? false
              : number("outcome");
      entry = { kind, ...common, outcome, source: get("source") };
    } else if (kind === "forecast") {
      const fk = (get("forecaster_kind") ?? "analyst") as ForecasterKind;
      if (!FORECASTER_KINDS.includes(fk))
        fail("forecaster_kind", `expected one of ${FORECASTER_KINDS.join(", ")}, got "${fk}"`);
      const percentiles = get("percentiles");
      if (percentiles !== undefined && get("probability") !== undefined) {
        fail(
          "probability",
          "give a probability (yes/no question) or percentiles (numeric question), not both",
        );
        continue;
      }
      entry = {
        kind,
        ...common,
        text: get("text") ?? get("question"),
        forecaster: get("forecaster"),
        forecasterKind: fk,
        ...(get("calibration") === undefined ? {} : { calibration: get("calibration") }),
        ...(percentiles === undefined
          ? { probability: number("probability") }
          : {
              distribution: {
                min: number("scale_min"),
                max: number("scale_max"),
                percentiles: percentiles.split(/\s+/).map(Number),
              },
            }),
        ...(get("scenario") === undefined
          ? {}
          : {
              scenario: {
                id: get("scenario"),
                ...(get("scenario_revision") === undefined
                  ? {}
                  : { revision: number("scenario_revision") }),
                hash: get("scenario_hash"),
              },
            }),
        ...(get("seed") === undefined ? {} : { seed: number("seed") }),
        ...(get("samples") === undefined ? {} : { samples: number("samples") }),
      };
    } else {
      fail("kind", `expected "forecast" or "resolution", got "${kind}"`);
      continue;
    }
    if (diagnostics.length > before) continue;
    for (const p of ledgerEntryProblems(entry)) fail(columnOf(p.path), p.message);
    if (diagnostics.length > before) continue;
    out.entries.push(entry as unknown as LedgerEntry);
    out.lines.push(where.line);
    out.seqs.push(get("seq") === undefined ? undefined : number("seq"));
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, rows: out };
}

function columnOf(path: string): Column {
  const map: Record<string, Column> = {
    forecasterKind: "forecaster_kind",
    distribution: "percentiles",
    "scenario.id": "scenario",
    "scenario.revision": "scenario_revision",
    "scenario.hash": "scenario_hash",
  };
  return (
    map[path] ??
    ((LEDGER_COLUMNS as readonly string[]).includes(path) ? (path as Column) : "question")
  );
}

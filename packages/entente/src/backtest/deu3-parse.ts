import type { Diagnostic } from "../io/diagnostic.ts";

/** The actors of DEU III: Commission, Parliament and the 28 member states, by column suffix. */
export const DEU3_ACTORS = [
  "com",
  "ep",
  "at",
  "be",
  "bu",
  "cr",
  "cy",
  "cz",
  "dk",
  "ee",
  "fi",
  "fr",
  "de",
  "el",
  "hu",
  "ie",
  "it",
  "lv",
  "lt",
  "lu",
  "mt",
  "nl",
  "pl",
  "pt",
  "ro",
  "si",
  "sk",
  "es",
  "se",
  "uk",
] as const;

/** One DEU III issue: who took part, where they stood, the reference point and the outcome. */
export interface Deu3Issue {
  id: string;
  proposal: string;
  procedure: string;
  /** Year of the final act, or undefined where the file has none (999). */
  finalActYear: number | undefined;
  /** 1-based line in the file. */
  line: number;
  /** Actors with both a position and a salience, in {@link DEU3_ACTORS} order. */
  actors: string[];
  positions: number[];
  saliences: number[];
  referencePoint: number | undefined;
  outcome: number | undefined;
}

export interface Deu3File {
  issues: Deu3Issue[];
  /** Per-actor weights of the copy's row 2 (not an issue; GDP-like, added by the copy's author). */
  rowTwoWeights: Record<string, number>;
}

/**
 * Parse the DEU III table (Arregui & Perarnaud 2022, doi:10.34810/data53): tab-separated,
 * fields optionally quoted, header row, then — in the common copy — a row of per-actor weights
 * with empty identifiers, then one row per issue. Values outside 0–100 (DEU's 999) and blanks
 * are missing. Returns every problem as a located diagnostic instead of throwing.
 */
export function parseDeu3(
  text: string,
  file: string,
): { table: Deu3File } | { diagnostics: Diagnostic[] } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const header = splitRow(lines[0] ?? "");
  const column = new Map(header.map((h, i) => [h.value.trim(), i]));
  const required = ["isnr", "prnr", "proc", "finact", "rp", "out"];
  for (const a of DEU3_ACTORS) required.push(`p${a}`, `s${a}`);
  const missing = required.filter((c) => !column.has(c));
  if (missing.length > 0) {
    return {
      diagnostics: [
        {
          file,
          line: 1,
          col: 1,
          path: "(header)",
          message: `not a DEU III table: missing columns ${missing.slice(0, 6).join(", ")}${missing.length > 6 ? ", …" : ""}; expected tab-separated columns isnr, prnr, proc, finact, p<actor>, s<actor>, rp, out`,
        },
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const issues: Deu3Issue[] = [];
  const rowTwoWeights: Record<string, number> = {};
  for (let k = 1; k < lines.length; k++) {
    const raw = lines[k] as string;
    if (raw.trim() === "") continue;
    const cells = splitRow(raw);
    const cell = (name: string) => cells[column.get(name) as number];
    const value = (name: string): number | undefined => {
      const c = cell(name);
      const s = c?.value.trim() ?? "";
      if (s === "") return undefined;
      const x = Number(s);
      if (!Number.isFinite(x)) {
        diagnostics.push({
          file,
          line: k + 1,
          col: (c?.col ?? 0) + 1,
          path: name,
          message: `expected a number from 0 to 100 (or blank / 999 for missing), got ${JSON.stringify(s)}`,
        });
        return undefined;
      }
      return x >= 0 && x <= 100 ? x : undefined;
    };
    const id = cell("isnr")?.value.trim() ?? "";
    if (id === "") {
      // The copy's weights row: no identifiers, one weight per actor in the position columns.
      for (const a of DEU3_ACTORS) {
        const w = Number(cell(`p${a}`)?.value);
        if (Number.isFinite(w)) rowTwoWeights[a] = w;
      }
      continue;
    }
    const actors: string[] = [];
    const positions: number[] = [];
    const saliences: number[] = [];
    for (const a of DEU3_ACTORS) {
      const p = value(`p${a}`);
      const s = value(`s${a}`);
      if (p === undefined || s === undefined) continue;
      actors.push(a);
      positions.push(p);
      saliences.push(s);
    }
    issues.push({
      id,
      proposal: cell("prnr")?.value.trim() ?? "",
      procedure: cell("proc")?.value.trim() ?? "",
      finalActYear: finalActYear(cell("finact")?.value.trim() ?? ""),
      line: k + 1,
      actors,
      positions,
      saliences,
      referencePoint: value("rp"),
      outcome: value("out"),
    });
  }
  return diagnostics.length > 0 ? { diagnostics } : { table: { issues, rowTwoWeights } };
}

/** An issue counts for the backtest when it has an outcome and at least three actors. */
export function isUsable(issue: Deu3Issue): boolean {
  return issue.outcome !== undefined && issue.actors.length >= 3;
}

/**
 * The final act's year. The common copy shows `DD-MM-YY` as `19DD-MM-YY` / `20DD-MM-YY` (a
 * spreadsheet read it as a year); the year is always the last two digits. `999` is missing.
 */
function finalActYear(s: string): number | undefined {
  const m = /^(?:\d\d)?\d\d-\d\d-(\d\d)$/.exec(s);
  if (!m) return undefined;
  const yy = Number(m[1]);
  return yy < 50 ? 2000 + yy : 1900 + yy;
}

/** Split a tab-separated row; a field may be wrapped in double quotes (`""` escapes one). */
function splitRow(line: string): Array<{ value: string; col: number }> {
  const out: Array<{ value: string; col: number }> = [];
  let start = 0;
  for (const part of line.split("\t")) {
    const quoted = part.length >= 2 && part.startsWith('"') && part.endsWith('"');
    out.push({ value: quoted ? part.slice(1, -1).replaceAll('""', '"') : part, col: start });
    start += part.length + 1;
  }
  return out;
}

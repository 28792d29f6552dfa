/**
 * Expected-utility-model input tables, as the published replications of Bueno de Mesquita's
 * model write them (shared/reference/eum/README.md): one issue, one row per actor, a header
 * naming the columns in any order — Actor (or name, Stakeholder), Capability (c, Resources),
 * Position (x) and Salience (s); an unnamed first column holds the names (as R writes row
 * names). Comma-, tab- or semicolon-separated, with LF, CRLF or lone-CR
 * line endings (old Mac exports) and an optional UTF-8 byte-order mark.
 *
 * Salience is on 0–1 or 0–100: `auto` reads 0–1 when every salience is ≤ 1 and multiplies it by
 * 100 (exactly, in decimal). The issue's scale runs from the lowest to the highest position
 * unless given.
 * @module
 */

import {
  baseName,
  type ImportedTable,
  Problems,
  parseDecimal,
  shiftDecimal,
  shown,
  TextLocator,
} from "./common.ts";
import { type Cell, detectDelimiter, type Row, splitRows } from "./delimited.ts";

/** How saliences are written: detected, on 0–1, or on 0–100. */
export const SALIENCE_SCALES = ["auto", "0-1", "0-100"] as const;
export type SalienceScale = (typeof SALIENCE_SCALES)[number];

export interface EumTableOptions {
  /** The issue's scale; default the lowest and the highest position in the table. */
  scaleMin?: number | undefined;
  scaleMax?: number | undefined;
  salienceScale?: SalienceScale | undefined;
}

type Column = "actor" | "capability" | "position" | "salience";

/** Accepted header names (case-insensitive) for each column. */
const ALIASES: Record<Column, readonly string[]> = {
  actor: ["actor", "name", "stakeholder", "player", "party"],
  capability: ["capability", "c", "resources", "power", "influence", "clout"],
  position: ["position", "x", "pos"],
  salience: ["salience", "s", "sal"],
};
const ALLOWED =
  "Actor (or name, Stakeholder), Capability (or c, Resources, Power, Influence), Position (or x), Salience (or s)";

function columnOf(header: string): Column | undefined {
  const h = header.trim().toLowerCase();
  return (Object.keys(ALIASES) as Column[]).find((c) => ALIASES[c].includes(h));
}

/** true when the first line of `text` is an EUM table header (used to detect the format). */
export function looksLikeEumTable(text: string): boolean {
  const first = /^[^\r\n]*/.exec(text)?.[0] ?? "";
  const cells = first.split(detectDelimiter(text)).map((c) => c.trim().replace(/^"|"$/g, ""));
  const columns = cells.map((c, k) => (c === "" && k === 0 ? "actor" : columnOf(c)));
  const named = new Set(columns.filter((c) => c !== undefined));
  return named.size === 4 && columns.filter((c) => c !== undefined).length === 4;
}

/** Read an EUM input table; throws InputError with every problem found. */
export function readEumTable(
  text: string,
  file: string,
  options: EumTableOptions = {},
): ImportedTable {
  const locator = new TextLocator(text);
  const problems = new Problems(file, locator);
  const delimiter = detectDelimiter(text);
  const split = splitRows(text, delimiter);
  if ("error" in split) {
    problems.add(split.error.offset, "(syntax)", split.error.message);
    return problems.stop();
  }
  const [header, ...data] = split.rows.filter((r) => !r.blank);
  if (!header) {
    problems.add(0, "(file)", `empty file; expected a header line naming the columns ${ALLOWED}`);
    return problems.stop();
  }

  const index: Partial<Record<Column, number>> = {};
  for (const [k, c] of header.cells.entries()) {
    if (c.text === "") {
      // An unnamed first column holds the names (as R's write.table writes row names).
      if (k === 0) index.actor = 0;
      continue;
    }
    const column = columnOf(c.text);
    if (!column) {
      problems.add(c.offset, "header", `unknown column ${shown(c.text)}; expected ${ALLOWED}`);
    } else if (index[column] !== undefined) {
      problems.add(c.offset, "header", `column ${column} is given twice`);
    } else index[column] = k;
  }
  for (const column of Object.keys(ALIASES) as Column[]) {
    if (index[column] === undefined) {
      problems.add(
        header.offset,
        "header",
        `missing the ${column} column; expected columns ${ALLOWED}`,
      );
    }
  }
  problems.throwIfAny();
  const col = index as Record<Column, number>;
  const cell = (row: Row, column: Column): Cell =>
    row.cells[col[column]] ?? { text: "", offset: row.end };

  if (data.length === 0) {
    problems.add(header.end, "(file)", "no actor rows after the header");
    return problems.stop();
  }

  const seen = new Map<string, number>();
  const rows = data.map((row, i) => {
    const at = `actors.${i}`;
    const name = cell(row, "actor").text;
    if (name === "") {
      problems.add(
        cell(row, "actor").offset,
        `${at}.actor`,
        "expected the actor's name, got nothing",
      );
    } else if (seen.has(name)) {
      const first = locator.at((data[seen.get(name) as number] as Row).offset).line;
      problems.add(
        cell(row, "actor").offset,
        `${at}.actor`,
        `duplicate actor name "${name}"; already on line ${first}`,
      );
    } else seen.set(name, i);
    const number = (column: Column, what: string, ok: (x: number) => boolean) => {
      const c = cell(row, column);
      const x = parseDecimal(c.text);
      if (x === undefined || !ok(x)) {
        problems.add(c.offset, `${at}.${column}`, `expected ${what}, got ${shown(c.text)}`);
        return undefined;
      }
      return { x, c };
    };
    const used = Math.max(...Object.values(col));
    const extra = row.cells.slice(used + 1).find((c) => c.text !== "");
    if (extra) {
      problems.add(
        extra.offset,
        at,
        `unexpected value ${shown(extra.text)}: the header names ${Object.keys(col).length} columns`,
      );
    }
    return {
      name,
      capability: number("capability", "a capability greater than 0", (x) => x > 0),
      position: number("position", "a number", () => true),
      salience: number(
        "salience",
        "a salience from 0 to 1 or from 0 to 100",
        (x) => x >= 0 && x <= 100,
      ),
    };
  });
  problems.throwIfAny();

  const saliences = rows.map((r) => r.salience as { x: number; c: Cell });
  const requested = options.salienceScale ?? "auto";
  const fraction =
    requested === "0-1" || (requested === "auto" && saliences.every((s) => s.x <= 1));
  if (requested === "0-1") {
    for (const [i, s] of saliences.entries()) {
      if (s.x > 1) {
        problems.add(
          s.c.offset,
          `actors.${i}.salience`,
          `expected a salience from 0 to 1 (--salience-scale 0-1), got ${s.c.text}`,
        );
      }
    }
  }

  const positions = rows.map((r) => r.position as { x: number; c: Cell });
  const xs = positions.map((p) => p.x);
  const min = options.scaleMin ?? Math.min(...xs);
  const max = options.scaleMax ?? Math.max(...xs);
  const given = options.scaleMin !== undefined || options.scaleMax !== undefined;
  if (!(min < max)) {
    problems.add(
      (positions[0] as { c: Cell }).c.offset,
      "actors.0.position",
      given
        ? `expected the scale's max to be greater than its min (${min}), got ${max}`
        : `every position is ${min}: the scale runs from the lowest to the highest position, so give --scale-min and --scale-max`,
    );
  }
  for (const [i, p] of positions.entries()) {
    if (p.x < min || p.x > max) {
      problems.add(
        p.c.offset,
        `actors.${i}.position`,
        `expected a position on the scale, ${min} to ${max} (--scale-min, --scale-max), got ${p.c.text}`,
      );
    }
  }
  problems.throwIfAny();

  const name = baseName(file).replace(/\.[^.]*$/, "");
  return {
    format: "eum-table",
    title: name,
    description: [
      `Imported from the expected-utility-model table ${baseName(file)}: one issue, ${rows.length} actors.`,
      `The scale runs from ${min} to ${max}${given ? " (as given on import)" : ", the lowest and the highest position in the table"}; ` +
        `salience was given on ${fraction ? "0-1 and is multiplied by 100 here" : "0-100"}. ` +
        "The table gives no status quo, scale labels or date: edit them, and add statusQuo for the models that bargain from it.",
    ],
    actors: rows.map((r) => ({ name: r.name, capability: (r.capability as { x: number }).x })),
    issues: [
      {
        title: name,
        min,
        max,
        minLabel: `Low end of the scale (${min})`,
        maxLabel: `High end of the scale (${max})`,
      },
    ],
    stances: rows.map((r, i) => ({
      actor: i,
      issue: 0,
      position: (r.position as { x: number }).x,
      salience: fraction
        ? shiftDecimal((r.salience as { c: Cell }).c.text, 2)
        : (r.salience as { x: number }).x,
    })),
  };
}

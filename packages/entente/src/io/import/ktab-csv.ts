/**
 * KTAB's Spatial Model of Politics CSV input (spec-ktab-smp.md §3.1):
 *
 * ```
 * line 1: scenarioName, scenarioDescription, numActors, numDims [, ignored…]
 * line 2: Actor, Description, Power, <Dim1 name>, <Dim1 salience header>, …
 * then:   name, description, capability, pos_1, sal_1, …, pos_m, sal_m
 * ```
 *
 * Positions and saliences are on 0–100 and an actor's saliences sum to at most 100; KTAB writes
 * a comma after the last field, and pads fields with spaces. As in KTAB's reader, `$$` in a
 * name or description stands for a comma, the salience headers are ignored, and so is anything
 * after numDims on line 1. Unlike KTAB, a data row may not carry values beyond its dimensions
 * (that means numDims is wrong), and names are trimmed of spaces.
 * @module
 */

import {
  baseName,
  type ImportedTable,
  ktabIssues,
  Problems,
  parseDecimal,
  shown,
  TextLocator,
} from "./common.ts";
import { type Cell, type Row, splitRows } from "./delimited.ts";

/** KTAB's largest capability (`smpread.cpp`). */
const MAX_CAPABILITY = 1e8;

/** Read a KTAB CSV file; throws InputError with every problem found. */
export function readKtabCsv(text: string, file: string): ImportedTable {
  const locator = new TextLocator(text);
  const problems = new Problems(file, locator);
  const split = splitRows(text, ",");
  if ("error" in split) {
    problems.add(split.error.offset, "(syntax)", split.error.message);
    return problems.stop();
  }
  const rows = split.rows.filter((r) => !r.blank);
  const [first, header, ...data] = rows;
  if (!first) {
    problems.add(0, "(file)", "empty file; expected a KTAB CSV scenario");
    return problems.stop();
  }
  const line1 = first;
  const cell = (row: Row, k: number): Cell => row.cells[k] ?? { text: "", offset: row.end };
  const commas = (s: string) => s.replaceAll("$$", ",");

  const count = (k: number, path: string, what: string): number | undefined => {
    const c = cell(line1, k);
    const x = parseDecimal(c.text);
    if (x === undefined || !Number.isInteger(x) || x < 1) {
      problems.add(
        c.offset,
        path,
        `expected ${what} as a whole number ≥ 1 (line 1 is: scenarioName, description, numActors, numDims), got ${shown(c.text)}`,
      );
      return undefined;
    }
    return x;
  };
  const numActors = count(2, "numActors", "the number of actors");
  const numDims = count(3, "numDims", "the number of dimensions");
  if (numDims === undefined) return problems.stop();
  const m = numDims;

  if (!header) {
    problems.add(
      line1.end,
      "(file)",
      "missing line 2, the header: Actor, Description, Power, then a position and a salience column per dimension",
    );
    return problems.stop();
  }
  const head = header;
  const dims: string[] = [];
  for (let k = 0; k < m; k++) {
    const c = head.cells[3 + 2 * k];
    if (!c) {
      problems.add(
        head.end,
        `header.dim${k + 1}`,
        `missing the column of dimension ${k + 1}'s position: numDims (line 1) is ${m}, so the header names ${m} dimension${m === 1 ? "" : "s"} after Actor, Description, Power (a position then a salience column each); it has ${head.cells.length} columns`,
      );
      break;
    }
    dims.push(commas(c.text) || `Dimension ${k + 1}`);
  }

  const table: ImportedTable = {
    format: "ktab-csv",
    title: commas(cell(line1, 0).text) || baseName(file),
    description: [
      commas(cell(line1, 1).text),
      `Imported from the KTAB CSV file ${baseName(file)}. Positions and saliences are on KTAB's 0-100 scale. KTAB's CSV gives no status quo: add statusQuo to an issue for the models that bargain from it.`,
    ],
    actors: [],
    issues: ktabIssues(dims),
    stances: [],
  };

  const seen = new Map<string, number>();
  for (const [i, row] of data.entries()) {
    const at = `actors.${i}`;
    const name = commas(cell(row, 0).text);
    if (name === "") {
      problems.add(cell(row, 0).offset, `${at}.name`, "expected the actor's name, got nothing");
    } else if (seen.has(name)) {
      problems.add(
        cell(row, 0).offset,
        `${at}.name`,
        `duplicate actor name "${name}"; already on line ${locator.at((data[seen.get(name) as number] as Row).offset).line}`,
      );
    } else seen.set(name, i);
    const capCell = cell(row, 2);
    const capability = parseDecimal(capCell.text);
    if (capability === undefined || !(capability > 0) || capability > MAX_CAPABILITY) {
      problems.add(
        capCell.offset,
        `${at}.capability`,
        `expected a capability greater than 0 and at most ${MAX_CAPABILITY}, got ${shown(capCell.text)}`,
      );
    }
    const actor = table.actors.length;
    table.actors.push({
      name: name || `Actor ${i + 1}`,
      ...(cell(row, 1).text ? { description: commas(cell(row, 1).text) } : {}),
      capability: capability ?? 1,
    });
    let sum = 0;
    for (let k = 0; k < dims.length; k++) {
      const value = (offset: number, what: "position" | "salience") => {
        const c = cell(row, offset);
        const x = parseDecimal(c.text);
        if (x === undefined || x < 0 || x > 100) {
          problems.add(
            c.offset,
            `${at}.dim${k + 1}.${what}`,
            `expected a ${what} from 0 to 100 for dimension ${k + 1} (${dims[k]}), got ${shown(c.text)}${c.text === "" && !row.cells[offset] ? `: the row has ${row.cells.length} values, a row needs ${3 + 2 * m}` : ""}`,
          );
          return 0;
        }
        return x;
      };
      const position = value(3 + 2 * k, "position");
      const salience = value(4 + 2 * k, "salience");
      sum += salience;
      table.stances.push({ actor, issue: k, position, salience });
    }
    if (sum > 100 + 1e-9) {
      problems.add(
        cell(row, 4).offset,
        `${at}.salience`,
        `expected the actor's saliences to sum to at most 100 (KTAB's rule), got ${Number(sum.toPrecision(12))}`,
      );
    }
    const extra = row.cells.slice(3 + 2 * m).find((c) => c.text !== "");
    if (extra) {
      problems.add(
        extra.offset,
        `${at}`,
        `unexpected value ${shown(extra.text)}: numDims (line 1) is ${m}, so a row has ${3 + 2 * m} values (name, description, capability, then a position and a salience per dimension)`,
      );
    }
  }

  if (numActors !== undefined && numActors !== data.length) {
    const c = cell(line1, 2);
    problems.add(
      c.offset,
      "numActors",
      `numActors is ${numActors} but the file has ${data.length} actor row${data.length === 1 ? "" : "s"}; make them agree`,
    );
  }
  problems.throwIfAny();
  return table;
}

/**
 * The input format of the decide exchange-model program (`foarsitter/decide-exchange-model`;
 * spec-exchange §1): one record per line, tab- or semicolon-separated, strings single-quoted
 * (double quotes when the first record uses them; a quote inside is doubled):
 *
 * ```
 * '#A'  actor id    name         comment
 * '#P'  issue id    name         description
 * '#M'  issue id    scale point               (two or more per issue: the lowest and highest
 *                                              give the range, any others become marks)
 * '#D'  actor id    issue id     position   salience (0–1)   power
 * ```
 *
 * Ids are kept as written when they are Entente ids; otherwise spaces and other characters
 * become `_` and the scenario's description lists the renaming. Actors come in the order the
 * `'#D'` rows first name them (the order the exchange model pairs them in); actors without rows
 * are left out (they take part in no issue). Power may differ by issue: each actor's
 * capability is its most frequent power, and a stance whose power differs carries its own.
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
import { type Cell, type Row, splitRows } from "./delimited.ts";

const KINDS = ["#A", "#P", "#M", "#D"] as const;

/** Whether a text looks like a decide input: its first record is one of the four kinds. */
export function looksLikeDecide(text: string): boolean {
  return /^\s*(['"]?)(#[APMD])\1[\t;]/.test(text);
}

/** Read a decide input file; throws InputError with every problem found. */
export function readDecide(text: string, file: string): ImportedTable {
  const locator = new TextLocator(text);
  const problems = new Problems(file, locator);
  // The first line decides the delimiter (a tab, else ';') and the quote (' unless it opens with ").
  const first = /^[^\r\n]*/.exec(text)?.[0] ?? "";
  const delimiter = first.includes("\t") ? "\t" : ";";
  const quote = first.trimStart().startsWith('"') ? '"' : "'";
  const split = splitRows(text, delimiter, quote);
  if ("error" in split) {
    problems.add(split.error.offset, "(syntax)", split.error.message);
    return problems.stop();
  }
  const cell = (row: Row, k: number): Cell => row.cells[k] ?? { text: "", offset: row.end };
  const lineOf = (row: Row) => locator.at(row.offset).line;

  const actors = new Map<string, { name: string; comment: string; row: Row }>();
  const issues = new Map<string, { name: string; description: string; row: Row }>();
  /** Each issue's '#M' points, and the first '#M' row naming it. */
  const points = new Map<string, { xs: number[]; row: Row }>();
  const data: Array<{
    row: Row;
    actor: string;
    issue: string;
    position: number;
    salience: number;
    power: number;
  }> = [];
  const number = (row: Row, k: number, path: string, what: string) => {
    const c = cell(row, k);
    const x = parseDecimal(c.text);
    if (x === undefined) problems.add(c.offset, path, `expected ${what}, got ${shown(c.text)}`);
    return x;
  };
  const declared = (
    map: Map<string, { row: Row }>,
    row: Row,
    kind: string,
    noun: string,
  ): string | undefined => {
    const id = cell(row, 1);
    if (id.text === "") {
      problems.add(id.offset, `${kind}.id`, `expected the ${noun}'s id, got nothing`);
      return undefined;
    }
    const before = map.get(id.text);
    if (before) {
      problems.add(
        id.offset,
        `${kind}.id`,
        `duplicate ${noun} id "${id.text}"; already declared on line ${lineOf(before.row)}`,
      );
      return undefined;
    }
    return id.text;
  };

  for (const row of split.rows) {
    if (row.blank) continue;
    const kind = cell(row, 0);
    switch (kind.text) {
      case "#A": {
        const id = declared(actors, row, "'#A'", "actor");
        if (id !== undefined) {
          actors.set(id, { name: cell(row, 2).text || id, comment: cell(row, 3).text, row });
        }
        break;
      }
      case "#P": {
        const id = declared(issues, row, "'#P'", "issue");
        if (id !== undefined) {
          issues.set(id, { name: cell(row, 2).text || id, description: cell(row, 3).text, row });
        }
        break;
      }
      case "#M": {
        const issue = cell(row, 1).text;
        const x = number(row, 2, "'#M'.point", "a scale point (a number)");
        if (x !== undefined) {
          const entry = points.get(issue) ?? { xs: [], row };
          entry.xs.push(x);
          points.set(issue, entry);
        }
        break;
      }
      case "#D": {
        const at = "'#D'";
        const position = number(row, 3, `${at}.position`, "a position (a number)");
        const sal = cell(row, 4);
        const salience = parseDecimal(sal.text);
        if (salience === undefined || salience < 0 || salience > 1) {
          problems.add(
            sal.offset,
            `${at}.salience`,
            `expected a salience from 0 to 1, got ${shown(sal.text)}`,
          );
        }
        const pow = cell(row, 5);
        const power = parseDecimal(pow.text);
        if (power === undefined || !(power > 0)) {
          problems.add(
            pow.offset,
            `${at}.power`,
            `expected a power (capability) greater than 0, got ${shown(pow.text)}`,
          );
        }
        if (position !== undefined && salience !== undefined && power !== undefined) {
          data.push({
            row,
            actor: cell(row, 1).text,
            issue: cell(row, 2).text,
            position,
            salience: shiftDecimal(sal.text, 2),
            power,
          });
        }
        break;
      }
      default:
        problems.add(
          kind.offset,
          "(record)",
          `expected a record kind ${KINDS.map((k) => `'${k}'`).join(", ")}, got ${shown(kind.text)}`,
        );
    }
  }

  // Scales from the '#M' points.
  const scales = new Map<string, { min: number; max: number; marks: number[] }>();
  for (const [id, info] of issues) {
    const xs = points.get(id)?.xs ?? [];
    const min = Math.min(...xs);
    const max = Math.max(...xs);
    if (!(min < max)) {
      problems.add(
        cell(info.row, 1).offset,
        "'#P'.id",
        `issue "${id}" needs at least two different '#M' scale points (its lowest and highest give its range), got ${xs.length === 0 ? "none" : xs.join(", ")}`,
      );
      continue;
    }
    scales.set(id, {
      min,
      max,
      marks: [...new Set(xs)].filter((x) => x > min && x < max).sort((a, b) => a - b),
    });
  }
  for (const [id, { row }] of points) {
    if (!issues.has(id)) {
      problems.add(
        cell(row, 1).offset,
        "'#M'.issue",
        `unknown issue "${id}"; declare it in a '#P' line`,
      );
    }
  }

  // Stances: known actor and issue, once each, on the scale.
  const order: string[] = [];
  const seen = new Map<string, Row>();
  const stances: typeof data = [];
  for (const d of data) {
    const at = "'#D'";
    let ok = true;
    if (!actors.has(d.actor)) {
      problems.add(
        cell(d.row, 1).offset,
        `${at}.actor`,
        `unknown actor "${d.actor}"; declare it in an '#A' line`,
      );
      ok = false;
    }
    if (!issues.has(d.issue)) {
      problems.add(
        cell(d.row, 2).offset,
        `${at}.issue`,
        `unknown issue "${d.issue}"; declare it in a '#P' line`,
      );
      ok = false;
    }
    const key = `${d.actor}\u0000${d.issue}`;
    const before = seen.get(key);
    if (before) {
      problems.add(
        cell(d.row, 1).offset,
        at,
        `duplicate row: actor "${d.actor}" on issue "${d.issue}" is already given on line ${lineOf(before)}`,
      );
      ok = false;
    }
    seen.set(key, d.row);
    const scale = scales.get(d.issue);
    if (scale && (d.position < scale.min || d.position > scale.max)) {
      problems.add(
        cell(d.row, 3).offset,
        `${at}.position`,
        `expected a position on the issue's scale, ${scale.min} to ${scale.max} (its '#M' points), got ${d.position}`,
      );
      ok = false;
    }
    if (!ok) continue;
    if (!order.includes(d.actor)) order.push(d.actor);
    stances.push(d);
  }
  if (stances.length === 0 && problems.list.length === 0) {
    problems.add(0, "(file)", "no '#D' rows: the file gives no actor a position on any issue");
  }
  problems.throwIfAny();

  const issueIds = [...issues.keys()];
  const unused = [...actors.keys()].filter((a) => !order.includes(a));
  const table: ImportedTable = {
    format: "decide",
    title: baseName(file).replace(/\.[^.]+$/, ""),
    description: [
      `Imported from the decide exchange-model file ${baseName(file)}. Saliences were written on 0-1 and are here on 0-100; each issue's scale runs from its lowest to its highest '#M' point. The file gives no status quo: add statusQuo to an issue for the models that bargain from it.`,
      unused.length > 0 ? `Left out, with no '#D' row: ${unused.join(", ")}.` : "",
    ],
    actors: order.map((id) => {
      const info = actors.get(id) as { name: string; comment: string };
      return {
        id,
        name: info.name,
        ...(info.comment ? { description: info.comment } : {}),
        capability: mostFrequent(stances.filter((s) => s.actor === id).map((s) => s.power)),
      };
    }),
    issues: issueIds.map((id) => {
      const info = issues.get(id) as { name: string; description: string };
      const scale = scales.get(id) as { min: number; max: number; marks: number[] };
      return {
        id,
        title: info.name,
        ...(info.description && info.description !== info.name
          ? { description: info.description }
          : {}),
        min: scale.min,
        max: scale.max,
        minLabel: `Low end of ${info.name} (${scale.min})`,
        maxLabel: `High end of ${info.name} (${scale.max})`,
        marks: scale.marks.map((at) => ({ at, label: String(at) })),
      };
    }),
    stances: [],
  };
  for (const d of stances) {
    const actor = order.indexOf(d.actor);
    const capability = (table.actors[actor] as { capability: number }).capability;
    table.stances.push({
      actor,
      issue: issueIds.indexOf(d.issue),
      position: d.position,
      salience: d.salience,
      ...(d.power === capability ? {} : { capability: d.power }),
    });
  }
  return table;
}

/** The most frequent value; the first written among equally frequent ones. */
function mostFrequent(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] as number;
  for (const [v, n] of counts) if (n > (counts.get(best) as number)) best = v;
  return best;
}

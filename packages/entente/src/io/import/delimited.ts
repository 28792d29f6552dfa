/**
 * Delimiter-separated text (CSV, TSV) split into rows of cells, each cell remembering where it
 * was written. Lines may end in LF, CRLF or a lone CR (old Mac exports). A cell may be quoted
 * (`"a, b"`, with `""` for a quote, and may then span lines; another quote character may be
 * chosen); spaces around a cell are dropped.
 * @module
 */

/** One cell: its text (unquoted, trimmed) and the offset of its first character. */
export interface Cell {
  text: string;
  offset: number;
}

/** One line of cells. `end` is the offset of the line break (or the end of the text). */
export interface Row {
  cells: Cell[];
  offset: number;
  end: number;
  /** Every cell empty: a blank line, or only delimiters and spaces. */
  blank: boolean;
}

/** The rows of `text`, or where and why it cannot be split (an unclosed quote, text after one). */
export function splitRows(
  text: string,
  delimiter: string,
  quote = '"',
): { rows: Row[] } | { error: { offset: number; message: string } } {
  const rows: Row[] = [];
  const space = (c: string | undefined) => c === " " || (c === "\t" && delimiter !== "\t");
  const eol = (c: string | undefined) => c === "\n" || c === "\r";
  let i = 0;
  const n = text.length;
  while (i < n) {
    const rowStart = i;
    const cells: Cell[] = [];
    for (;;) {
      while (space(text[i])) i++;
      const start = i;
      let value: string;
      if (text[i] === quote) {
        let j = i + 1;
        let out = "";
        for (;;) {
          const q = text.indexOf(quote, j);
          if (q < 0) {
            return {
              error: {
                offset: start,
                message: `unclosed quote: a cell opened with ${quote} never ends`,
              },
            };
          }
          out += text.slice(j, q);
          if (text[q + 1] === quote) {
            out += quote;
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        i = j;
        while (space(text[i])) i++;
        if (i < n && text[i] !== delimiter && !eol(text[i])) {
          return {
            error: {
              offset: i,
              message: `unexpected text after a closing quote; expected "${delimiter === "\t" ? "\\t" : delimiter}" or the end of the line`,
            },
          };
        }
        value = out;
      } else {
        let j = i;
        while (j < n && text[j] !== delimiter && !eol(text[j])) j++;
        value = text.slice(i, j).replace(/[ \t]+$/, "");
        i = j;
      }
      cells.push({ text: value, offset: start });
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    const end = i;
    if (text[i] === "\r" && text[i + 1] === "\n") i += 2;
    else if (eol(text[i])) i++;
    rows.push({ cells, offset: rowStart, end, blank: cells.every((c) => c.text === "") });
  }
  return { rows };
}

/** The delimiter of a table from its first line: a tab, else a comma, else a semicolon. */
export function detectDelimiter(text: string): string {
  const first = /^[^\r\n]*/.exec(text)?.[0] ?? "";
  if (first.includes("\t")) return "\t";
  if (first.includes(",")) return ",";
  if (first.includes(";")) return ";";
  return ",";
}

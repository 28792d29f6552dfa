import type { Path } from "@entente/core";
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { Diagnostic } from "./diagnostic.ts";

/** A parsed YAML or JSON document that can say where any path in it was written. */
export interface LocatedDocument {
  value: unknown;
  /** 1-based line and column of the value (or, with `at: "key"`, the key) at `path`. */
  locate(path: Path, at?: "key" | "value"): { line: number; col: number };
}

/**
 * Parse YAML 1.2 (JSON is a subset) keeping source positions, so that problems found later can be
 * reported at `file:line:col`. Syntax errors, duplicate keys and excessive aliases come back as
 * diagnostics, all of them at once.
 */
export function parseLocated(
  text: string,
  file: string,
): { document: LocatedDocument } | { diagnostics: Diagnostic[] } {
  if (/\.json$/i.test(file)) {
    const error = jsonSyntaxError(text, file);
    if (error) return { diagnostics: [error] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.map((e) => ({
        file,
        ...pos(e.pos[0]),
        path: "(syntax)",
        message: syntaxMessage(e.code, e.message),
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return {
      diagnostics: [{ file, line: 1, col: 1, path: "(syntax)", message: (e as Error).message }],
    };
  }
  return {
    document: {
      value,
      locate(path, at = "value") {
        let node: unknown = doc.contents;
        let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
        for (const [k, step] of path.entries()) {
          let next: unknown;
          if (isMap(node)) {
            const pair = node.items.find(
              (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step),
            );
            if (!pair) break;
            if (at === "key" && k === path.length - 1 && isScalar(pair.key)) {
              offset = pair.key.range?.[0] ?? offset;
              break;
            }
            next = pair.value;
          } else if (isSeq(node) && typeof step === "number") {
            next = node.items[step];
          }
          const range = (next as Node | null | undefined)?.range;
          if (!range) break;
          node = next;
          offset = range[0];
        }
        return pos(offset);
      },
    },
  };
}

/**
 * Strict JSON syntax for `.json` files (YAML would accept trailing commas and comments),
 * located from the offset in the parser's message — or, where the message gives none (V8's
 * "Unexpected token"), at the shortest prefix of the text that already fails for a reason other
 * than ending too soon.
 */
function jsonSyntaxError(text: string, file: string): Diagnostic | undefined {
  const message = jsonError(text);
  if (message === undefined) return undefined;
  const match = /at position (\d+)/.exec(message);
  const offset = match ? Number(match[1]) : firstBadOffset(text);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const col = offset - before.lastIndexOf("\n");
  const token = /^Unexpected token '(.+?)'/.exec(message);
  const reason = token
    ? `unexpected ${JSON.stringify(token[1])}`
    : message
        .replace(/ in JSON at position \d+.*$/s, "")
        .replace(/^JSON\.parse: /, "")
        .replace(/\s+/g, " ");
  return { file, line, col, path: "(syntax)", message: `invalid JSON: ${reason}` };
}

/** JSON.parse's message for `text`, or undefined when it parses. */
function jsonError(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Offset of the first character that makes `text` invalid JSON (it is invalid). */
function firstBadOffset(text: string): number {
  // A prefix that fails only because it ends too soon is still fine so far.
  const fine = (length: number) => {
    const m = jsonError(text.slice(0, length));
    if (m === undefined || /Unexpected end of JSON input/.test(m)) return true;
    const at = /at position (\d+)/.exec(m);
    return at !== null && Number(at[1]) >= length;
  };
  let lo = 0; // fine
  let hi = text.length; // not fine
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fine(mid)) lo = mid;
    else hi = mid;
  }
  return Math.max(0, hi - 1);
}

/** yaml's messages, reworded where the code alone says it better. */
function syntaxMessage(code: string, message: string): string {
  const first = (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
  if (code === "DUPLICATE_KEY")
    return "duplicate key: a field is written twice in the same mapping";
  return first;
}

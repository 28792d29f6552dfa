/**
 * Save an edited scenario into the YAML text it came from, changing only what changed: comments,
 * key order, quoting, folded descriptions and blank lines elsewhere stay byte for byte. The
 * `yaml` library keeps comments in its document model but re-wraps every long scalar when it
 * prints one, so this works on the text instead: each changed scalar's source range is replaced,
 * removed keys and list items lose their lines, and new ones are printed in block style at the
 * collection's indentation. Lists of records are matched by their `id` (stances by actor and
 * issue, source estimates by source), so removing an actor removes its lines only.
 * @module
 */
import { recordKey, sameValue } from "@entente/core";
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  Scalar,
  stringify,
} from "yaml";

/** One replacement in the original text: `[start, end)` becomes `text`. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * The YAML `text`, whose document is `before`, edited so that it reads as `after`. Returns
 * undefined when the text cannot be patched this way (not a block mapping at the top, a list
 * reordered, …); the caller then writes the whole document afresh. The caller checks that the
 * result reads back as `after`: this module edits YAML, it does not validate scenarios.
 */
export function patchYaml(text: string, before: unknown, after: unknown): string | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.flow) return undefined;
  const splices: Splice[] = [];
  if (!patchNode(text, doc.contents, before, after, splices)) return undefined;
  splices.sort((a, b) => b.start - a.start);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const s of splices) {
    if (s.end > limit) return undefined; // overlapping edits: should not happen, but never guess
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
    limit = s.start;
  }
  return out;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/** Record the splices that turn `node` (reading `before`) into `after`; false when it cannot. */
function patchNode(
  text: string,
  node: Node | null,
  before: unknown,
  after: unknown,
  splices: Splice[],
): boolean {
  if (sameValue(before, after)) return true;
  if (!node?.range) return false;
  const scalarAfter = after === null || ["string", "number", "boolean"].includes(typeof after);
  if (isScalar(node)) {
    if (!scalarAfter || node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
      return false;
    }
    splices.push({ start: node.range[0], end: node.range[1], text: inlineScalar(after) });
    return true;
  }
  if ((isMap(node) || isSeq(node)) && node.flow) {
    if (scalarAfter) return false;
    // Same keys (or length): change the values in place, keeping the collection's layout.
    const mark = splices.length;
    if (
      patchFlowInPlace(text, node.items as Array<Node | Pair<Node, Node>>, before, after, splices)
    ) {
      return true;
    }
    splices.length = mark;
    const flow = stringify(after, { collectionStyle: "flow", lineWidth: 0 }).trim();
    if (flow.includes("\n")) return false;
    splices.push({ start: node.range[0], end: node.range[1], text: flow });
    return true;
  }
  if (isMap(node) && isRecord(before) && isRecord(after)) {
    return patchMap(text, node.items as Pair<Node, Node>[], before, after, splices);
  }
  if (isSeq(node) && Array.isArray(before) && Array.isArray(after)) {
    return patchSeq(text, node.items as Node[], before, after, splices);
  }
  return false;
}

function patchFlowInPlace(
  text: string,
  items: Array<Node | Pair<Node, Node>>,
  before: unknown,
  after: unknown,
  splices: Splice[],
): boolean {
  if (Array.isArray(before) && Array.isArray(after)) {
    return (
      before.length === after.length &&
      items.length === after.length &&
      items.every((item, i) => !isPair(item) && patchNode(text, item, before[i], after[i], splices))
    );
  }
  if (!isRecord(before) || !isRecord(after)) return false;
  const keys = Object.keys(after).filter((k) => after[k] !== undefined);
  return (
    items.length === keys.length &&
    items.every(
      (pair) =>
        isPair(pair) &&
        isScalar(pair.key) &&
        String(pair.key.value) in after &&
        after[String(pair.key.value)] !== undefined &&
        patchNode(
          text,
          pair.value as Node | null,
          before[String(pair.key.value)],
          after[String(pair.key.value)],
          splices,
        ),
    )
  );
}

function patchMap(
  text: string,
  pairs: Pair<Node, Node>[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  splices: Splice[],
): boolean {
  const first = pairs[0];
  if (!first || !isPair(first) || !first.key?.range) return false;
  const indent = column(text, first.key.range[0]);
  const seen = new Set<string>();
  let end = 0;
  for (const pair of pairs) {
    if (!isScalar(pair.key) || !pair.key.range) return false;
    const key = String(pair.key.value);
    seen.add(key);
    const lines = pairLines(text, pair);
    end = Math.max(end, lines.end);
    // The first key of a list item shares its line with the item's `-`.
    const afterDash = text.slice(lines.start, pair.key.range[0]).trim() !== "";
    if (!(key in after) || after[key] === undefined) {
      if (afterDash) return false;
      splices.push({ ...lines, text: "" });
      continue;
    }
    if (!patchNode(text, pair.value, before[key], after[key], splices)) {
      const printed = block({ [key]: after[key] }, indent);
      splices.push(
        afterDash
          ? { start: pair.key.range[0], end: lines.end, text: printed.slice(indent) }
          : { ...lines, text: printed },
      );
    }
  }
  const added = Object.entries(after).filter(
    ([k, v]) => !seen.has(k) && v !== undefined && !sameValue(before[k], v),
  );
  if (added.length > 0) {
    splices.push({ start: end, end, text: block(Object.fromEntries(added), indent) });
  }
  return true;
}

function patchSeq(
  text: string,
  items: Node[],
  before: unknown[],
  after: unknown[],
  splices: Splice[],
): boolean {
  const first = items[0];
  if (!first?.range || items.length !== before.length) return false;
  const indent = dashColumn(text, first.range[0]);
  if (indent === undefined) return false;
  const key = recordKey([before, after]);
  // Each item of `after` is matched to an item of `before`: by key when every record has one,
  // else by position. Kept items must stay in order, or the list is written afresh.
  const match = new Map<number, number>();
  if (key) {
    const at = new Map(before.map((b, i) => [key(b), i]));
    after.forEach((a, j) => {
      const i = at.get(key(a));
      if (i !== undefined) match.set(i, j);
    });
  } else {
    for (let i = 0; i < Math.min(before.length, after.length); i++) match.set(i, i);
  }
  let last = -1;
  for (const [, j] of [...match].sort((x, y) => x[0] - y[0])) {
    if (j < last) return false;
    last = j;
  }
  let end = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Node;
    if (!item.range) return false;
    const lines = itemLines(text, item);
    end = Math.max(end, lines.end);
    const j = match.get(i);
    if (j === undefined) {
      splices.push({ ...lines, text: "" });
      continue;
    }
    if (!patchNode(text, item, before[i], after[j], splices)) {
      splices.push({ ...lines, text: block([after[j]], indent) });
    }
  }
  const matched = new Set(match.values());
  // New items go after the last kept item that precedes them, or at the end.
  const fresh = after.filter((_, j) => !matched.has(j));
  if (fresh.length > 0 && after.findIndex((_, j) => !matched.has(j)) < last) {
    // An item inserted between kept ones: keep the order by writing the list afresh.
    return false;
  }
  if (fresh.length > 0) splices.push({ start: end, end, text: block(fresh, indent) });
  return true;
}

/** A scalar written on one line: plain when it reads back as itself, else double-quoted. */
function inlineScalar(value: unknown): string {
  if (typeof value === "string" && /[\n\r]/.test(value)) return JSON.stringify(value);
  const out = stringify(value, { lineWidth: 0 }).replace(/\n$/, "");
  return out.includes("\n") ? JSON.stringify(value) : out;
}

/** `value` printed in block style, every line indented by `indent` spaces. */
function block(value: unknown, indent: number): string {
  const pad = " ".repeat(indent);
  return stringify(value, { lineWidth: 100 })
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => (line === "" ? line : pad + line))
    .join("\n")
    .concat("\n");
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The offset just past the newline that ends the line holding `offset`. */
function lineEndAfter(text: string, offset: number): number {
  const nl = text.indexOf("\n", offset);
  return nl < 0 ? text.length : nl + 1;
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The column of the `-` that opens the list item starting at `offset`. */
function dashColumn(text: string, offset: number): number | undefined {
  const start = lineStart(text, offset);
  const m = /^(\s*)-\s/.exec(text.slice(start, offset + 1));
  return m ? (m[1] as string).length : undefined;
}

/** The whole lines a block map's pair occupies (key line to the line its value ends on). */
function pairLines(text: string, pair: Pair<Node, Node>): { start: number; end: number } {
  const key = pair.key as Node & { range: [number, number, number] };
  const valueEnd = pair.value?.range?.[1] ?? key.range[1];
  return {
    start: lineStart(text, key.range[0]),
    end: lineEndAfter(text, Math.max(key.range[0], valueEnd - 1)),
  };
}

/** The whole lines a block list's item occupies, from its `-` line to its last line. */
function itemLines(text: string, item: Node): { start: number; end: number } {
  const range = item.range as [number, number, number];
  return {
    start: lineStart(text, range[0]),
    end: lineEndAfter(text, Math.max(range[0], range[1] - 1)),
  };
}

/**
 * The XML element tree both XML importers read (Genius domains and profiles, KTAB's SMP
 * scenarios): saxes events folded into elements that keep where they were written.
 * @module
 */
import { SaxesParser } from "saxes";
import type { Diagnostic } from "./diagnostic.ts";

/** An XML element with its attributes, child elements, text and where it was written. */
export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** 1-based line and column of the `<` of the start tag (lines end at LF). */
  line: number;
  col: number;
  /** Offset of the `<` of the start tag. */
  start: number;
  /** Offset just after the `>` of the start tag. */
  contentStart: number;
  /** The element's own character data and CDATA, untrimmed (its children's text not included). */
  text: string;
}

/** How {@link parseXml} reads a document. */
export interface XmlParseOptions {
  /**
   * Tolerate leading whitespace or comments before an `<?xml …?>` declaration — which some
   * Genius files have — by ignoring the misplaced declaration (offsets are kept).
   */
  ignoreLateDeclaration?: boolean;
}

/**
 * Parse XML text into an element tree (comments and processing instructions are dropped),
 * keeping each element's position and text. A syntax error comes back as one diagnostic at the
 * place the parser stopped: `(syntax)`, `invalid XML: <the parser's message>`.
 * @example
 * parseXml("<a><b>x</b></a>", "f.xml"); // => { root: { name: "a", children: [{ name: "b", text: "x", … }], … } }
 */
export function parseXml(
  text: string,
  file: string,
  options: XmlParseOptions = {},
): { root: XmlElement } | { diagnostics: Diagnostic[] } {
  const source = options.ignoreLateDeclaration ? neutraliseLateDeclaration(text) : text;
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const locate = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (lineStarts[lo] as number) + 1 };
  };
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: Diagnostic | undefined;
  const stop = new Error("stop");
  parser.on("opentag", (tag) => {
    // The start tag ends just before the parser's position: its `<` is the last `<name` before.
    const contentStart = parser.position;
    const found = source.lastIndexOf(`<${tag.name}`, contentStart);
    const start = found < 0 ? contentStart : found;
    const element: XmlElement = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
      ...locate(start),
      start,
      contentStart,
      text: "",
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root ??= element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on("error", (e) => {
    // Only the first error is reported: what follows it is the parser's guesswork.
    error = {
      file,
      line: parser.line,
      col: Math.max(1, parser.column),
      path: "(syntax)",
      message: `invalid XML: ${e.message.replace(/^(.*?:)?\d+:\d+: /, "")}`,
    };
    throw stop;
  });
  try {
    parser.write(source).close();
  } catch (e) {
    if (e !== stop) {
      error = {
        file,
        line: 1,
        col: 1,
        path: "(syntax)",
        message: `invalid XML: ${(e as Error).message}`,
      };
    }
  }
  if (error) return { diagnostics: [error] };
  if (!root)
    return {
      diagnostics: [{ file, line: 1, col: 1, path: "(syntax)", message: "no XML element found" }],
    };
  return { root };
}

/** Blank out an `<?xml …?>` declaration that is not at the very start (keeping offsets). */
function neutraliseLateDeclaration(text: string): string {
  const at = text.indexOf("<?xml");
  if (at <= 0) return text;
  const end = text.indexOf("?>", at);
  if (end < 0) return text;
  return text.slice(0, at) + " ".repeat(end + 2 - at) + text.slice(end + 2);
}

/** Direct children of `element` named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** Depth-first search for elements named `name`, not descending into elements named in `skip`. */
export function descendantsNamed(
  element: XmlElement,
  name: string,
  skip: readonly string[] = [],
): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      if (!skip.includes(c.name)) visit(c);
    }
  };
  visit(element);
  return out;
}

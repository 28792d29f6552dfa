/**
 * Checked access to the elements of a parsed KTAB XML document: each misfit (an unknown, missing
 * or repeated element, text where an element stands, a bad number) is recorded as a problem at
 * its line and column, and reading goes on.
 * @module
 */
import type { XmlElement } from "../xml-tree.ts";
import { type Problems, parseDecimal, shown } from "./common.ts";

/** A KTAB XML document's elements, read with every misfit recorded in {@link Problems}. */
export class KtabXmlElements {
  /** The document's text, for the offsets of element text. */
  private readonly text: string;
  /** Where misfits are recorded. */
  readonly problems: Problems;
  constructor(text: string, problems: Problems) {
    this.text = text;
    this.problems = problems;
  }

  /** The children of `el` by name; unknown names are problems. */
  childrenOf(el: XmlElement, path: string, allowed: readonly string[]): Map<string, XmlElement[]> {
    const byName = new Map<string, XmlElement[]>();
    for (const child of el.children) {
      if (!allowed.includes(child.name)) {
        this.problems.add(
          child.start,
          `${path}.${child.name}`,
          `unknown element <${child.name}> in <${el.name}>; allowed: ${allowed.map((a) => `<${a}>`).join(", ")}`,
        );
        continue;
      }
      byName.set(child.name, [...(byName.get(child.name) ?? []), child]);
    }
    return byName;
  }

  /** The one child called `name` (a problem when it is missing and required, or repeated). */
  only(
    el: XmlElement,
    byName: Map<string, XmlElement[]>,
    name: string,
    path: string,
    required: boolean,
  ): XmlElement | undefined {
    const found = byName.get(name) ?? [];
    if (found.length > 1) {
      this.problems.add(
        (found[1] as XmlElement).start,
        `${path}.${name}`,
        `<${name}> is given twice in <${el.name}>`,
      );
    }
    if (found.length === 0 && required) {
      this.problems.add(el.start, `${path}.${name}`, `missing <${name}> in <${el.name}>`);
    }
    return found[0];
  }

  /** An element's text, trimmed, with the offset of its first non-space character. */
  textOf(el: XmlElement, path: string): { text: string; offset: number } {
    if (el.children.length > 0) {
      const child = el.children[0] as XmlElement;
      this.problems.add(
        child.start,
        `${path}.${child.name}`,
        `expected text in <${el.name}>, got the element <${child.name}>`,
      );
    }
    const raw = this.text.slice(el.contentStart);
    const lead = /^\s*/.exec(raw)?.[0].length ?? 0;
    return { text: el.text.trim(), offset: el.contentStart + lead };
  }

  /** An element's text as a number that passes `ok`; else a problem saying `expected ${what}`. */
  numberOf(
    el: XmlElement,
    path: string,
    what: string,
    ok: (x: number) => boolean,
  ): number | undefined {
    const { text: t, offset } = this.textOf(el, path);
    const x = parseDecimal(t);
    if (x === undefined || !ok(x)) {
      this.problems.add(offset, path, `expected ${what}, got ${shown(t)}`);
      return undefined;
    }
    return x;
  }
}

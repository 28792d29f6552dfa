/**
 * A report's content, independent of its format: sections of paragraphs, lists, tables and
 * charts, with citations of the scenario's sources inline. `brief-markdown.ts` and
 * `brief-html.ts` render the same brief, so the Markdown and the HTML say the same things.
 * @module
 */
import type { PlotOptions } from "@observablehq/plot";

/** A run of text: plain, bold, a citation of sources (by id), or a link. */
export type Inline =
  | string
  | { strong: string }
  | { cite: readonly string[] }
  | { href: string; text: string };

/** A line of text made of runs. */
export type Text = readonly Inline[];

/** A block of a section. */
export type Block =
  | { kind: "p"; text: Text; role?: "headline" | "note" }
  | { kind: "list"; items: readonly Text[] }
  | {
      kind: "table";
      caption: string;
      head: readonly string[];
      /** Which columns hold numbers (right-aligned). */
      numeric?: readonly boolean[];
      rows: ReadonlyArray<readonly Text[]>;
    }
  | {
      kind: "chart";
      /** Stable id (the figure's anchor and test id). */
      id: string;
      options: PlotOptions;
      /** What the chart shows, in words (also the text the Markdown gives instead). */
      caption: string;
    };

/** A section: a heading, its blocks, and sub-sections (one level). */
export interface Section {
  id: string;
  title: string;
  blocks: Block[];
  sections?: Section[];
}

/** One entry of the bibliography. */
export interface BriefSource {
  id: string;
  /** Its number in citations, from 1. */
  n: number;
  text: string;
  href?: string;
}

/** A whole report. */
export interface Brief {
  title: string;
  asOf: string;
  /** How the numbers were made (samples, seed, models, calibration), one line. */
  run: string;
  summary: Text;
  sections: Section[];
  sources: BriefSource[];
}

/** The plain text of a line, citations as "[1, 2]" (given the bibliography). */
export function plainText(text: Text, sources: readonly BriefSource[]): string {
  return text
    .map((run) => {
      if (typeof run === "string") return run;
      if ("strong" in run) return run.strong;
      if ("href" in run) return run.text;
      return citationLabel(run.cite, sources);
    })
    .join("");
}

/** "[1, 3]" for sources cited by id (unknown ids are shown as they are). */
export function citationLabel(ids: readonly string[], sources: readonly BriefSource[]): string {
  const labels = [...new Set(ids)].map((id) => String(sources.find((s) => s.id === id)?.n ?? id));
  return `[${labels.join(", ")}]`;
}

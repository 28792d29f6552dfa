/**
 * The two pieces of a brief every section writes: a paragraph and an inline citation.
 * @module
 */
import type { Block, Inline, Text } from "./brief.ts";

/** A paragraph block, optionally a headline or a note. */
export const p = (text: Text, role?: "headline" | "note"): Block => ({
  kind: "p",
  text,
  ...(role ? { role } : {}),
});

/** A space and a citation of the sources `ids`; nothing when there are none. */
export const cite = (ids: readonly string[]): Inline[] => (ids.length ? [" ", { cite: ids }] : []);

import type { Deu3File, Deu3Issue } from "./deu3-parse.ts";

/** How actors' capabilities are set in the DEU III backtest. */
export const DEU3_CAPABILITIES = ["equal", "votes", "row2"] as const;
export type Deu3Capability = (typeof DEU3_CAPABILITIES)[number];

/** Council votes per member state before the Treaty of Nice (EU-15; TEC art. 205, 1995). */
const PRE_NICE: Readonly<Record<string, number>> = {
  de: 10,
  fr: 10,
  it: 10,
  uk: 10,
  es: 8,
  be: 5,
  el: 5,
  nl: 5,
  pt: 5,
  at: 4,
  se: 4,
  dk: 3,
  ie: 3,
  fi: 3,
  lu: 2,
};

/** Council votes under the Treaty of Nice (2004/2007/2013 accession acts; Protocol 36 art. 3). */
const NICE: Readonly<Record<string, number>> = {
  de: 29,
  fr: 29,
  it: 29,
  uk: 29,
  es: 27,
  pl: 27,
  ro: 14,
  nl: 13,
  be: 12,
  cz: 12,
  el: 12,
  hu: 12,
  pt: 12,
  bu: 10,
  at: 10,
  se: 10,
  dk: 7,
  ie: 7,
  lt: 7,
  sk: 7,
  fi: 7,
  cr: 7,
  cy: 4,
  ee: 4,
  lv: 4,
  lu: 4,
  si: 4,
  mt: 3,
};

/**
 * Capabilities of an issue's actors.
 * - `equal`: every actor 1 (the baseline of spec-eum §4: MAE 23.64 for the compromise model).
 * - `votes`: Council votes of the treaty in force at the final act — pre-Nice up to 2004, Nice
 *   from 2005 and when the year is unknown; the Commission and the Parliament count as the
 *   largest member state taking part in the issue (the convention of the schelling backtest).
 *   Population-based double majority (from November 2014) is approximated by Nice votes: no
 *   population table is shipped.
 * - `row2`: the per-actor weights row of the common copy (GDP-like; com/ep set to Germany's).
 */
export function deu3Capabilities(
  issue: Deu3Issue,
  table: Deu3File,
  mode: Deu3Capability,
): number[] {
  if (mode === "equal") return issue.actors.map(() => 1);
  if (mode === "row2") return issue.actors.map((a) => table.rowTwoWeights[a] ?? 0);
  const votes = issue.finalActYear !== undefined && issue.finalActYear <= 2004 ? PRE_NICE : NICE;
  const states = issue.actors.filter((a) => a !== "com" && a !== "ep").map((a) => votes[a] ?? 0);
  const largest = Math.max(1, ...states);
  return issue.actors.map((a) => (a === "com" || a === "ep" ? largest : (votes[a] ?? 0)));
}

/**
 * The brief's bibliography: the scenario's sources, numbered for citation.
 * @module
 */
import type { Scenario } from "@entente/core";
import type { BriefSource } from "./brief.ts";

/** The scenario's sources as numbered entries (a web locator becomes the entry's link). */
export function briefSources(scenario: Scenario): BriefSource[] {
  return scenario.sources.map((s, k): BriefSource => {
    const url = /^https?:\/\//.test(s.locator);
    return {
      id: s.id,
      n: k + 1,
      text: [
        s.title,
        [s.author, s.outlet, s.date].filter(Boolean).join(", "),
        url ? undefined : s.locator,
        s.note,
      ]
        .filter(Boolean)
        .join(". "),
      ...(url ? { href: s.locator } : {}),
    };
  });
}

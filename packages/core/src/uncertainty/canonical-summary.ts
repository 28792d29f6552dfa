import { canonicalExact } from "./exact-sum.ts";
import type { SimulationSummary } from "./simulation-summary.ts";

/** The fields of a summary that hold exact sums. */
export const EXACT_KEYS = [
  "sum",
  "sumSq",
  "spread",
  "shockSum",
  "outcomeAtLeast",
  "outcomeAbove",
  "statusQuoHolds",
  "agreementSum",
  "agreementSumSq",
  "questionSum",
  "questionSumSq",
] as const;

/** The summary with every exact sum in canonical form (see {@link canonicalExact}). */
export function canonicalSummary(s: SimulationSummary): SimulationSummary {
  for (const key of EXACT_KEYS) {
    s[key] = s[key].map(canonicalExact);
  }
  return s;
}

/**
 * The review of a drafted scenario as the workbench keeps it: each drafted number's verdict
 * (accept or reject) and edited value, grouped by kind for display, and turned into the
 * decisions `applyDraftReview` takes.
 * @module
 */
import type { DraftDecision, DraftItem } from "@entente/core";

/** The kinds of drafted numbers, in the order the review lists them. */
export type DraftItemKind = "capability" | "statusQuo" | "stance" | "shock";

/** Each kind's heading in the review. */
export const DRAFT_GROUPS: ReadonlyArray<{ kind: DraftItemKind; title: string }> = [
  { kind: "capability", title: "Capabilities" },
  { kind: "statusQuo", title: "Status quos" },
  { kind: "stance", title: "Stances (positions and saliences)" },
  { kind: "shock", title: "Shock probabilities" },
];

/** The analyst's verdict on one drafted number. */
export type Verdict = "accept" | "reject";

/** What kind of number a drafted item is, from its path in the scenario. */
export function draftItemKind(item: DraftItem): DraftItemKind {
  switch (item.path[0]) {
    case "actors":
      return "capability";
    case "issues":
      return "statusQuo";
    case "shocks":
      return "shock";
    default:
      return "stance";
  }
}

/** The drafted items by kind, in {@link DRAFT_GROUPS} order, leaving out kinds with none. */
export function groupDraftItems(
  items: readonly DraftItem[],
): { kind: DraftItemKind; title: string; items: DraftItem[] }[] {
  return DRAFT_GROUPS.map((g) => ({
    ...g,
    items: items.filter((it) => draftItemKind(it) === g.kind),
  })).filter((g) => g.items.length > 0);
}

/**
 * What is wrong with a typed value for `item`, or undefined when it is a number within the
 * field's bounds.
 * @example valueProblem("120", { low: 0, high: 100 }) // => "expected a number from 0 to 100"
 */
export function valueProblem(
  text: string,
  item: Pick<DraftItem, "low" | "high">,
): string | undefined {
  const x = text.trim() === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(x) || x < item.low || x > item.high) {
    return `expected a number from ${item.low} to ${item.high}`;
  }
  return undefined;
}

/**
 * The decisions for `applyDraftReview`: every item with a verdict, accepted ones with their
 * edited value (when one was typed). Items without a verdict are left out (and so removed).
 */
export function reviewDecisions(
  items: readonly DraftItem[],
  verdicts: Readonly<Record<string, Verdict>>,
  values: Readonly<Record<string, string>>,
): Record<string, DraftDecision> {
  const decisions: Record<string, DraftDecision> = {};
  for (const it of items) {
    const verdict = verdicts[it.key];
    if (verdict === "reject") decisions[it.key] = { keep: false };
    else if (verdict === "accept") {
      const typed = values[it.key];
      decisions[it.key] =
        typed === undefined ? { keep: true } : { keep: true, value: Number(typed) };
    }
  }
  return decisions;
}

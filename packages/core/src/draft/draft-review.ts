import type { DroppedNumber, Estimate, Scenario, SourceEstimate } from "../scenario/schema.ts";
import { pruneDraft } from "./prune-draft.ts";

/** One drafted number for the analyst to review beside its quote. */
export interface DraftItem {
  /** Stable key: the JSON of its path in the scenario. */
  key: string;
  path: (string | number)[];
  /** What it is, e.g. "position of usa on territory". */
  item: string;
  estimate: SourceEstimate;
  /** The values the field allows. */
  low: number;
  high: number;
}

/** The analyst's verdict on one drafted number: keep it (with a new value, if edited) or not. */
export interface DraftDecision {
  keep: boolean;
  value?: number | undefined;
}

/**
 * Every drafted number of a scenario, in document order: each source's estimate of a
 * capability, status quo, position, salience and shock probability (the entries of
 * source-estimate lists; plain numbers are not drafted and are not listed).
 */
export function draftItems(scenario: Scenario): DraftItem[] {
  const items: DraftItem[] = [];
  const add = (
    path: (string | number)[],
    item: string,
    e: Estimate | undefined,
    low: number,
    high: number,
  ) => {
    if (!Array.isArray(e)) return;
    for (const [j, estimate] of e.entries()) {
      const at = [...path, j];
      items.push({ key: JSON.stringify(at), path: at, item, estimate, low, high });
    }
  };
  for (const [i, a] of scenario.actors.entries())
    add(["actors", i, "capability"], `capability of ${a.id}`, a.capability, 0, 100);
  for (const [i, issue] of scenario.issues.entries()) {
    const { min, max } = issue.scale;
    add(["issues", i, "statusQuo"], `status quo of ${issue.id}`, issue.statusQuo, min, max);
  }
  const scale = new Map(scenario.issues.map((i) => [i.id, i.scale]));
  for (const [i, s] of scenario.stances.entries()) {
    const { min, max } = scale.get(s.issue) ?? { min: 0, max: 100 };
    add(["stances", i, "position"], `position of ${s.actor} on ${s.issue}`, s.position, min, max);
    add(["stances", i, "salience"], `salience of ${s.actor} on ${s.issue}`, s.salience, 0, 100);
  }
  for (const [i, s] of (scenario.shocks ?? []).entries()) {
    add(["shocks", i, "probability"], `probability of shock ${s.id}`, s.probability, 0, 1);
  }
  return items;
}

/**
 * The reviewed scenario: each drafted number kept (with its edited value) or taken out as the
 * analyst decided (a number without a decision is taken out), what that leaves incomplete
 * removed ({@link pruneDraft}), and the draft mark gone. Quotes stay on the kept numbers as their
 * evidence. Returns the scenario and what was removed.
 */
export function applyDraftReview(
  draft: Scenario,
  decisions: Readonly<Record<string, DraftDecision>>,
): { scenario: Scenario; removed: DroppedNumber[] } {
  const copy = JSON.parse(JSON.stringify(draft)) as Scenario;
  const removed: DroppedNumber[] = [];
  const items = draftItems(copy);
  // Decide from the end so that removing an entry does not shift the ones still to visit.
  for (const it of [...items].reverse()) {
    const d = decisions[it.key];
    const list = at(copy, it.path.slice(0, -1)) as SourceEstimate[];
    const j = it.path[it.path.length - 1] as number;
    if (d?.keep) {
      if (d.value !== undefined && d.value !== it.estimate.value)
        (list[j] as SourceEstimate).value = d.value;
    } else {
      list.splice(j, 1);
      removed.push({
        source: it.estimate.source,
        item: it.item,
        value: it.estimate.value,
        reason: "not accepted in review",
      });
    }
  }
  const { draft: _, ...reviewed } = copy;
  const pruned = pruneDraft(reviewed);
  return { scenario: pruned.scenario, removed: [...removed.reverse(), ...pruned.removed] };
}

function at(root: unknown, path: (string | number)[]): unknown {
  let x = root;
  for (const step of path) x = (x as Record<string | number, unknown>)[step];
  return x;
}

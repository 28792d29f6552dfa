import type { IssueData } from "./prepare.ts";

/**
 * The issue with only the actors `keep` accepts (by index into the scenario's actors): used for
 * phases (who sits at the table) and for shocks that remove an actor.
 */
export function restrictActors(issue: IssueData, keep: (actor: number) => boolean): IssueData {
  const slots: number[] = [];
  for (let j = 0; j < issue.actors.length; j++) if (keep(issue.actors[j] as number)) slots.push(j);
  if (slots.length === issue.actors.length) return issue;
  const pick = (a: Float64Array) => Float64Array.from(slots, (j) => a[j] as number);
  return {
    ...issue,
    actors: Int32Array.from(slots, (j) => issue.actors[j] as number),
    positions: pick(issue.positions),
    saliences: pick(issue.saliences),
    capabilities: pick(issue.capabilities),
  };
}

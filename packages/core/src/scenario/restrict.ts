import type { IssueData } from "./prepare.ts";

/**
 * The issue with only the actors whose entry in `keep` (indexed by actor, into the scenario's
 * actors) is non-zero: used for phases (who sits at the table) and for shocks that remove an
 * actor. Returns the issue itself when nobody is dropped.
 */
export function restrictActors(issue: IssueData, keep: ArrayLike<number>): IssueData {
  const n = issue.actors.length;
  let kept = 0;
  for (let j = 0; j < n; j++) if (keep[issue.actors[j] as number]) kept++;
  if (kept === n) return issue;
  const actors = new Int32Array(kept);
  const positions = new Float64Array(kept);
  const saliences = new Float64Array(kept);
  const capabilities = new Float64Array(kept);
  for (let j = 0, k = 0; j < n; j++) {
    if (!keep[issue.actors[j] as number]) continue;
    actors[k] = issue.actors[j] as number;
    positions[k] = issue.positions[j] as number;
    saliences[k] = issue.saliences[j] as number;
    capabilities[k] = issue.capabilities[j] as number;
    k++;
  }
  return { ...issue, actors, positions, saliences, capabilities };
}

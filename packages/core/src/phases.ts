import type { Model, RunOptions } from "./models/model.ts";
import type { IssueData, ScenarioData } from "./scenario/prepare.ts";
import { restrictActors } from "./scenario/restrict.ts";

/** A phase in numeric form: indices of its actors and issues. */
export interface PhaseData {
  id: string;
  actors: ReadonlySet<number>;
  issues: readonly number[];
}

/**
 * Forecast through the phases of the talks: each phase runs the model on its own issues with
 * only its actors at the table, and its forecast becomes those issues' status quo in the next
 * phase. An issue's forecast is that of the last phase that takes it up; issues no phase takes
 * up are forecast at the end with every actor. An issue with nobody at the table (a phase without
 * its actors, or every actor removed by a shock) keeps its status quo — the scale's midpoint when
 * it has none. Without phases this is `model.run(data)` with that rule for empty issues.
 */
export function forecastPhased(
  model: Model,
  data: ScenarioData,
  phases: readonly PhaseData[],
  options?: RunOptions,
): number[] {
  const issues: IssueData[] = data.issues.map((issue) => ({ ...issue }));
  const forecasts: Array<number | undefined> = issues.map(() => undefined);
  const run = (ks: readonly number[], pick: (issue: IssueData) => IssueData) => {
    const table = ks
      .map((k) => ({ k, issue: pick(issues[k] as IssueData) }))
      .filter(({ issue }) => issue.actors.length > 0);
    if (table.length === 0) return;
    const result = model.run({ ...data, issues: table.map((t) => t.issue) }, options);
    for (const [n, { k }] of table.entries()) {
      const x = result.issues[n]?.forecast as number;
      forecasts[k] = x;
      (issues[k] as IssueData).statusQuo = x;
    }
  };
  for (const phase of phases)
    run(phase.issues, (i) => restrictActors(i, (a) => phase.actors.has(a)));
  run(
    issues.map((_, k) => k).filter((k) => !phases.some((p) => p.issues.includes(k))),
    (i) => i,
  );
  return issues.map((issue, k) => forecasts[k] ?? issue.statusQuo ?? (issue.min + issue.max) / 2);
}

/** Phases of a scenario as indices (validation has checked every id). */
export function phaseData(
  phases: ReadonlyArray<{ id: string; actors: string[]; issues: string[] }> | undefined,
  data: ScenarioData,
): PhaseData[] {
  const actor = new Map(data.actors.map((a, i) => [a.id, i]));
  const issue = new Map(data.issues.map((x, k) => [x.id, k]));
  return (phases ?? []).map((p) => ({
    id: p.id,
    actors: new Set(p.actors.map((id) => actor.get(id) ?? -1)),
    issues: p.issues.map((id) => issue.get(id) ?? -1).filter((k) => k >= 0),
  }));
}

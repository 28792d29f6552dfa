import type { Model, RunOptions } from "./models/model.ts";
import type { IssueData, ScenarioData } from "./scenario/prepare.ts";
import { restrictActors } from "./scenario/restrict.ts";

/** A phase in numeric form: a mask of its actors (1 = at the table) and its issues' indices. */
export interface PhaseData {
  id: string;
  actors: Uint8Array;
  issues: readonly number[];
}

/**
 * Forecast through the phases of the talks: each phase runs the model on its own issues with
 * only its actors at the table, and its forecast becomes those issues' status quo in the next
 * phase. An issue's forecast is that of the last phase that takes it up; issues no phase takes
 * up are forecast at the end with every actor. An issue with nobody at the table (every actor
 * removed by a shock) keeps its status quo, and has no forecast (NaN) when it has none. Without
 * phases this is `model.run(data)` with that rule for empty issues.
 */
export function forecastPhased(
  model: Model,
  data: ScenarioData,
  phases: readonly PhaseData[],
  options?: RunOptions,
): number[] {
  const issues: IssueData[] = data.issues.map((issue) => ({ ...issue }));
  const forecasts: Array<number | undefined> = issues.map(() => undefined);
  const run = (ks: readonly number[], mask: Uint8Array | undefined) => {
    const table: IssueData[] = [];
    const at: number[] = [];
    for (const k of ks) {
      const issue = mask ? restrictActors(issues[k] as IssueData, mask) : (issues[k] as IssueData);
      if (issue.actors.length === 0) continue;
      table.push(issue);
      at.push(k);
    }
    if (table.length === 0) return;
    const result = model.run({ ...data, issues: table }, options);
    for (let n = 0; n < at.length; n++) {
      const k = at[n] as number;
      const x = result.issues[n]?.forecast as number;
      forecasts[k] = x;
      (issues[k] as IssueData).statusQuo = x;
    }
  };
  for (const phase of phases) run(phase.issues, phase.actors);
  const rest: number[] = [];
  for (let k = 0; k < issues.length; k++) {
    if (!phases.some((p) => p.issues.includes(k))) rest.push(k);
  }
  run(rest, undefined);
  return issues.map((issue, k) => forecasts[k] ?? issue.statusQuo ?? Number.NaN);
}

/** Phases of a scenario as indices (validation has checked every id). */
export function phaseData(
  phases: ReadonlyArray<{ id: string; actors: string[]; issues: string[] }> | undefined,
  data: ScenarioData,
): PhaseData[] {
  const actor = new Map(data.actors.map((a, i) => [a.id, i]));
  const issue = new Map(data.issues.map((x, k) => [x.id, k]));
  return (phases ?? []).map((p) => {
    const actors = new Uint8Array(data.actors.length);
    for (const id of p.actors) {
      const i = actor.get(id);
      if (i !== undefined) actors[i] = 1;
    }
    return {
      id: p.id,
      actors,
      issues: p.issues.map((id) => issue.get(id) ?? -1).filter((k) => k >= 0),
    };
  });
}

import type { Model, RunOptions } from "./models/model.ts";
import type { IssueData, ScenarioData } from "./scenario/prepare.ts";
import { restrictActors } from "./scenario/restrict.ts";

/** A phase in numeric form: a mask of its actors (1 = at the table) and its issues' indices. */
export interface PhaseData {
  id: string;
  actors: Uint8Array;
  issues: readonly number[];
}

/** One step of a phased run: the issues a phase decided, where they stood, what it forecast. */
export interface PhaseStep {
  /** Index of the phase in the scenario, or -1 for the final run on issues no phase takes up. */
  phase: number;
  /** Issue indices decided in this step (those with somebody at the table). */
  issues: number[];
  /** Each issue's status quo when the step began (NaN when the issue has none). */
  statusQuo: Float64Array;
  /** The model's forecast of each issue. */
  forecasts: Float64Array;
  /** The issues as the model saw them (actors at the table only). */
  table: IssueData[];
}

/**
 * Run a model through the phases of the talks: each phase runs the model on its own issues with
 * only its actors at the table, and its forecast becomes those issues' status quo in the next
 * phase; issues no phase takes up are forecast at the end with every actor (phase −1). An issue
 * with nobody at the table (every actor removed by a shock) is skipped by that step. Returns
 * every step, in order.
 */
export function phasedSteps(
  model: Model,
  data: ScenarioData,
  phases: readonly PhaseData[],
  options?: RunOptions,
): PhaseStep[] {
  const issues: IssueData[] = data.issues.map((issue) => ({ ...issue }));
  const steps: PhaseStep[] = [];
  for (const [p, phase] of phases.entries()) {
    runStep(model, data, issues, steps, p, phase.issues, phase.actors, options);
  }
  const rest: number[] = [];
  for (let k = 0; k < issues.length; k++) {
    if (!phases.some((p) => p.issues.includes(k))) rest.push(k);
  }
  runStep(model, data, issues, steps, -1, rest, undefined, options);
  return steps;
}

/** One step of {@link phasedSteps}: run the model on `ks` with the actors of `mask` at the table. */
function runStep(
  model: Model,
  data: ScenarioData,
  issues: IssueData[],
  steps: PhaseStep[],
  phase: number,
  ks: readonly number[],
  mask: Uint8Array | undefined,
  options: RunOptions | undefined,
): void {
  const table: IssueData[] = [];
  const at: number[] = [];
  for (const k of ks) {
    const issue = mask ? restrictActors(issues[k] as IssueData, mask) : (issues[k] as IssueData);
    if (issue.actors.length === 0) continue;
    table.push(issue);
    at.push(k);
  }
  if (table.length === 0) return;
  const statusQuo = new Float64Array(at.length);
  for (const [n, k] of at.entries()) statusQuo[n] = issues[k]?.statusQuo ?? Number.NaN;
  const result = model.run({ ...data, issues: table }, options);
  const forecasts = new Float64Array(at.length);
  for (const [n, k] of at.entries()) {
    forecasts[n] = result.issues[n]?.forecast as number;
    (issues[k] as IssueData).statusQuo = forecasts[n];
  }
  steps.push({ phase, issues: at, statusQuo, forecasts, table });
}

/**
 * Forecast through the phases of the talks ({@link phasedSteps}): an issue's forecast is that of
 * the last step that decided it. An issue with nobody at the table keeps its status quo, and has
 * no forecast (NaN) when it has none. Without phases this is `model.run(data)` with that rule
 * for empty issues.
 */
export function forecastPhased(
  model: Model,
  data: ScenarioData,
  phases: readonly PhaseData[],
  options?: RunOptions,
): number[] {
  return finalForecasts(data, phasedSteps(model, data, phases, options));
}

/** Each issue's forecast after all steps (the last step deciding it; else its status quo). */
export function finalForecasts(data: ScenarioData, steps: readonly PhaseStep[]): number[] {
  const out = data.issues.map((issue) => issue.statusQuo ?? Number.NaN);
  for (const step of steps) {
    for (const [n, k] of step.issues.entries()) out[k] = step.forecasts[n] as number;
  }
  return out;
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

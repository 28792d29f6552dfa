import { scaleCapabilities } from "./capability-scale.ts";
import { centralValue } from "./estimate.ts";
import type { Scenario } from "./schema.ts";

/** One issue in numeric form: the actors that take part and their central values. */
export interface IssueData {
  id: string;
  title: string;
  /** Scale bounds (the issue's own units). */
  min: number;
  max: number;
  unit: string | undefined;
  minLabel: string;
  maxLabel: string;
  statusQuo: number | undefined;
  outcome: number | undefined;
  /** Indices into {@link ScenarioData.actors} of the actors whose consent a deal on it needs. */
  ratifiers: Int32Array;
  /** Indices into {@link ScenarioData.actors} of the actors with a stance on this issue. */
  actors: Int32Array;
  /** Positions on the issue's scale, aligned with `actors`. */
  positions: Float64Array;
  /** Saliences on 0–100, aligned with `actors`. */
  saliences: Float64Array;
  /** Capabilities on this issue (a stance's own, else the actor's), aligned with `actors`. */
  capabilities: Float64Array;
}

/** A validated scenario reduced to the numbers models compute on (central values). */
export interface ScenarioData {
  id: string;
  title: string;
  actors: ReadonlyArray<{ id: string; name: string }>;
  issues: IssueData[];
}

/**
 * Reduce a validated scenario to numeric arrays, taking each estimate's central value
 * ({@link centralValue}). Actors keep the scenario's order; within an issue, the actors that
 * take part appear in that order too.
 */
export function prepareScenario(scenario: Scenario): ScenarioData {
  const actorIndex = new Map(scenario.actors.map((a, i) => [a.id, i]));
  const capability = scenario.actors.map((a) => centralValue(a.capability));
  const issues = scenario.issues.map((issue): IssueData => {
    const stances = scenario.stances
      .filter((s) => s.issue === issue.id)
      .map((s) => ({ index: actorIndex.get(s.actor) ?? -1, stance: s }))
      .sort((a, b) => a.index - b.index);
    return {
      id: issue.id,
      title: issue.title,
      min: issue.scale.min,
      max: issue.scale.max,
      unit: issue.scale.unit,
      minLabel: issue.scale.minLabel,
      maxLabel: issue.scale.maxLabel,
      statusQuo: issue.statusQuo === undefined ? undefined : centralValue(issue.statusQuo),
      outcome: issue.outcome === undefined ? undefined : centralValue(issue.outcome),
      ratifiers: Int32Array.from(issue.ratifiers ?? [], (id) => actorIndex.get(id) ?? -1),
      actors: Int32Array.from(stances, (s) => s.index),
      positions: Float64Array.from(stances, (s) => centralValue(s.stance.position)),
      saliences: Float64Array.from(stances, (s) => centralValue(s.stance.salience)),
      capabilities: Float64Array.from(stances, (s) =>
        s.stance.capability === undefined
          ? (capability[s.index] ?? 0)
          : centralValue(s.stance.capability),
      ),
    };
  });
  return scaleCapabilities({
    id: scenario.id,
    title: scenario.title,
    actors: scenario.actors.map((a) => ({ id: a.id, name: a.name })),
    issues,
  });
}

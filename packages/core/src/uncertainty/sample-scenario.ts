import { scaleCapabilities } from "../scenario/capability-scale.ts";
import { centralValue } from "../scenario/estimate.ts";
import type { IssueData, ScenarioData } from "../scenario/prepare.ts";
import { restrictActors } from "../scenario/restrict.ts";
import type { Estimate, Scenario } from "../scenario/schema.ts";
import type { RangeDistribution, UncertainInput } from "./uncertain-inputs.ts";

/** A shock in numeric form. */
export interface ShockData {
  id: string;
  title: string;
  probability: number;
  effects: Array<
    | {
        kind: "shift-position";
        actors: Set<number> | undefined;
        issues: Set<number> | undefined;
        by: number;
      }
    | {
        kind: "scale-salience";
        actors: Set<number> | undefined;
        issues: Set<number> | undefined;
        factor: number;
      }
    | { kind: "scale-capability"; actors: Set<number> | undefined; factor: number }
    | { kind: "remove-actor"; actors: Set<number>; keep: Uint8Array }
  >;
}

/**
 * The mean of an estimate under the sampling rule of {@link uncertainInputs}: the weighted mean
 * of source estimates, (low + value + high) / 3 for a triangular range, (low + high) / 2 for a
 * uniform one.
 */
export function expectedValue(estimate: Estimate, distribution: RangeDistribution): number {
  if (typeof estimate === "number" || Array.isArray(estimate)) return centralValue(estimate);
  const low = estimate.low ?? estimate.value;
  const high = estimate.high ?? estimate.value;
  return distribution === "uniform" ? (low + high) / 2 : (low + estimate.value + high) / 3;
}

/**
 * The scenario's shocks with ids resolved to indices. A shock's probability is the mean of its
 * estimate ({@link expectedValue}): drawing p and then the shock with probability p is the same
 * as drawing the shock with probability E[p].
 */
export function shockData(
  scenario: Scenario,
  distribution: RangeDistribution = "triangular",
): ShockData[] {
  const actor = new Map(scenario.actors.map((a, i) => [a.id, i]));
  const issue = new Map(scenario.issues.map((x, k) => [x.id, k]));
  const actors = (ids: string[] | undefined) =>
    ids === undefined ? undefined : new Set(ids.map((id) => actor.get(id) ?? -1));
  const issues = (ids: string[] | undefined) =>
    ids === undefined ? undefined : new Set(ids.map((id) => issue.get(id) ?? -1));
  return (scenario.shocks ?? []).map((s) => ({
    id: s.id,
    title: s.title,
    probability: expectedValue(s.probability, distribution),
    effects: s.effects.map((e) => {
      switch (e.kind) {
        case "shift-position":
          return { kind: e.kind, actors: actors(e.actors), issues: issues(e.issues), by: e.by };
        case "scale-salience":
          return {
            kind: e.kind,
            actors: actors(e.actors),
            issues: issues(e.issues),
            factor: e.factor,
          };
        case "scale-capability":
          return { kind: e.kind, actors: actors(e.actors), factor: e.factor };
        default: {
          const removed = actors(e.actors) as Set<number>;
          const keep = Uint8Array.from(scenario.actors, (_, i) => (removed.has(i) ? 0 : 1));
          return { kind: e.kind, actors: removed, keep };
        }
      }
    }),
  }));
}

/**
 * One sample of the scenario: the central scenario with every uncertain input set from its
 * uniform draw `u[i]` (inverse CDF) and every shock with `active[s]` applied, in the order they
 * are written. Positions stay on the scale and saliences within 0–100 after shocks.
 */
export function sampleScenario(
  base: ScenarioData,
  inputs: readonly UncertainInput[],
  u: ArrayLike<number>,
  shocks: readonly ShockData[],
  active: ArrayLike<number>,
): ScenarioData {
  let issues: IssueData[] = base.issues.map((issue) => ({
    ...issue,
    positions: issue.positions.slice(),
    saliences: issue.saliences.slice(),
    capabilities: issue.capabilities.slice(),
  }));
  const slot = (issue: IssueData, actor: number) => issue.actors.indexOf(actor);
  for (const [i, input] of inputs.entries()) {
    const x = input.quantile(u[i] as number);
    const t = input.target;
    if (t.kind === "capability") {
      for (const [k, issue] of issues.entries()) {
        if ("issue" in t ? t.issue !== k : t.except?.has(k)) continue;
        const j = slot(issue, t.actor);
        if (j >= 0) issue.capabilities[j] = x;
      }
    } else if (t.kind === "statusQuo") {
      (issues[t.issue] as IssueData).statusQuo = x;
    } else {
      const issue = issues[t.issue] as IssueData;
      const j = slot(issue, t.actor);
      if (j >= 0) (t.kind === "position" ? issue.positions : issue.saliences)[j] = x;
    }
  }
  for (const [s, shock] of shocks.entries()) {
    if (!active[s]) continue;
    for (const e of shock.effects) {
      if (e.kind === "remove-actor") {
        issues = issues.map((issue) => restrictActors(issue, e.keep));
        continue;
      }
      for (const [k, issue] of issues.entries()) {
        if (e.kind !== "scale-capability" && e.issues && !e.issues.has(k)) continue;
        for (let j = 0; j < issue.actors.length; j++) {
          if (e.actors && !e.actors.has(issue.actors[j] as number)) continue;
          if (e.kind === "shift-position") {
            const x = (issue.positions[j] as number) + e.by;
            issue.positions[j] = Math.min(issue.max, Math.max(issue.min, x));
          } else if (e.kind === "scale-salience") {
            issue.saliences[j] = Math.min(100, (issue.saliences[j] as number) * e.factor);
          } else {
            issue.capabilities[j] = (issue.capabilities[j] as number) * e.factor;
          }
        }
      }
    }
  }
  return scaleCapabilities({ ...base, issues });
}

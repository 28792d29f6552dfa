import type { Estimate, Scenario } from "../scenario/schema.ts";

/** How a number written as `{ value, low, high }` is sampled. */
export type RangeDistribution = "triangular" | "uniform";

/** Where an uncertain number sits in the numeric scenario. */
export type InputTarget =
  /** An actor's capability, on every issue except those where its stance gives its own. */
  | { kind: "capability"; actor: number; except?: ReadonlySet<number> }
  /** An actor's capability on one issue (a stance's own). */
  | { kind: "capability"; actor: number; issue: number }
  | { kind: "statusQuo"; issue: number }
  | { kind: "position" | "salience"; issue: number; actor: number };

/** One uncertain number: its place, its central value and its inverse CDF. */
export interface UncertainInput {
  /** Path in the scenario document, e.g. `stances.3.position`. */
  path: string;
  /** Readable name, e.g. `russia / territory position`. */
  label: string;
  target: InputTarget;
  central: number;
  low: number;
  high: number;
  /** Inverse CDF: the value drawn for a uniform u in [0, 1). */
  quantile(u: number): number;
}

/**
 * Every number of the scenario that is uncertain — written with a range, or as a list of source
 * estimates — in document order (actors' capabilities, issues' status quo, stances' positions,
 * saliences and own capabilities). Plain numbers stay fixed. A range is sampled from a
 * triangular distribution with its mode at `value` (default) or uniformly on [low, high]; a list
 * of estimates picks one estimate with probability proportional to its weight (default 1). Each
 * input consumes exactly one uniform draw, which makes samples reproducible and Sobol designs
 * possible.
 */
export function uncertainInputs(
  scenario: Scenario,
  distribution: RangeDistribution = "triangular",
): UncertainInput[] {
  const actorIndex = new Map(scenario.actors.map((a, i) => [a.id, i]));
  const issueIndex = new Map(scenario.issues.map((x, k) => [x.id, k]));
  const out: UncertainInput[] = [];
  const add = (
    estimate: Estimate | undefined,
    path: string,
    label: string,
    target: InputTarget,
  ) => {
    const input = estimate === undefined ? undefined : toInput(estimate, distribution);
    if (input) out.push({ ...input, path, label, target });
  };
  const own = new Map<number, Set<number>>();
  for (const stance of scenario.stances) {
    if (stance.capability === undefined) continue;
    const actor = actorIndex.get(stance.actor) as number;
    const set = own.get(actor) ?? new Set<number>();
    set.add(issueIndex.get(stance.issue) as number);
    own.set(actor, set);
  }
  for (const [i, actor] of scenario.actors.entries()) {
    const except = own.get(i);
    add(actor.capability, `actors.${i}.capability`, `${actor.id} capability`, {
      kind: "capability",
      actor: i,
      ...(except ? { except } : {}),
    });
  }
  for (const [k, issue] of scenario.issues.entries()) {
    add(issue.statusQuo, `issues.${k}.statusQuo`, `${issue.id} status quo`, {
      kind: "statusQuo",
      issue: k,
    });
  }
  for (const [n, stance] of scenario.stances.entries()) {
    const actor = actorIndex.get(stance.actor) as number;
    const issue = issueIndex.get(stance.issue) as number;
    for (const kind of ["position", "salience"] as const) {
      add(stance[kind], `stances.${n}.${kind}`, `${stance.actor} / ${stance.issue} ${kind}`, {
        kind,
        issue,
        actor,
      });
    }
    add(
      stance.capability,
      `stances.${n}.capability`,
      `${stance.actor} / ${stance.issue} capability`,
      {
        kind: "capability",
        issue,
        actor,
      },
    );
  }
  return out;
}

function toInput(
  estimate: Estimate,
  distribution: RangeDistribution,
): Omit<UncertainInput, "path" | "label" | "target"> | undefined {
  if (typeof estimate === "number") return undefined;
  if (Array.isArray(estimate)) {
    if (estimate.length < 2) return undefined;
    const weights = estimate.map((e) => e.weight ?? 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const values = estimate.map((e) => e.value);
    const cumulative: number[] = [];
    let acc = 0;
    for (const w of weights) {
      acc += w / total;
      cumulative.push(acc);
    }
    return {
      central: values.reduce((s, v, j) => s + v * (weights[j] as number), 0) / total,
      low: Math.min(...values),
      high: Math.max(...values),
      quantile: (u) => {
        for (let j = 0; j < cumulative.length - 1; j++)
          if (u < (cumulative[j] as number)) return values[j] as number;
        return values[values.length - 1] as number;
      },
    };
  }
  const low = estimate.low ?? estimate.value;
  const high = estimate.high ?? estimate.value;
  if (!(high > low)) return undefined;
  const mode = estimate.value;
  return {
    central: mode,
    low,
    high,
    quantile:
      distribution === "uniform"
        ? (u) => low + u * (high - low)
        : triangularQuantile(low, mode, high),
  };
}

/** Inverse CDF of the triangular distribution on [a, b] with mode c. */
export function triangularQuantile(a: number, c: number, b: number): (u: number) => number {
  const split = (c - a) / (b - a);
  return (u) =>
    u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

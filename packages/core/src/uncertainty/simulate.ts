import { nashPoint } from "../deals/nash-point.ts";
import { paretoOutcomes } from "../deals/pareto-outcomes.ts";
import { scenarioDealSpace } from "../deals/scenario-deal-space.ts";
import { type Model, ModelInputError, type RunOptions } from "../models/model.ts";
import { getModel } from "../models/registry.ts";
import { forecastPhased, phaseData } from "../phases.ts";
import { hashString, randomStream } from "../random/stream.ts";
import type { ScenarioData } from "../scenario/prepare.ts";
import { prepareScenario } from "../scenario/prepare.ts";
import type { Scenario } from "../scenario/schema.ts";
import { addExact } from "./exact-sum.ts";
import { sampleScenario, shockData } from "./sample-scenario.ts";
import { addToCell, canonicalSummary, emptySummary, type SimulationSummary } from "./summary.ts";
import { type RangeDistribution, uncertainInputs } from "./uncertain-inputs.ts";

/** Samples per shard. Fixed, so that shard i means the same samples on any number of workers. */
export const SHARD_SIZE = 250;

/** What to simulate; plain data, so it can be sent to workers and other machines. */
export interface SimulationPlan {
  scenario: Scenario;
  samples: number;
  seed: number;
  models: string[];
  modelOptions?: Record<string, RunOptions>;
  distribution?: RangeDistribution;
  /** Histogram bins per issue (default 100). */
  bins?: number;
  /** Extra thresholds per issue id, besides the scale's marks. */
  thresholds?: Record<string, number[]>;
  /**
   * Also count, per sample, whether some package is preferred to no deal by both parties
   * (the deal space on `grid` points per issue, default 5; {@link scenarioDealSpace}).
   */
  deal?: { between: [string, string]; grid?: number };
}

/** Number of shards a plan has. */
export function shardCount(plan: Pick<SimulationPlan, "samples">): number {
  return Math.ceil(plan.samples / SHARD_SIZE);
}

/** A canonical hash of the scenario (key order does not matter): part of every stream's path. */
export function scenarioHash(scenario: Scenario): number {
  return hashString(canonicalJson(scenario));
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Everything a shard needs, derived once from the plan: the central scenario, its uncertain
 * inputs, shocks and phases, the models, and the summary layout.
 */
export function compileSimulation(plan: SimulationPlan) {
  if (!Number.isInteger(plan.samples) || plan.samples < 1) {
    throw new RangeError(`samples: expected a whole number ≥ 1, got ${plan.samples}`);
  }
  if (!Number.isSafeInteger(plan.seed) || plan.seed < 0) {
    throw new RangeError(`seed: expected a whole number from 0 to 2^53 − 1, got ${plan.seed}`);
  }
  const base = prepareScenario(plan.scenario);
  const models: Model[] = plan.models.map((id) => getModel(id));
  const inputs = uncertainInputs(plan.scenario, plan.distribution ?? "triangular");
  const shocks = shockData(plan.scenario, plan.distribution ?? "triangular");
  const phases = phaseData(plan.scenario.phases, base);
  const extra = plan.thresholds ?? {};
  for (const id of Object.keys(extra)) {
    if (!base.issues.some((i) => i.id === id))
      throw new RangeError(`threshold for unknown issue "${id}"`);
  }
  const layout = {
    models: models.map((m) => m.id),
    issues: base.issues.map((i) => i.id),
    scales: base.issues.map((i): [number, number] => [i.min, i.max]),
    bins: plan.bins ?? 100,
    thresholds: plan.scenario.issues.map((issue) =>
      [...(issue.scale.marks ?? []).map((m) => m.at), ...(extra[issue.id] ?? [])].sort(
        (a, b) => a - b,
      ),
    ),
    shocks: shocks.map((s) => s.id),
    ...(plan.deal ? { deal: { between: plan.deal.between, grid: plan.deal.grid ?? 5 } } : {}),
  };
  let dealParties: [number, number] | undefined;
  if (plan.deal) {
    const ids = base.actors.map((a) => a.id);
    const [a, b] = plan.deal.between.map((id) => ids.indexOf(id));
    if (a === undefined || b === undefined || a < 0 || b < 0 || a === b) {
      throw new RangeError(
        `deal: expected two different actors, each one of ${ids.join(", ")}; got ${plan.deal.between.join(",")}`,
      );
    }
    const grid = plan.deal.grid ?? 5;
    if (!Number.isInteger(grid) || grid < 2 || grid > 11) {
      throw new RangeError(`deal grid: expected a whole number from 2 to 11, got ${grid}`);
    }
    dealParties = [a, b];
  }
  return {
    plan,
    base,
    models,
    inputs,
    shocks,
    phases,
    layout,
    dealParties,
    hash: scenarioHash(plan.scenario),
  };
}

export type CompiledSimulation = ReturnType<typeof compileSimulation>;

/**
 * Simulate shard `shard`: samples [shard·S, (shard+1)·S) with S = {@link SHARD_SIZE}. Sample n
 * draws from its own stream, path (seed, scenario hash, n): one uniform per uncertain input in
 * document order, then one per shock (it happens when the draw is below its probability). So a
 * sample's inputs depend only on the seed, the scenario and n — not on shards or workers.
 */
export function runShard(sim: CompiledSimulation, shard: number): SimulationSummary {
  const { plan, base, models, inputs, shocks, phases, layout, hash, dealParties } = sim;
  const summary = emptySummary(layout, shard);
  const first = shard * SHARD_SIZE;
  const last = Math.min(plan.samples, first + SHARD_SIZE);
  if (!Number.isInteger(shard) || shard < 0 || first >= plan.samples) {
    throw new RangeError(`shard: expected 0 to ${shardCount(plan) - 1}, got ${shard}`);
  }
  // Options per model, one object each (so models can cache what they derive from them).
  const runOptions = models.map((m) => ({ ...plan.modelOptions?.[m.id], forecastOnly: true }));
  const u = new Float64Array(inputs.length);
  const active = new Uint8Array(shocks.length);
  const nIssues = layout.issues.length;
  const cells = models.length * nIssues;
  const lo = new Float64Array(nIssues);
  const hi = new Float64Array(nIssues);
  for (let n = first; n < last; n++) {
    const rng = randomStream(plan.seed, hash, n);
    for (let i = 0; i < u.length; i++) u[i] = rng.next();
    for (let s = 0; s < shocks.length; s++)
      active[s] = rng.next() < (shocks[s]?.probability ?? 0) ? 1 : 0;
    const data = sampleScenario(base, inputs, u, shocks, active);
    lo.fill(Number.POSITIVE_INFINITY);
    hi.fill(Number.NEGATIVE_INFINITY);
    for (const [m, model] of models.entries()) {
      let forecasts: number[];
      try {
        forecasts = forecastPhased(model, data, phases, runOptions[m]);
      } catch (e) {
        if (!(e instanceof ModelInputError)) throw e;
        for (let k = 0; k < nIssues; k++)
          summary.failed[m * nIssues + k] = (summary.failed[m * nIssues + k] as number) + 1;
        continue;
      }
      for (let k = 0; k < nIssues; k++) {
        const x = forecasts[k] as number;
        if (!Number.isFinite(x)) {
          // Nobody with a stance at the table and no status quo: no forecast in this sample.
          summary.failed[m * nIssues + k] = (summary.failed[m * nIssues + k] as number) + 1;
          continue;
        }
        addToCell(summary, m, k, x);
        if (x < (lo[k] as number)) lo[k] = x;
        if (x > (hi[k] as number)) hi[k] = x;
        for (let s = 0; s < shocks.length; s++) {
          if (!active[s]) continue;
          const at = s * cells + m * nIssues + k;
          addExact(summary.shockSum[at] as number[], x);
          summary.shockRan[at] = (summary.shockRan[at] as number) + 1;
        }
      }
    }
    for (let k = 0; k < nIssues; k++) {
      if ((hi[k] as number) >= (lo[k] as number)) {
        addExact(summary.spread[k] as number[], (hi[k] as number) - (lo[k] as number));
        summary.spreadCount[k] = (summary.spreadCount[k] as number) + 1;
      }
    }
    for (let s = 0; s < shocks.length; s++)
      if (active[s]) summary.shockCount[s] = (summary.shockCount[s] as number) + 1;
    if (dealParties && layout.deal && dealExists(data, dealParties, layout.deal.grid)) {
      summary.dealExists++;
    }
    summary.samples++;
  }
  return canonicalSummary(summary);
}

/**
 * Whether some package of the scenario's deal space (grid points per issue) gives both parties
 * more than no deal: the Nash point over their Pareto frontier exists.
 */
function dealExists(data: ScenarioData, [a, b]: [number, number], grid: number): boolean {
  const { space, utilities } = scenarioDealSpace(data, { grid });
  const ua = utilities[a];
  const ub = utilities[b];
  if (!ua || !ub) return false;
  const frontier = paretoOutcomes(space, [ua, ub]);
  return (
    nashPoint(frontier.utilities, Float64Array.of(ua.reservation, ub.reservation)) !== undefined
  );
}

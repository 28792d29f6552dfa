import { marginScale } from "../agreement/margin-scale.ts";
import {
  agreementProbability,
  marginWorkspace,
  phaseAgreements,
  settlementMargin,
} from "../agreement/phase-agreement.ts";
import {
  type Calibration,
  INTERVAL_LEVELS,
  type IntervalLevel,
  type ModelCalibration,
} from "../calibration/model-calibration.ts";
import {
  type IssueShape,
  issueShape,
  predictiveAt,
} from "../calibration/predictive-distribution.ts";
import { nashPoint } from "../deals/nash-point.ts";
import { paretoOutcomes } from "../deals/pareto-outcomes.ts";
import { scenarioDealSpace } from "../deals/scenario-deal-space.ts";
import { type Model, ModelInputError, type RunOptions } from "../models/model.ts";
import { getModel } from "../models/registry.ts";
import { compileQuestion } from "../outcome/compile-question.ts";
import { drawOutcome, lawAtLeastAll, type OutcomeLaw, outcomeLaw } from "../outcome/outcome-law.ts";
import { type DecidedStep, questionProbability } from "../outcome/question-probability.ts";
import { finalForecasts, type PhaseStep, phaseData, phasedSteps } from "../phases.ts";
import { hashString, randomStream } from "../random/stream.ts";
import type { IssueData, ScenarioData } from "../scenario/prepare.ts";
import { prepareScenario } from "../scenario/prepare.ts";
import type { Scenario } from "../scenario/schema.ts";
import { addExact } from "./exact-sum.ts";
import { bandBoundaries } from "./outcome-points.ts";
import { expectedValue, sampleScenario, shockData } from "./sample-scenario.ts";
import {
  addOutcome,
  addToCell,
  canonicalSummary,
  emptySummary,
  type SimulationSummary,
} from "./summary.ts";
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
  /**
   * The models' error laws learned from real outcomes (`Calibration`); each sample's outcome is
   * drawn from the calibrated predictive distribution around each model's forecast. Absent or
   * null: outcomes are the forecasts themselves (input uncertainty only).
   */
  calibration?: Calibration | null;
  /**
   * Check each phase for an agreement (default true): a phase settles on its forecast with the
   * probability of {@link agreementProbability}, else its issues stay where they stood.
   */
  agreement?: boolean;
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
  const agreements = plan.agreement === false ? [] : phaseAgreements(base, phases);
  const agreement = agreements.map((a) => {
    const prior = plan.scenario.phases?.[a.phase]?.agreement?.probability;
    return {
      ...a,
      tau: marginScale(a, base, inputs),
      prior: prior === undefined ? 0.5 : expectedValue(prior, plan.distribution ?? "triangular"),
    };
  });
  const calibrations = models.map((m) => plan.calibration?.models[m.id]);
  const issueIndex = new Map(base.issues.map((x, k) => [x.id, k]));
  const phaseIndex = new Map(phases.map((p, k) => [p.id, k]));
  const questions = (plan.scenario.questions ?? []).map((q) =>
    compileQuestion(q.id, q.when, issueIndex, phaseIndex),
  );
  const extra = plan.thresholds ?? {};
  for (const [id, values] of Object.entries(extra)) {
    const issue = base.issues.find((i) => i.id === id);
    if (!issue) {
      throw new RangeError(
        `threshold for unknown issue "${id}"; issues: ${base.issues.map((i) => i.id).join(", ")}`,
      );
    }
    for (const t of values) {
      if (!(t >= issue.min && t <= issue.max)) {
        throw new RangeError(
          `threshold for issue "${id}": expected a value on its scale, ${issue.min} to ${issue.max}, got ${t}`,
        );
      }
    }
  }
  const marks = plan.scenario.issues.map((issue) => (issue.scale.marks ?? []).map((m) => m.at));
  const thresholds = marks.map((list, k) =>
    [...new Set([...list, ...(extra[base.issues[k]?.id as string] ?? [])])].sort((a, b) => a - b),
  );
  const boundaries = marks.map((list, k) => {
    const issue = base.issues[k] as IssueData;
    return bandBoundaries(issue.min, issue.max, list);
  });
  const layout = {
    models: models.map((m) => m.id),
    issues: base.issues.map((i) => i.id),
    scales: base.issues.map((i): [number, number] => [i.min, i.max]),
    bins: plan.bins ?? 100,
    thresholds,
    shocks: shocks.map((s) => s.id),
    ...(plan.deal ? { deal: { between: plan.deal.between, grid: plan.deal.grid ?? 5 } } : {}),
    marks,
    boundaries,
    // Probabilities are summed at every mark, threshold and band boundary.
    points: thresholds.map((list, k) =>
      [...new Set([...list, ...(boundaries[k] as number[])])].sort((a, b) => a - b),
    ),
    levels: calibrations.map((c) => levelsOf(c)),
    phases: agreement.filter((a) => a.modelled).map((a) => phases[a.phase]?.id as string),
    questions: questions.map((q) => q.id),
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
    agreement,
    calibrations,
    questions,
    hash: scenarioHash(plan.scenario),
  };
}

/** Nominal interval levels, as the central levels to read when a model is not calibrated. */
function levelsOf(c: ModelCalibration | undefined): Record<IntervalLevel, number> {
  const out = {} as Record<IntervalLevel, number>;
  for (const level of INTERVAL_LEVELS) out[level] = c ? c.levels[level] : Number(level) / 100;
  return out;
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
  const outcomeDraws = new Float64Array(2 * cells);
  const atLeast = new Float64Array(Math.max(0, ...layout.points.map((p) => p.length)));
  const above = new Float64Array(Math.max(0, ...layout.boundaries.map((p) => p.length)));
  const sampled = samplingState(sim);
  const checked = sim.agreement.filter((x) => x.modelled);
  for (let n = first; n < last; n++) {
    const rng = randomStream(plan.seed, hash, n);
    for (let i = 0; i < u.length; i++) u[i] = rng.next();
    for (let s = 0; s < shocks.length; s++)
      active[s] = rng.next() < (shocks[s]?.probability ?? 0) ? 1 : 0;
    // Then two uniforms per model and issue for the outcome draw (after inputs and shocks, so
    // earlier draws keep their meaning).
    for (let j = 0; j < outcomeDraws.length; j++) outcomeDraws[j] = rng.next();
    const data = sampleScenario(base, inputs, u, shocks, active);
    sampled.reset();
    const agreed = sampled.agreement(data);
    for (const [slot, a] of checked.entries()) {
      const p = agreed.agree[a.phase] as number;
      addExact(summary.agreementSum[slot] as number[], p);
      addExact(summary.agreementSumSq[slot] as number[], p * p);
    }
    lo.fill(Number.POSITIVE_INFINITY);
    hi.fill(Number.NEGATIVE_INFINITY);
    for (const [m, model] of models.entries()) {
      let steps: PhaseStep[];
      try {
        steps = phasedSteps(model, data, phases, runOptions[m]);
      } catch (e) {
        if (!(e instanceof ModelInputError)) throw e;
        for (let k = 0; k < nIssues; k++)
          summary.failed[m * nIssues + k] = (summary.failed[m * nIssues + k] as number) + 1;
        continue;
      }
      const forecasts = finalForecasts(data, steps);
      const outcome = sampled.outcomes(m, data, steps, agreed);
      for (let k = 0; k < nIssues; k++) {
        const x = forecasts[k] as number;
        const law = outcome.laws[k];
        if (!Number.isFinite(x) || !law) {
          // Nobody with a stance at the table and no status quo: no forecast in this sample.
          summary.failed[m * nIssues + k] = (summary.failed[m * nIssues + k] as number) + 1;
          continue;
        }
        addToCell(summary, m, k, x);
        const cell = m * nIssues + k;
        lawAtLeastAll(law, layout.points[k] as number[], atLeast);
        lawAtLeastAll(law, layout.boundaries[k] as number[], above, true);
        addOutcome(
          summary,
          cell,
          k,
          drawOutcome(law, outcomeDraws[2 * cell] as number, outcomeDraws[2 * cell + 1] as number),
          atLeast,
          above,
          law.statusQuoWeight,
        );
        if (x < (lo[k] as number)) lo[k] = x;
        if (x > (hi[k] as number)) hi[k] = x;
        for (let s = 0; s < shocks.length; s++) {
          if (!active[s]) continue;
          const at = s * cells + m * nIssues + k;
          addExact(summary.shockSum[at] as number[], x);
          summary.shockRan[at] = (summary.shockRan[at] as number) + 1;
        }
      }
      for (const [q, question] of sim.questions.entries()) {
        const p = questionProbability(question, outcome.stepsOf, outcome.statusQuo, agreed.agree);
        addExact(summary.questionSum[q * models.length + m] as number[], p);
        addExact(summary.questionSumSq[q * models.length + m] as number[], p * p);
        summary.questionRan[q * models.length + m] =
          (summary.questionRan[q * models.length + m] as number) + 1;
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

/** Each phase's probability of agreement in one sample, and the issues an agreement covers. */
export interface PhaseAgreements {
  /** Per phase: the probability it ends in an agreement (1 when not checked). */
  agree: Float64Array;
  /** Per phase: a mask over the scenario's issues an agreement would change. */
  covers: Uint8Array[];
}

/** What one sample implies for one model: each issue's outcome law. */
export interface SampleOutcomes {
  /** Per issue: the steps that decided it, in order. */
  stepsOf: DecidedStep[][];
  /** Per issue: its status quo in the sample (before any phase). */
  statusQuo: Float64Array;
  /** Per issue: its outcome law, or undefined when nothing decided it and it has no status quo. */
  laws: Array<OutcomeLaw | undefined>;
}

/**
 * Per-sample helpers for {@link runShard}: each phase's probability of agreement, and each
 * model's outcome laws given its phased run.
 */
export function samplingState(sim: CompiledSimulation) {
  const { base, phases } = sim;
  const workspace = marginWorkspace(
    base.actors.length,
    base.issues.length,
    Math.max(1, ...sim.agreement.map((a) => a.options.length)),
  );
  // An issue's shape at a phase's table is the same for every model of a sample.
  const shapes = new Map<number, IssueShape>();
  const shapeOf = (phase: number, k: number, issue: IssueData): IssueShape => {
    const key = (phase + 1) * base.issues.length + k;
    let shape = shapes.get(key);
    if (!shape) {
      const weights = new Float64Array(issue.saliences.length);
      for (let j = 0; j < weights.length; j++) {
        weights[j] = (issue.saliences[j] as number) * (issue.capabilities[j] as number);
      }
      shape = issueShape({ min: issue.min, max: issue.max, positions: issue.positions, weights });
      shapes.set(key, shape);
    }
    return shape;
  };
  return {
    reset() {
      shapes.clear();
    },
    /**
     * Per phase, the probability that it ends in an agreement in this sample (1 when not
     * checked): its settlement margin against the status quo before the talks — the outcome if
     * no agreement is reached — on the issues somebody at its table has a stance on (0 when
     * there are none).
     */
    agreement(data: ScenarioData): PhaseAgreements {
      const agree = new Float64Array(phases.length).fill(1);
      // Every issue a phase decides is covered unless its agreement is checked.
      const covers = phases.map((p) => {
        const mask = new Uint8Array(base.issues.length);
        for (const k of p.issues) mask[k] = 1;
        return mask;
      });
      for (const a of sim.agreement) {
        if (!a.modelled) continue;
        const cover = covers[a.phase] as Uint8Array;
        cover.fill(0);
        const issues: number[] = [];
        for (const k of a.issues) {
          const actors = (data.issues[k] as IssueData).actors;
          for (let j = 0; j < actors.length; j++) {
            if (a.table[actors[j] as number] === 1) {
              issues.push(k);
              break;
            }
          }
        }
        if (issues.length === 0) {
          agree[a.phase] = 0;
          continue;
        }
        const statusQuo = new Float64Array(issues.length);
        for (const [j, k] of issues.entries()) {
          statusQuo[j] = (data.issues[k] as IssueData).statusQuo as number;
        }
        const { margin, option } = settlementMargin(a, data, issues, statusQuo, workspace);
        agree[a.phase] = agreementProbability(margin, a.tau, a.prior);
        const free = a.options[option]?.free;
        for (const [j, k] of a.issues.entries()) if (free?.[j]) cover[k] = 1;
      }
      return { agree, covers };
    },
    outcomes(
      m: number,
      data: ScenarioData,
      steps: readonly PhaseStep[],
      { agree, covers }: PhaseAgreements,
    ): SampleOutcomes {
      const calibration = sim.calibrations[m];
      const stepsOf: DecidedStep[][] = data.issues.map(() => []);
      for (const step of steps) {
        for (const [n, k] of step.issues.entries()) {
          // A phase's agreement changes only the issues its package covers.
          if (step.phase >= 0 && !covers[step.phase]?.[k]) continue;
          const forecast = step.forecasts[n] as number;
          (stepsOf[k] as DecidedStep[]).push({
            phase: step.phase,
            forecast,
            predictive: calibration
              ? predictiveAt(
                  calibration,
                  shapeOf(step.phase, k, step.table[n] as IssueData),
                  forecast,
                )
              : undefined,
          });
        }
      }
      const statusQuo = Float64Array.from(data.issues, (issue) => issue.statusQuo ?? Number.NaN);
      const laws = stepsOf.map((list, k) => {
        if (list.length === 0 && !Number.isFinite(statusQuo[k] as number)) return undefined;
        const chances = new Float64Array(list.length);
        for (const [j, step] of list.entries()) {
          chances[j] = step.phase < 0 ? 1 : (agree[step.phase] as number);
        }
        return outcomeLaw(list, statusQuo[k] as number, chances);
      });
      return { stepsOf, statusQuo, laws };
    },
  };
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

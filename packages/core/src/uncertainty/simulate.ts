import { ModelInputError } from "../models/model.ts";
import { drawOutcome, lawAtLeastAll } from "../outcome/outcome-law.ts";
import { questionProbability } from "../outcome/question-probability.ts";
import { finalForecasts, type PhaseStep, phasedSteps } from "../phases.ts";
import { randomStream } from "../random/stream.ts";
import { addOutcome, addToCell } from "./add-to-summary.ts";
import { canonicalSummary } from "./canonical-summary.ts";
import type { CompiledSimulation } from "./compile-simulation.ts";
import { dealExists } from "./deal-exists.ts";
import { emptySummary } from "./empty-summary.ts";
import { addExact } from "./exact-sum.ts";
import { sampleScenario } from "./sample-scenario.ts";
import { samplingState } from "./sampling-state.ts";
import type { SimulationPlan } from "./simulation-plan.ts";
import type { SimulationSummary } from "./simulation-summary.ts";

/** The plan and its compilation, also importable from here beside the shards they drive. */

/** Samples per shard. Fixed, so that shard i means the same samples on any number of workers. */
export const SHARD_SIZE = 250;

/** Number of shards a plan has. */
export function shardCount(plan: Pick<SimulationPlan, "samples">): number {
  return Math.ceil(plan.samples / SHARD_SIZE);
}

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

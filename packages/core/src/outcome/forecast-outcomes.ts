import { uncheckedPhases } from "../agreement/phase-agreement.ts";
import { cdfAt, quantileAt } from "../calibration/distribution.ts";
import type { IntervalLevel } from "../calibration/model-calibration.ts";
import { ModelInputError } from "../models/model.ts";
import { type PhaseStep, phasedSteps } from "../phases.ts";
import { intervalsAt } from "../scores/probabilistic-summary.ts";
import { compileSimulation } from "../uncertainty/compile-simulation.ts";
import { bandProbabilities, type OutcomeBand } from "../uncertainty/outcome-points.ts";
import { samplingState } from "../uncertainty/sampling-state.ts";
import type { SimulationPlan } from "../uncertainty/simulation-plan.ts";
import { pointLabel } from "./headline.ts";
import { lawDistribution } from "./outcome-law.ts";

/** An issue's outcome under one model at the scenario's central values. */
export interface IssueOutcome {
  median: number;
  /** Interval at each nominal level (its calibration's central level). */
  intervals: Record<IntervalLevel, [number, number]>;
  /** Probability of each named outcome: the band of the scale nearest each labelled point. */
  bands: Array<OutcomeBand & { label: string }>;
  /** Probability that no phase agrees on the issue and its status quo holds. */
  statusQuoHolds: number;
  /** Whether the model's error law came from a calibration. */
  calibrated: boolean;
}

/** What {@link forecastOutcomes} needs: a simulation plan without the sampling. */
export type ForecastOutcomeOptions = Omit<
  SimulationPlan,
  "samples" | "seed" | "thresholds" | "deal" | "bins"
>;

/** Outcome distributions of every issue and model, and each phase's chance of agreement. */
export interface OutcomeForecasts {
  /** Per phase checked: the probability that it ends in an agreement. */
  phases: Array<{ phase: string; title: string; probability: number }>;
  /** Phases that cannot be checked (an issue without a status quo), with the reason. */
  unchecked: Array<{ phase: string; reason: string }>;
  issues: Array<{ issue: string; models: Record<string, IssueOutcome> }>;
}

/**
 * What `entente forecast` shows beside each point forecast: with every input at its central
 * value, each phase's probability of agreement and each model's outcome distribution — its
 * calibrated error around the forecast, mixed with the status quo where no phase agrees —
 * read exactly (no sampling). Models that cannot run on the scenario are left out. `known`:
 * phased runs already made on the same scenario (e.g. by `forecastScenario`), not repeated.
 */
export function forecastOutcomes(
  plan: ForecastOutcomeOptions,
  known: ReadonlyMap<string, PhaseStep[]> = new Map(),
): OutcomeForecasts {
  // Questions are reported by `simulate`; leaving them out also lets a scenario whose phases
  // were removed (`--no-phases`) keep questions that name those phases.
  const { questions: _, ...scenario } = plan.scenario;
  const sim = compileSimulation({ ...plan, scenario, samples: 1, seed: 0 });
  const { base, phases, models } = sim;
  const state = samplingState(sim);
  const agreed = state.agreement(base);
  const issues = plan.scenario.issues.map((issue) => ({
    issue: issue.id,
    models: {} as Record<string, IssueOutcome>,
  }));
  for (const [m, model] of models.entries()) {
    let steps = known.get(model.id);
    try {
      steps ??= phasedSteps(model, base, phases, plan.modelOptions?.[model.id]);
    } catch (e) {
      if (e instanceof ModelInputError) continue;
      throw e;
    }
    const outcome = state.outcomes(m, base, steps, agreed);
    const levels = sim.layout.levels[m] as Record<IntervalLevel, number>;
    for (const [k, issue] of plan.scenario.issues.entries()) {
      const law = outcome.laws[k];
      if (!law) continue;
      const d = lawDistribution(law);
      const { min = 0, max = 100, marks = [] } = issue.scale;
      // Mid-survival at a boundary: an outcome exactly on it counts half for each band.
      const bands = bandProbabilities(
        min,
        max,
        marks.map((x) => x.at),
        (b) => 1 - (cdfAt(d, b, true) + cdfAt(d, b)) / 2,
      ).map((band) => ({ ...band, label: pointLabel(issue, band.at) }));
      (issues[k] as (typeof issues)[number]).models[model.id] = {
        median: quantileAt(d, 0.5),
        intervals: intervalsAt(d, levels),
        bands,
        statusQuoHolds: law.statusQuoWeight,
        calibrated: sim.calibrations[m] !== undefined,
      };
    }
  }
  return {
    phases: sim.agreement
      .filter((a) => a.modelled)
      .map((a) => ({
        phase: phases[a.phase]?.id as string,
        title: plan.scenario.phases?.[a.phase]?.title ?? "",
        probability: agreed.agree[a.phase] as number,
      })),
    unchecked: plan.agreement === false ? [] : uncheckedPhases(plan.scenario),
    issues,
  };
}

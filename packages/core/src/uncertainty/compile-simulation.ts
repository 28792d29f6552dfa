import { marginScale } from "../agreement/margin-scale.ts";
import { phaseAgreements } from "../agreement/phase-agreement.ts";
import {
  INTERVAL_LEVELS,
  type IntervalLevel,
  type ModelCalibration,
} from "../calibration/model-calibration.ts";
import type { Model } from "../models/model.ts";
import { getModel } from "../models/registry.ts";
import { compileQuestion } from "../outcome/compile-question.ts";
import { phaseData } from "../phases.ts";
import type { IssueData } from "../scenario/prepare.ts";
import { prepareScenario } from "../scenario/prepare.ts";
import { bandBoundaries } from "./outcome-points.ts";
import { expectedValue, shockData } from "./sample-scenario.ts";
import { scenarioHash } from "./scenario-hash.ts";
import type { SimulationPlan } from "./simulation-plan.ts";
import { uncertainInputs } from "./uncertain-inputs.ts";

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

/** Everything a shard needs, as derived by {@link compileSimulation}. */
export type CompiledSimulation = ReturnType<typeof compileSimulation>;

import {
  agreementProbability,
  marginWorkspace,
  settlementMargin,
} from "../agreement/phase-agreement.ts";
import {
  type IssueShape,
  issueShape,
  predictiveAt,
} from "../calibration/predictive-distribution.ts";
import { type OutcomeLaw, outcomeLaw } from "../outcome/outcome-law.ts";
import type { DecidedStep } from "../outcome/question-probability.ts";
import type { PhaseStep } from "../phases.ts";
import type { IssueData, ScenarioData } from "../scenario/prepare.ts";
import type { CompiledSimulation } from "./compile-simulation.ts";

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

import type { ScenarioData } from "../scenario/prepare.ts";
import type { UncertainInput } from "../uncertainty/uncertain-inputs.ts";
import type { PhaseAgreement } from "./phase-agreement.ts";

/** The smallest margin scale: positions coded from text are uncertain by at least 5 % of a scale. */
export const MIN_MARGIN_SCALE = 0.05;

/**
 * The scale τ on which a phase's settlement margin is read ({@link agreementProbability}): how
 * much an actor's gain could be off because its positions are uncertain — for each actor who may
 * have to consent (at the table, or a ratifier of one of the phase's issues) with a stake in the
 * phase, Σₖ wᵢₖ·sd(pᵢₖ)/Lₖ (its salience shares times the standard deviation of its sampled
 * positions as a share of the scale), averaged over those actors; never below
 * {@link MIN_MARGIN_SCALE}. Central saliences; plain positions have sd 0.
 */
export function marginScale(
  agreement: PhaseAgreement,
  data: ScenarioData,
  inputs: readonly UncertainInput[],
): number {
  const sd = new Map<string, number>();
  for (const input of inputs) {
    if (input.target.kind === "position") {
      sd.set(`${input.target.actor}:${input.target.issue}`, inputSd(input));
    }
  }
  let sum = 0;
  let count = 0;
  for (let i = 0; i < data.actors.length; i++) {
    const mayConsent =
      agreement.table[i] === 1 || agreement.options.some((o) => o.ratifiers[i] === 1);
    if (!mayConsent) continue;
    let total = 0;
    let spread = 0;
    for (const k of agreement.issues) {
      const issue = data.issues[k] as ScenarioData["issues"][number];
      const a = issue.actors.indexOf(i);
      if (a < 0) continue;
      const s = issue.saliences[a] as number;
      total += s;
      spread += (s * (sd.get(`${i}:${k}`) ?? 0)) / (issue.max - issue.min);
    }
    if (total > 0) {
      sum += spread / total;
      count++;
    }
  }
  return Math.max(MIN_MARGIN_SCALE, count > 0 ? sum / count : 0);
}

/** Standard deviation of an input's sampling distribution (its inverse CDF on a 256-point grid). */
function inputSd(input: UncertainInput): number {
  const m = 256;
  let mean = 0;
  const xs = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    xs[j] = input.quantile((j + 0.5) / m);
    mean += xs[j] as number;
  }
  mean /= m;
  let v = 0;
  for (const x of xs) v += (x - mean) * (x - mean);
  return Math.sqrt(v / m);
}

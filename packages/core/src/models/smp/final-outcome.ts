import type { IssueData } from "../../scenario/prepare.ts";
import type { SmpRun } from "./run-smp.ts";

/**
 * The final turn on issue q, on the issue's scale: the PCE-probability-weighted mean of the
 * distinct positions and the most probable one (first maximum) with its probability.
 */
export function finalOutcome(run: SmpRun, m: number, q: number, data: IssueData) {
  const last = run.states[run.states.length - 1] as SmpRun["states"][number];
  const { representatives, probabilities } = last.outcome;
  let expected = 0;
  let modalU = 0;
  representatives.forEach((rep, u) => {
    expected += (probabilities[u] as number) * (last.positions[rep * m + q] as number);
    if ((probabilities[u] as number) > (probabilities[modalU] as number)) modalU = u;
  });
  const modalT = last.positions[(representatives[modalU] as number) * m + q] as number;
  // NaN only under compat "ktab" when KTAB's risk attitudes are 0/0 (spec §5.12 #7).
  const expectedT = Number.isFinite(expected) ? expected : modalT;
  const toScale = (t: number) =>
    Math.min(data.max, Math.max(data.min, data.min + t * (data.max - data.min)));
  return {
    expected: toScale(expectedT),
    modal: toScale(modalT),
    modalProbability: probabilities[modalU] as number,
  };
}

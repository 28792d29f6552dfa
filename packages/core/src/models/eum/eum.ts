import type { IssueData, ScenarioData } from "../../scenario/prepare.ts";
import {
  type IssueForecast,
  type Model,
  ModelInputError,
  type Round,
  type RunOptions,
} from "../model.ts";
import { resolveParams } from "../params.ts";
import { type EumOptions, eumOptions, eumParams, eumPresets } from "./options.ts";
import { simulateEum } from "./simulate.ts";

/*
 * Equation numbers: Scholz, Calbert & Smith (2011), "Unravelling Bueno de Mesquita's group
 * decision model", ICAART 2011, pp. 18–30, doi:10.5220/0003121500180030 (journal version:
 * J. Theoretical Politics 23(4): 510–531). Ambiguities A1–A12: docs/research/spec-eum.md §2.5.
 */

/** An actor's move in a round, and whose offer (of which kind, §6.1) it took. */
export interface EumMove {
  round: number;
  actor: string;
  offerFrom: string;
  kind: "confrontation" | "compromise" | "capitulation";
  before: number;
  after: number;
}

/** One issue through {@link simulateEum}, keyed by actor id (Appendix steps 1–13). */
function forecastIssue(
  data: ScenarioData,
  issue: IssueData,
  options: EumOptions,
  forecastOnly: boolean,
): Omit<IssueForecast, "issue"> {
  if (issue.positions.length === 0) {
    throw new ModelInputError(`issue "${issue.id}" has no actor with a stance`);
  }
  if (forecastOnly) {
    const trace = simulateEum(issue, options, false);
    const median = trace.medians[trace.medians.length - 1] as number;
    return { forecast: Math.min(issue.max, Math.max(issue.min, median)) };
  }
  const trace = simulateEum(issue, options);
  const ids = Array.from(issue.actors, (a) => data.actors[a]?.id ?? String(a));
  const keyed = (v: Float64Array): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const [k, id] of ids.entries()) out[id] = v[k] as number;
    return out;
  };
  const rounds: Round[] = trace.positions.map((p, round) => ({ round, positions: keyed(p) }));
  const median = trace.medians[trace.medians.length - 1] as number;
  // Who moved whom: every move of a round, with the offer that caused it (§6).
  const KINDS = ["confrontation", "compromise", "capitulation"] as const;
  const moves: EumMove[] = [];
  for (const [t, offers] of trace.offers.entries()) {
    const before = trace.positions[t] as Float64Array;
    const after = trace.positions[t + 1] as Float64Array;
    for (let k = 0; k < ids.length; k++) {
      const from = offers.from[k] as number;
      if (from < 0 || before[k] === after[k]) continue;
      moves.push({
        round: t + 1,
        actor: ids[k] as string,
        offerFrom: ids[from] as string,
        kind: KINDS[offers.kind[k] as number] ?? "compromise",
        before: before[k] as number,
        after: after[k] as number,
      });
    }
  }
  return {
    forecast: Math.min(issue.max, Math.max(issue.min, median)),
    rounds,
    details: {
      stopReason: trace.stopReason,
      roundsRun: trace.positions.length - 1,
      medians: trace.medians,
      means: trace.means,
      riskExponents: trace.riskExponents.map(keyed),
      ranges: trace.ranges,
      moves,
    },
  };
}

/**
 * The expected-utility ("challenge") model of Bueno de Mesquita (1994) as reconstructed by
 * Scholz, Calbert & Smith (2011, ICAART pp. 18–30), one issue at a time. Each round: risk
 * exponents from security levels (§5, eqs. 32–34), probabilities of prevailing from
 * capability × salience weighted votes (eqs. 26–31), expected utilities of challenges
 * (eqs. 14–25), then offers — confrontation, compromise (eqs. 35–36), capitulation — and
 * simultaneous moves (§6). Salience is used on 0–1 (input ÷ 100).
 *
 * Forecast: the weighted median (Condorcet winner with weights c·s; lower winner on an exact
 * half split) of the positions after the last round — the median voter position the paper and
 * Bueno de Mesquita report as the prediction. The per-round medians and means, risk exponents,
 * ranges, the stop reason and every move with the offer that caused it (`moves`) are in
 * `details`; `rounds` holds every round's positions
 * (round 0 = the inputs).
 *
 * Presets: `scholz-code` (default; the code Scholz et al. ran, as replicated by jmckib — spec
 * §2.4 — reproducing that run to 1e-9) and `paper` (the printed equations). Every ambiguity of
 * the text is a parameter ({@link eumParams}).
 */
export const eum: Model = {
  id: "eum",
  simulateByDefault: true,
  label: "Expected utility (BdM)",
  reference:
    "Scholz, Calbert & Smith 2011 (ICAART, pp. 18–30), reconstructing Bueno de Mesquita 1994",
  dynamic: true,
  params: eumParams,
  presets: eumPresets,
  run(data, options) {
    const resolved = resolvedOptions(options);
    return {
      model: eum.id,
      issues: data.issues.map((issue) => ({
        issue: issue.id,
        ...forecastIssue(data, issue, resolved, options?.forecastOnly === true),
      })),
    };
  },
};

const resolvedCache = new WeakMap<object, EumOptions>();
let defaults: EumOptions | undefined;

/** Resolved options, once per options object (Monte Carlo runs the model thousands of times). */
function resolvedOptions(options: RunOptions | undefined): EumOptions {
  if (options === undefined) {
    defaults ??= eumOptions(resolveParams(eum));
    return defaults;
  }
  let resolved = resolvedCache.get(options);
  if (!resolved) {
    resolved = eumOptions(resolveParams(eum, options));
    resolvedCache.set(options, resolved);
  }
  return resolved;
}

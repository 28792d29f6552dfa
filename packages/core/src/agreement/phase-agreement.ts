import type { PhaseData } from "../phases.ts";
import type { ScenarioData } from "../scenario/prepare.ts";
import type { Scenario } from "../scenario/schema.ts";
import { maxMinGain } from "./max-min-gain.ts";
import type { MaxMinGainProblem } from "./max-min-gain-problem.ts";
import { createMaxMinGainWorkspace } from "./max-min-gain-workspace.ts";

/** One way a phase can settle: the issues a package may change and the outside ratifiers it needs. */
export interface SettlementOption {
  /** Per issue of the phase (phase order): 1 when the package may move it. */
  free: Uint8Array;
  /** Per actor: 1 for each ratifier outside the table whose consent these changes need. */
  ratifiers: Uint8Array;
}

/**
 * The phases whose agreement cannot be checked, and why: each needs a status quo on every issue
 * (what holds when no agreement is reached). Such a phase always settles on its forecast.
 */
export function uncheckedPhases(
  scenario: Pick<Scenario, "phases" | "issues">,
): Array<{ phase: string; reason: string }> {
  const withoutStatusQuo = new Set(
    scenario.issues.filter((i) => i.statusQuo === undefined).map((i) => i.id),
  );
  return (scenario.phases ?? []).flatMap((p) => {
    const missing = p.issues.filter((id) => withoutStatusQuo.has(id));
    return missing.length === 0
      ? []
      : [
          {
            phase: p.id,
            reason: `issue${missing.length > 1 ? "s" : ""} ${missing.join(", ")} ${missing.length > 1 ? "have" : "has"} no status quo, so there is no "no agreement" outcome; it always settles on its forecast`,
          },
        ];
  });
}

/** A phase's agreement check, derived once from the scenario. */
export interface PhaseAgreement {
  /** Index of the phase. */
  phase: number;
  /** Issue indices of the phase. */
  issues: number[];
  /** Actors at the table (mask over the scenario's actors). */
  table: Uint8Array;
  /** The distinct sets of issues a package may change, each with the consents it needs. */
  options: SettlementOption[];
  /**
   * false when some issue of the phase has no status quo: without a "no deal" point there is no
   * agreement to check, and the phase always settles on its forecast.
   */
  modelled: boolean;
}

/**
 * Who must consent to what in each phase. A package that changes issue k needs the consent of
 * every actor at the table and of issue k's ratifiers (Putnam's level II) — only for the issues
 * it changes, as in `entente deals --ratify` (`winSet` scope "touched"). Grouping packages by the
 * outside ratifiers they need gives one convex problem per group: for each set S of outside
 * ratifiers, a package may change every issue whose ratifiers are at the table or in S.
 */
export function phaseAgreements(
  data: ScenarioData,
  phases: readonly PhaseData[],
): PhaseAgreement[] {
  return phases.map((phase, p) => {
    const outside: number[] = [];
    for (const k of phase.issues) {
      for (const r of (data.issues[k] as ScenarioData["issues"][number]).ratifiers) {
        if (r >= 0 && !phase.actors[r] && !outside.includes(r)) outside.push(r);
      }
    }
    outside.sort((a, b) => a - b);
    if (outside.length > 16) {
      throw new RangeError(
        `phase ${p}: ${outside.length} ratifiers outside the table; at most 16 are supported`,
      );
    }
    const options: SettlementOption[] = [];
    const seen = new Set<string>();
    for (let subset = 0; subset < 1 << outside.length; subset++) {
      const allowed = new Set(outside.filter((_, j) => (subset >> j) & 1));
      const free = Uint8Array.from(phase.issues, (k) =>
        Array.from((data.issues[k] as ScenarioData["issues"][number]).ratifiers).every(
          (r) => r < 0 || phase.actors[r] === 1 || allowed.has(r),
        )
          ? 1
          : 0,
      );
      const key = free.join("");
      if (seen.has(key) || !free.includes(1)) continue;
      seen.add(key);
      const ratifiers = new Uint8Array(data.actors.length);
      for (const [n, k] of phase.issues.entries()) {
        if (!free[n]) continue;
        for (const r of (data.issues[k] as ScenarioData["issues"][number]).ratifiers) {
          if (r >= 0 && !phase.actors[r]) ratifiers[r] = 1;
        }
      }
      options.push({ free, ratifiers });
    }
    return {
      phase: p,
      issues: [...phase.issues],
      table: phase.actors,
      options,
      modelled: phase.issues.every((k) => data.issues[k]?.statusQuo !== undefined),
    };
  });
}

/** Scratch space for {@link settlementMargin}, reused across samples. */
export interface MarginWorkspace {
  problem: MaxMinGainProblem;
  lp: ReturnType<typeof createMaxMinGainWorkspace>;
  /** Per settlement option: its upper bound, and the order options are solved in. */
  bounds: Float64Array;
  order: Int32Array;
  /** Per actor: 1 when it has a stake (some salience) in the phase. */
  stake: Uint8Array;
}

/** Allocate a {@link MarginWorkspace} for a scenario's size (and up to `options` options). */
export function marginWorkspace(actors: number, issues: number, options = 64): MarginWorkspace {
  return {
    problem: {
      issues,
      actors,
      statusQuo: new Float64Array(issues),
      length: new Float64Array(issues),
      positions: new Float64Array(actors * issues),
      weights: new Float64Array(actors * issues),
      free: new Uint8Array(issues),
      required: new Uint8Array(actors),
    },
    lp: createMaxMinGainWorkspace(actors, issues),
    bounds: new Float64Array(options),
    order: new Int32Array(options),
    stake: new Uint8Array(actors),
  };
}

/**
 * The settlement margin of a phase in one sample: the largest gain over the status quo that some
 * package guarantees every actor whose consent it needs (max over {@link SettlementOption}s of
 * the max-min gain, {@link maxMinGain}); > 0 exactly when some package is preferred to the status
 * quo by all of them. Gains are in shares of each actor's stake in the phase: its salience on each
 * issue divided by its total salience on the phase's issues, times the linear loss as a share of
 * the scale. The actors whose consent a package needs are those at the table and the ratifiers of
 * the issues it changes, among those with a stake in the phase (some salience on its issues):
 * each must strictly gain, as in `winSet`.
 *
 * `issues` and `statusQuo` are the issues the phase decided in this sample and where they stood
 * when it began (a phase skips an issue nobody at its table has a stance on). Returns the margin
 * and the option reaching it — the issues an agreement covers (−1 when no option has anyone who
 * must consent).
 */
export function settlementMargin(
  agreement: PhaseAgreement,
  data: ScenarioData,
  issues: readonly number[],
  statusQuo: ArrayLike<number>,
  workspace: MarginWorkspace,
): { margin: number; option: number } {
  const n = data.actors.length;
  const K = issues.length;
  const problem = workspace.problem;
  problem.issues = K;
  problem.actors = n;
  const sq = problem.statusQuo.subarray(0, K);
  const length = problem.length.subarray(0, K);
  const positions = problem.positions.subarray(0, n * K);
  const weights = problem.weights.subarray(0, n * K);
  weights.fill(0);
  for (const [j, k] of issues.entries()) {
    const issue = data.issues[k] as ScenarioData["issues"][number];
    sq[j] = statusQuo[j] as number;
    length[j] = issue.max - issue.min;
    for (let i = 0; i < n; i++) positions[i * K + j] = sq[j] as number;
    for (let a = 0; a < issue.actors.length; a++) {
      const i = issue.actors[a] as number;
      positions[i * K + j] = issue.positions[a] as number;
      weights[i * K + j] = issue.saliences[a] as number;
    }
  }
  // Weights as shares of each actor's total salience on the phase's issues; an actor with none
  // has no stake in the phase and is never asked to consent.
  const stake = workspace.stake;
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let j = 0; j < K; j++) total += weights[i * K + j] as number;
    stake[i] = total > 0 ? 1 : 0;
    if (total > 0)
      for (let j = 0; j < K; j++) weights[i * K + j] = (weights[i * K + j] as number) / total;
  }
  const free = problem.free.subarray(0, K);
  const required = problem.required.subarray(0, n);
  const view: MaxMinGainProblem = {
    issues: K,
    actors: n,
    statusQuo: sq,
    length,
    positions,
    weights,
    free,
    required,
  };
  // Each option's bound: no actor can gain more than by moving every free issue to its ideal,
  // so min over required actors of that gain bounds the option's max-min gain. Options are
  // solved from the highest bound down, and skipped once the bound cannot beat the best.
  const bounds = workspace.bounds;
  for (const [o, option] of agreement.options.entries()) {
    bounds[o] = applyOption(agreement, option, issues, view, stake) ? optionBound(view) : -1;
  }
  const order = workspace.order.subarray(0, agreement.options.length);
  for (let o = 0; o < order.length; o++) order[o] = o;
  // Highest bound first (ties: option order); a small insertion sort, no comparator closure.
  for (let a = 1; a < order.length; a++) {
    const o = order[a] as number;
    let b = a - 1;
    while (b >= 0 && (bounds[order[b] as number] as number) < (bounds[o] as number)) {
      order[b + 1] = order[b] as number;
      b--;
    }
    order[b + 1] = o;
  }
  let best = 0;
  let bestOption = -1;
  for (const o of order) {
    if (!((bounds[o] as number) > best)) break;
    applyOption(agreement, agreement.options[o] as SettlementOption, issues, view, stake);
    const { value } = maxMinGain(view, workspace.lp, "dual", false);
    if (value > best) {
      best = value;
      bestOption = o;
    }
  }
  // With no package acceptable to all, a deal reached anyway is taken to cover every issue an
  // option allows (the widest one; the first of equals).
  if (bestOption < 0) {
    let most = -1;
    for (const [o, option] of agreement.options.entries()) {
      if (bounds[o] === -1) continue;
      let count = 0;
      for (const f of option.free) count += f;
      if (count > most) {
        most = count;
        bestOption = o;
      }
    }
  }
  return { margin: best, option: bestOption };
}

/**
 * Set `view.free` and `view.required` for one settlement option: the option's issues among those
 * decided, and the actors at the table or among its outside ratifiers who have a stake. Returns
 * whether anyone must consent.
 */
function applyOption(
  agreement: PhaseAgreement,
  option: SettlementOption,
  issues: readonly number[],
  view: MaxMinGainProblem,
  stake: Uint8Array,
): boolean {
  const { free, required } = view;
  for (const [j, k] of issues.entries()) {
    const at = agreement.issues.indexOf(k);
    free[j] = at >= 0 ? (option.free[at] as number) : 0;
  }
  let any = false;
  for (let i = 0; i < view.actors; i++) {
    required[i] = 0;
    if (!agreement.table[i] && !option.ratifiers[i]) continue;
    if (stake[i]) {
      required[i] = 1;
      any = true;
    }
  }
  return any;
}

/**
 * An upper bound of the option's max-min gain: no required actor can gain more than by moving
 * every free issue to its own ideal.
 */
function optionBound(view: MaxMinGainProblem): number {
  const { issues: K, actors: n, free, required, weights, statusQuo: sq, positions, length } = view;
  let bound = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    if (!required[i]) continue;
    let gain = 0;
    for (let j = 0; j < K; j++) {
      if (!free[j]) continue;
      gain +=
        ((weights[i * K + j] as number) *
          Math.abs((sq[j] as number) - (positions[i * K + j] as number))) /
        (length[j] as number);
    }
    if (gain < bound) bound = gain;
  }
  return bound;
}

/**
 * The probability that a phase ends in an agreement given its settlement margin m
 * ({@link settlementMargin}), the margin's scale τ ({@link marginScale}) and the analysts'
 * prior: odds(P) = odds(σ(m/τ − 1)) × odds(prior), i.e. logit P = m/τ − 1 + logit(prior). With
 * no prior (½): an empty win-set (m = 0) gives σ(−1) ≈ 27 %, a worst-off gain of one τ 50 %, of
 * three τ 88 %; a sample near the boundary counts as neither certain agreement nor breakdown.
 * The odds of independent evidence multiply (Bordley 1982, "A multiplicative formula for
 * aggregating probability assessments", Management Science 28(10)).
 */
export function agreementProbability(margin: number, tau: number, prior = 0.5): number {
  const z = margin / tau - 1 + Math.log(prior / (1 - prior));
  return 1 / (1 + Math.exp(-z));
}

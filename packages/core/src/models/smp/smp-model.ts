import type { IssueData, ScenarioData } from "../../scenario/prepare.ts";
import { type IssueForecast, type Model, ModelInputError, type Round } from "../model.ts";
import { type ParamSpec, resolveParams } from "../params.ts";
import { canonicalOrder } from "./canonical-order.ts";
import { runSmp, type SmpRun } from "./run-smp.ts";
import {
  KTAB_DEFAULT_SEED,
  SMP_DEFAULTS,
  SMP_ENUMS,
  type SmpCompat,
  type SmpEnumName,
  smpSettings,
} from "./smp-settings.ts";

const enumParam = (name: SmpEnumName, description: string): ParamSpec => ({
  name,
  kind: "enum",
  values: SMP_ENUMS[name],
  default: SMP_DEFAULTS[name],
  description,
});

/**
 * The SMP's parameters: KTAB's nine model parameters under KTAB's names and value names (spec
 * `docs/research/spec-ktab-smp.md` §5.10, KTAB `smp.h`/`kmodel.h`, commit 3b5b063), then ideal
 * adjustment, KTAB's run control, the Stochastic seed, the forecast rule and the compat mode.
 * Source: KTAB examples/smp/libsrc/smp.h, smp.cpp (commit 3b5b063) and web/tutorial/SMPTutorial.md;
 * spec `docs/research/spec-ktab-smp.md` §5.9, §5.10; docs/ktab-differences.md. Method: Wise,
 * "Multidimensional Bargaining Using KTAB".
 */
export const SMP_PARAMS: readonly ParamSpec[] = [
  enumParam(
    "VictoryProbModel",
    "pairwise victory probability from coalition strengths: odds ∝ s (Linear), s², s⁴, s⁸ or a 1.1-ratio threshold (Binary)",
  ),
  enumParam(
    "PCEModel",
    "Probabilistic Condorcet Election solver: Conditional (product of pairwise wins), MarkovIncentive or MarkovUniform",
  ),
  enumParam(
    "StateTransitions",
    "Deterministic: each actor takes its most probable bargain; Stochastic: draws one (KTAB's PRNG, param seed)",
  ),
  enumParam(
    "VotingRule",
    "how a vote scales with the utility difference Δ: Prop w·Δ, Binary w·sign, Cubic w·Δ³, …",
  ),
  enumParam(
    "BigRAdjust",
    "how much of i's own risk attitude h sees when estimating i's utilities (None: h projects its own; Full: i's true one)",
  ),
  enumParam(
    "BigRRange",
    "range of risk attitudes from position probabilities: Min [0,1], Mid [−½,1], Max [−1,1]",
  ),
  enumParam(
    "ThirdPartyCommit",
    "what a third party in a challenge commits to (SemiCommit: the losing side adopts the winner's position)",
  ),
  enumParam(
    "InterVecBrgn",
    "bargain interpolation: weights salience·probability (S1P1), their squares (S2P2), or S2PMax",
  ),
  enumParam(
    "BargnModel",
    "offers: initiator's interpolation only, plus the receiver's view (InitRcvrInterp), or their power-weighted mean",
  ),
  {
    name: "idealAdjustment",
    kind: "number",
    default: 1,
    min: 0,
    max: 1,
    description:
      "how far each actor's ideal follows its own new position each turn (KTAB accommodation A = a·I): 1 = ideals equal positions (KTAB's default), 0 = ideals stay at the inputs",
  },
  {
    name: "maxTurns",
    kind: "integer",
    default: 100,
    min: 1,
    max: 10000,
    description: "maximum number of bargaining turns (KTAB: 100)",
  },
  {
    name: "stopRatio",
    kind: "number",
    default: 0.02,
    min: 0,
    max: 1,
    description:
      "stop (from turn 2) when a turn's total movement falls below this fraction of the first turn's (KTAB: 0.02)",
  },
  {
    name: "positionTolerance",
    kind: "number",
    default: 0.001,
    min: 0,
    max: 1,
    description:
      "positions closer than this (Euclidean distance, every scale mapped to [0,1]) count as one outcome (KTAB: 0.001)",
  },
  {
    name: "seed",
    kind: "integer",
    default: 0,
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    description:
      "PRNG seed for StateTransitions=Stochastic; 0 = KTAB's default seed 0xD67CC16FE69C185C",
  },
  {
    name: "forecast",
    kind: "enum",
    values: ["expected", "modal"],
    default: "expected",
    description:
      "the number reported per issue: the final turn's PCE-probability-weighted mean of the distinct positions (expected) or the most probable one (modal)",
  },
  {
    name: "compat",
    kind: "enum",
    values: ["corrected", "ktab"],
    default: "corrected",
    description:
      "corrected: fix KTAB's bugs (docs/ktab-differences.md) and run in an input-order-independent actor order; ktab: reproduce KTAB exactly",
  },
];

/**
 * One distinct position of a turn's outcome distribution, projected on one issue.
 * Source: KTAB examples/smp/libsrc/smp.h, smp.cpp (commit 3b5b063) and web/tutorial/SMPTutorial.md;
 * spec `docs/research/spec-ktab-smp.md` §5.9, §5.10; docs/ktab-differences.md. Method: Wise,
 * "Multidimensional Bargaining Using KTAB".
 */
export interface SmpOutcome {
  /** The position on the issue's scale (the cluster representative's coordinate). */
  position: number;
  /** PCE probability that this (multi-dimensional) position prevails. */
  probability: number;
  /** Ids of the actors at this position (within positionTolerance). */
  actors: string[];
}

/**
 * The SMP's per-issue `details`. Outcome lists are in the same order on every issue.
 * Source: KTAB examples/smp/libsrc/smp.h, smp.cpp (commit 3b5b063) and web/tutorial/SMPTutorial.md;
 * spec `docs/research/spec-ktab-smp.md` §5.9, §5.10; docs/ktab-differences.md. Method: Wise,
 * "Multidimensional Bargaining Using KTAB".
 */
export interface SmpDetails {
  /** The ids of all issues, the model's dimensions (the run is joint). */
  dimensions: string[];
  compat: SmpCompat;
  stop: "converged" | "max-turns";
  /** Number of turns T (states 0..T). */
  turns: number;
  forecastRule: "expected" | "modal";
  /** Σ_u p_u·x_u over the final distinct positions. */
  expected: number;
  /** The final turn's most probable position (first maximum) and its probability. */
  modal: number;
  modalProbability: number;
  /**
   * Per turn: movement ratio (turns ≥ 1) and the distinct positions with their probabilities,
   * most probable first (ties: the one whose first actor comes first in the scenario).
   */
  outcomes: { turn: number; ratio?: number; positions: SmpOutcome[] }[];
  /** Per turn, KTAB's logged "probability that actor i's position wins", by actor id. */
  winProbabilities: Record<string, number>[];
  /** Ideals per turn, when they can differ from positions (idealAdjustment < 1). */
  ideals?: Round[];
  /** Actors whose saliences summed to over 100 and were scaled to sum to 100. */
  normalizedSaliences?: string[];
  /**
   * Actors with no stance on this issue: they take part in the joint run with zero salience on
   * this dimension (starting at the others' salience·capability-weighted mean) and are left out
   * of `rounds`.
   */
  absent?: string[];
}

/**
 * KTAB's Spatial Model of Politics (SMP) as an Entente model: all issues of the scenario are
 * the dimensions of one joint run. An actor without a stance on an issue takes no part in that
 * dimension: zero salience on it (its distances ignore it, its bargains on it follow the other
 * side), starting at the salience·capability-weighted mean of the actors with a stance, so its
 * position there is irrelevant to it and pulls no side; it is left out of that issue's rounds.
 * Positions map from each issue's [min,max] to KTAB's [0,1] and back; saliences are divided by 100 (an actor
 * whose saliences sum to over 100 — which KTAB rejects — has them scaled to sum to 100); raw
 * capabilities. Forecast: the final turn's PCE-probability-weighted mean of the distinct
 * positions ("expected"), or the most probable distinct position ("modal"); KTAB itself reports
 * no single number (spec §5.9). `rounds` are the positions per turn (round 0 = inputs).
 * Deterministic tie rule: exact probability ties between bargains go to the status quo, then to
 * the bargain of the earliest initiator, in input order under compat "ktab" (matching KTAB's
 * single-threaded order), in {@link canonicalOrder} under "corrected" (so the result does not
 * depend on how the scenario lists the actors).
 * Source: KTAB examples/smp/libsrc/{smp.cpp,smpbcn.cpp}, KTAB/kmodel/libsrc/kmodel.cpp (commit
 * 3b5b063); spec `docs/research/spec-ktab-smp.md` §5. Method: Wise, "An Introduction to KTAB" and
 * "Multidimensional Bargaining Using KTAB"; Wise & Bankes (2015), "Non-spatial Probabilistic
 * Condorcet Election Methodology" (KAPSARC).
 */
export const smpModel: Model = {
  id: "smp",
  label: "KTAB spatial model (SMP)",
  reference:
    "Wise et al., KTAB Spatial Model of Politics (KAPSARC 2015–2019): multi-dimensional bargaining with probabilistic Condorcet elections",
  dynamic: true,
  params: SMP_PARAMS,
  run(scenarioData: ScenarioData, options) {
    const v = resolveParams(smpModel, options);
    const data = atTheTable(scenarioData);
    const compat = v.compat as SmpCompat;
    const settings = smpSettings({
      ...(Object.fromEntries(
        (Object.keys(SMP_ENUMS) as SmpEnumName[]).map((k) => [k, String(v[k])]),
      ) as Record<SmpEnumName, string>),
      compat,
      maxTurns: v.maxTurns as number,
      stopRatio: v.stopRatio as number,
      positionTolerance: v.positionTolerance as number,
      seed: (v.seed as number) === 0 ? KTAB_DEFAULT_SEED : BigInt(v.seed as number),
    });
    if (data.issues.length === 0) return { model: "smp", issues: [] };
    const input = smpInput(data, compat);
    const { n, m } = input;
    const order =
      compat === "corrected"
        ? canonicalOrder(n, m, input.positions, input.saliences, input.capabilities)
        : Int32Array.from({ length: n }, (_, i) => i);
    const permute = (src: Float64Array, w: number) => {
      const out = new Float64Array(n * w);
      for (let r = 0; r < n; r++)
        out.set(src.subarray((order[r] as number) * w, (order[r] as number) * w + w), r * w);
      return out;
    };
    const a = v.idealAdjustment as number;
    let accommodation: Float64Array | undefined;
    if (a !== 1) {
      accommodation = new Float64Array(n * n);
      for (let i = 0; i < n; i++) accommodation[i * n + i] = a;
    }
    const run = runSmp(
      {
        n,
        m,
        capabilities: permute(input.capabilities, 1),
        positions: permute(input.positions, m),
        saliences: permute(input.saliences, m),
        accommodation,
      },
      settings,
      options?.forecastOnly ? "last" : "all",
    );
    // rank[i] = where scenario actor i sits in the run's order.
    const rank = new Int32Array(n);
    order.forEach((i, r) => {
      rank[i] = r;
    });
    const ids = data.actors.map((actor) => actor.id);
    const forecastRule = v.forecast as "expected" | "modal";
    if (options?.forecastOnly) {
      return {
        model: "smp",
        issues: data.issues.map((issue, q) => {
          const final = finalOutcome(run, m, q, issue);
          return {
            issue: issue.id,
            forecast: forecastRule === "modal" ? final.modal : final.expected,
          };
        }),
      };
    }
    const turns = turnOutcomes(run, ids, rank);
    return {
      model: "smp",
      issues: data.issues.map((issue, q) =>
        issueResult(run, turns, ids, rank, m, q, issue, {
          dimensions: data.issues.map((i) => i.id),
          compat,
          forecastRule,
          ideals: a !== 1,
          normalized: input.normalized,
        }),
      ),
    };
  },
};

/**
 * The scenario with only the actors that take part in at least one issue (a phase's table, or
 * after a shock removed someone), renumbered in scenario order.
 */
function atTheTable(data: ScenarioData): ScenarioData {
  const present = new Uint8Array(data.actors.length);
  for (const issue of data.issues) for (const a of issue.actors) present[a] = 1;
  if (present.every((x) => x === 1)) return data;
  const index = new Int32Array(data.actors.length).fill(-1);
  const actors: ScenarioData["actors"][number][] = [];
  data.actors.forEach((actor, i) => {
    if (!present[i]) return;
    index[i] = actors.length;
    actors.push(actor);
  });
  return {
    ...data,
    actors,
    issues: data.issues.map((issue) => ({
      ...issue,
      actors: Int32Array.from(issue.actors, (a) => index[a] as number),
    })),
  };
}

interface SmpInput {
  n: number;
  m: number;
  capabilities: Float64Array;
  positions: Float64Array;
  saliences: Float64Array;
  normalized: string[];
}

/** The scenario on KTAB's scale, in scenario actor order; throws ModelInputError on gaps. */
function smpInput(data: ScenarioData, compat: SmpCompat): SmpInput {
  const n = data.actors.length;
  const m = data.issues.length;
  if (n === 0) throw new ModelInputError('model "smp" needs at least one actor');
  const capabilities = new Float64Array(n).fill(Number.NaN);
  const positions = new Float64Array(n * m).fill(Number.NaN);
  const saliences = new Float64Array(n * m);
  data.issues.forEach((issue, q) => {
    const width = issue.max - issue.min;
    if (!(width > 0)) {
      throw new ModelInputError(
        `model "smp": issue "${issue.id}" has an empty scale (${issue.min} to ${issue.max})`,
      );
    }
    issue.actors.forEach((actor, r) => {
      positions[actor * m + q] = ((issue.positions[r] as number) - issue.min) / width;
      saliences[actor * m + q] = (issue.saliences[r] as number) / 100;
      capabilities[actor] = issue.capabilities[r] as number;
    });
  });
  // An actor without a stance on an issue takes no part in that dimension: salience 0 (its
  // distances ignore it, and its bargains on it follow the other side), starting at the
  // salience·capability-weighted mean of those who have a stance, so it pulls no side.
  data.issues.forEach((issue, q) => {
    if (issue.actors.length === n) return;
    let sum = 0;
    let weight = 0;
    let plain = 0;
    issue.actors.forEach((actor) => {
      const w = (saliences[actor * m + q] as number) * (capabilities[actor] as number);
      sum += w * (positions[actor * m + q] as number);
      weight += w;
      plain += positions[actor * m + q] as number;
    });
    const neutral = weight > 0 ? sum / weight : plain / issue.actors.length;
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(positions[i * m + q])) continue;
      positions[i * m + q] = neutral;
    }
  });
  const normalized: string[] = [];
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let q = 0; q < m; q++) sum += saliences[i * m + q] as number;
    const id = data.actors[i]?.id ?? String(i);
    if (sum > 1) {
      for (let q = 0; q < m; q++) saliences[i * m + q] = (saliences[i * m + q] as number) / sum;
      normalized.push(id);
    }
    if (sum === 0 && compat === "ktab") {
      throw new ModelInputError(
        `model "smp" (compat ktab): actor "${id}" has zero salience on every issue; KTAB cannot measure its distances (use compat=corrected)`,
      );
    }
  }
  return { n, m, capabilities, positions, saliences, normalized };
}

/**
 * The final turn on issue q, on the issue's scale: the PCE-probability-weighted mean of the
 * distinct positions and the most probable one (first maximum) with its probability.
 */
function finalOutcome(run: SmpRun, m: number, q: number, data: IssueData) {
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

/** What every issue's details share per turn: win probabilities and the outcome clusters. */
interface TurnOutcome {
  win: Record<string, number>;
  /** Representatives (indices into the state's outcome), most probable first. */
  byProbability: number[];
  /** The actors of each representative's cluster. */
  members: string[][];
}

/** The per-turn outcome data, computed once and shared by every issue's details. */
function turnOutcomes(run: SmpRun, ids: string[], rank: Int32Array): TurnOutcome[] {
  const n = ids.length;
  return run.states.map((st) => {
    const win: Record<string, number> = {};
    for (let i = 0; i < n; i++)
      win[ids[i] as string] = st.outcome.actorProbabilities[rank[i] as number] as number;
    const { representatives, probabilities, cluster } = st.outcome;
    const members = representatives.map((): string[] => []);
    for (let i = 0; i < n; i++)
      members[cluster[rank[i] as number] as number]?.push(ids[i] as string);
    const first = members.map((list) => ids.indexOf(list[0] as string));
    const byProbability = representatives
      .map((_, u) => u)
      .sort(
        (a, b) =>
          (probabilities[b] as number) - (probabilities[a] as number) ||
          (first[a] as number) - (first[b] as number),
      );
    return { win, byProbability, members };
  });
}

function issueResult(
  run: SmpRun,
  turns: TurnOutcome[],
  ids: string[],
  rank: Int32Array,
  m: number,
  q: number,
  data: IssueData,
  opts: {
    dimensions: string[];
    compat: SmpCompat;
    forecastRule: "expected" | "modal";
    ideals: boolean;
    normalized: string[];
  },
): IssueForecast {
  const n = ids.length;
  const { id: issue, min, max } = data;
  const width = max - min;
  // Positions that never moved are reported as the exact inputs (the [0,1] round trip can be
  // an ulp off); actor i's input on this issue:
  const input = new Float64Array(n).fill(Number.NaN);
  data.actors.forEach((actor, r) => {
    input[actor] = data.positions[r] as number;
  });
  // Actors without a stance here take no part in this dimension: not reported on it.
  const absent = ids.filter((_, i) => Number.isNaN(input[i]));
  const initial = (run.states[0] as SmpRun["states"][number]).positions;
  const report = (t: number, i: number, r: number) =>
    t === initial[r * m + q] ? (input[i] as number) : toScale(t);
  const toScale = (t: number) => Math.min(max, Math.max(min, min + t * width));
  const rounds: Round[] = [];
  const ideals: Round[] = [];
  const outcomes: SmpDetails["outcomes"] = [];
  const winProbabilities: Record<string, number>[] = [];
  run.states.forEach((st, turn) => {
    const positions: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const r = rank[i] as number;
      if (!Number.isNaN(input[i]))
        positions[ids[i] as string] = report(st.positions[r * m + q] as number, i, r);
    }
    rounds.push({ round: turn, positions });
    if (opts.ideals) {
      const idl: Record<string, number> = {};
      for (let i = 0; i < n; i++) {
        const r = rank[i] as number;
        if (!Number.isNaN(input[i]))
          idl[ids[i] as string] = report(st.ideals[r * m + q] as number, i, r);
      }
      ideals.push({ round: turn, positions: idl });
    }
    const { win, byProbability, members } = turns[turn] as TurnOutcome;
    winProbabilities.push(win);
    const { representatives, probabilities } = st.outcome;
    outcomes.push({
      turn,
      ...(st.ratio === undefined ? {} : { ratio: st.ratio }),
      positions: byProbability.map((u) => ({
        position: toScale(st.positions[(representatives[u] as number) * m + q] as number),
        probability: probabilities[u] as number,
        actors: members[u] as string[],
      })),
    });
  });
  const final = finalOutcome(run, m, q, data);
  const details: SmpDetails = {
    dimensions: opts.dimensions,
    compat: opts.compat,
    stop: run.stop,
    turns: run.states.length - 1,
    forecastRule: opts.forecastRule,
    ...final,
    outcomes,
    winProbabilities,
    ...(opts.ideals ? { ideals } : {}),
    ...(opts.normalized.length > 0 ? { normalizedSaliences: opts.normalized } : {}),
    ...(absent.length > 0 ? { absent } : {}),
  };
  return {
    issue,
    forecast: opts.forecastRule === "modal" ? details.modal : details.expected,
    rounds,
    details: details as unknown as Record<string, unknown>,
  };
}

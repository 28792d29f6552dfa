import type { IssueData, ScenarioData } from "../../scenario/prepare.ts";
import {
  type IssueForecast,
  type Model,
  ModelInputError,
  type ModelResult,
  type Round,
  type RunOptions,
} from "../model.ts";
import { type ParamSpec, type ParamValues, resolveParams } from "../params.ts";
import { type Arithmetic, decimal28, float64 } from "./arithmetic.ts";
import type { Candidate } from "./equal-gain.ts";
import { exchangeRound } from "./exchange-round.ts";
import {
  type ExchangeIssue,
  type ExchangeRules,
  outcomeOf,
  type RoundContext,
} from "./round-context.ts";

/** One exchange the model realised: who gave ground on which issue, and what each side gained. */
export interface ExchangeRecord {
  round: number;
  /** Actor I: moves on issue `q` and is moved towards on `p`. */
  i: string;
  /** Actor J: moves on issue `p` and is moved towards on `q`. */
  j: string;
  p: string;
  q: string;
  /**
   * I's move on q and J's move on p, on each issue's own scale: from where each stood when the
   * exchange was realised (after earlier exchanges of the round on the same issue) to its
   * voting position.
   */
  iFrom: number;
  iTo: number;
  jFrom: number;
  jTo: number;
  /**
   * The equal gain of both sides: each side's salience-weighted pull of the two outcomes its way
   * (outcome shift on 0–100 × salience on 0–1, what it gains on one issue less what it gives on
   * the other).
   */
  gain: number;
}

/** The exchange model's parameters. */
export const exchangeParams: readonly ParamSpec[] = [
  {
    name: "rounds",
    kind: "integer",
    default: 1,
    min: 0,
    max: 1000,
    description:
      "Rounds of exchange (1 = the published model; the reference runs use 10). Each round starts " +
      "from the last, every exchanging actor part of the way to its voting position.",
  },
  {
    name: "salienceWeight",
    kind: "number",
    default: 0.4,
    min: 0,
    max: 1,
    description:
      "Next round's start: an actor that exchanged moves w = salienceWeight·(1 − s) + fixedWeight " +
      "of the way from its start to its voting position (s its salience on 0–1)",
  },
  {
    name: "fixedWeight",
    kind: "number",
    default: 0.1,
    min: 0,
    max: 1,
    description: "Next round's start: the part of w that does not depend on salience",
  },
  {
    name: "arithmetic",
    kind: "enum",
    default: "float64",
    values: ["float64", "decimal28"],
    description:
      "Number system: float64, or the 28-digit decimals of the reference implementation (slower; " +
      "needed for bit-level parity with its runs, spec-exchange §9)",
  },
  {
    name: "tolerance",
    kind: "number",
    default: 1e-9,
    min: 0,
    max: 1,
    description:
      "Distance on the 0–100 scale within which a position counts as at an outcome (0: exact " +
      "comparisons, whose rounding residues decide the reference's knife edges, spec §7)",
  },
  {
    name: "tieTolerance",
    kind: "number",
    default: 1e-12,
    min: 0,
    max: 1e-3,
    description:
      "Gains within this relative distance of the largest are ties, realised in the order the " +
      "candidates were made (0: exact gains, whose rounding residues order the reference's " +
      "mathematically equal gains, spec §7)",
  },
  {
    name: "meanWhenUnweighted",
    kind: "boolean",
    default: true,
    description:
      "An issue on which no actor has weight (every salience or capability 0) lands at the " +
      "plain mean of the positions (the reference puts it at the scale's low end)",
  },
  {
    name: "maxCandidates",
    kind: "integer",
    default: 100_000,
    min: 1,
    max: 100_000_000,
    description:
      "The most candidate trades a round may weigh (pairs of actors on opposite sides of two " +
      "issues' outcomes); a larger scenario is refused with this reason instead of running for " +
      "minutes (100,000 candidates take seconds on one core)",
  },
  {
    name: "boundBelow",
    kind: "boolean",
    default: true,
    description:
      "Bound an actor's summed moves on an issue below as well as above (the reference bounds " +
      "them above only, spec §7)",
  },
];

/** `corrected` (default): spec §7 fixed. `compat=decide`: the reference implementation's behaviour. */
export const exchangePresets: Readonly<Record<string, ParamValues>> = {
  corrected: {},
  "compat=decide": {
    arithmetic: "decimal28",
    tolerance: 0,
    tieTolerance: 0,
    meanWhenUnweighted: false,
    boundBelow: false,
  },
};

/** A finished run: per round the voting positions and outcomes (0–100) and the exchanges. */
interface Trace<T> {
  positions: T[][][];
  outcomes: T[][];
  exchanges: Candidate<T>[][];
  /** Per round, how many realised exchanges had a rival of equal gain. */
  ties: number[];
}

/** Run `params.rounds` rounds in arithmetic A on the issues normalised to 0–100 (spec §1, §3). */
function simulate<T>(A: Arithmetic<T>, data: ScenarioData, params: ParamValues): Trace<T> {
  const nIssues = data.issues.length;
  const nActors = data.actors.length;
  const slot = new Int32Array(nActors * nIssues).fill(-1);
  const hundred = A.of(100);
  const issues = data.issues.map((issue, k): ExchangeIssue<T> => {
    for (const [j, a] of issue.actors.entries()) slot[a * nIssues + k] = j;
    const s = Array.from(issue.saliences, (x) => A.div(A.of(x), hundred));
    const c = Array.from(issue.capabilities, (x) => A.of(x));
    let weight = A.zero;
    for (let j = 0; j < s.length; j++) weight = A.add(weight, A.mul(s[j] as T, c[j] as T));
    return { actors: issue.actors, s, c, weight };
  });
  const rules: ExchangeRules = {
    tolerance: params.tolerance as number,
    boundBelow: params.boundBelow as boolean,
    tieTolerance: params.tieTolerance as number,
    meanWhenUnweighted: params.meanWhenUnweighted as boolean,
    maxCandidates: params.maxCandidates as number,
  };
  let x = data.issues.map((issue) => {
    const lower = A.of(issue.min);
    const scale = A.div(hundred, A.sub(A.of(issue.max), lower));
    return Array.from(issue.positions, (v) => A.mul(A.sub(A.of(v), lower), scale));
  });
  const context = (x: T[][]): RoundContext<T> => ({
    A,
    rules,
    issues,
    x,
    slot,
    nActors,
    zero: A.zero,
    hundred,
    epsilon: A.of(1e-10),
    tolerance: A.of(rules.tolerance),
  });
  const weights = {
    salience: A.exact(params.salienceWeight as number),
    fixed: A.exact(params.fixedWeight as number),
  };
  const start = context(x);
  const trace: Trace<T> = {
    positions: [x],
    outcomes: [outcomesAt(start, x)],
    exchanges: [[]],
    ties: [0],
  };
  for (let t = 1; t <= (params.rounds as number); t++) {
    const round = exchangeRound(context(x), weights);
    trace.positions.push(round.voting);
    trace.outcomes.push(round.outcomes);
    trace.exchanges.push(round.exchanges);
    trace.ties.push(round.ties);
    x = round.next;
  }
  return trace;
}

/** Each issue's outcome on the positions `x` (§2). */
const outcomesAt = <T>(ctx: RoundContext<T>, x: T[][]): T[] =>
  ctx.issues.map((_, k) => outcomeOf(ctx, k, (j) => (x[k] as T[])[j] as T));

/** A value on 0–100 back on issue k's own scale. */
function ownScale(data: ScenarioData, k: number, v: number): number {
  const issue = data.issues[k] as IssueData;
  return issue.min + (v / 100) * (issue.max - issue.min);
}

/** The trace as a model result: positions and outcomes on each issue's own scale, ids for indices. */
function report<T>(
  A: Arithmetic<T>,
  data: ScenarioData,
  trace: Trace<T>,
  forecastOnly: boolean,
): ModelResult {
  const last = trace.outcomes[trace.outcomes.length - 1] as T[];
  const clamp = (issue: IssueData, v: number) => Math.min(issue.max, Math.max(issue.min, v));
  const forecast = (k: number) =>
    clamp(data.issues[k] as IssueData, ownScale(data, k, A.toNumber(last[k] as T)));
  if (forecastOnly) {
    return {
      model: "exchange",
      issues: data.issues.map((issue, k) => ({ issue: issue.id, forecast: forecast(k) })),
    };
  }
  const id = (a: number) => data.actors[a]?.id ?? String(a);
  const issues = data.issues.map((issue, k): IssueForecast => {
    const rounds: Round[] = trace.positions.map((x, round) => {
      const positions: Record<string, number> = {};
      for (const [j, a] of issue.actors.entries()) {
        positions[id(a)] = ownScale(data, k, A.toNumber((x[k] as T[])[j] as T));
      }
      return { round, positions };
    });
    const outcomes = trace.outcomes.map((o) => ownScale(data, k, A.toNumber(o[k] as T)));
    return { issue: issue.id, forecast: forecast(k), rounds, details: { outcomes } };
  });
  const exchanges: ExchangeRecord[] = trace.exchanges.flatMap((list, round) =>
    list.map((e) => {
      const at = (k: number, v: T) => ownScale(data, k, A.toNumber(v));
      return {
        round,
        i: id(e.I.actor),
        j: id(e.J.actor),
        p: (data.issues[e.p] as IssueData).id,
        q: (data.issues[e.q] as IssueData).id,
        iFrom: at(e.q, e.I.supplyPos),
        iTo: at(e.q, e.I.y),
        jFrom: at(e.p, e.J.supplyPos),
        jTo: at(e.p, e.J.y),
        gain: A.toNumber(e.gain),
      };
    }),
  );
  return { model: "exchange", issues, details: { exchanges, ties: trace.ties } };
}

/**
 * The exchange model of Stokman & Van Oosten (1994), "equal gain" variant, as specified in
 * docs/research/spec-exchange.md: actors on opposite sides of two issues' outcomes trade voting
 * positions — each gives ground on the issue it cares less about for ground on the one it cares
 * more about, both gaining equally — best gain first; each issue then lands at the capability ×
 * salience weighted mean of the voting positions. Positions are normalised to 0–100 on each
 * issue's scale; capability may differ by issue (a stance's own `capability`).
 *
 * Forecast: the outcome after the last round. `rounds` holds each round's voting positions
 * (round 0 = the inputs), `details.outcomes` each round's outcome, and the result's
 * `details.exchanges` every realised exchange in order ({@link ExchangeRecord}) and
 * `details.ties` per round how many were chosen among equal gains (by the order made).
 *
 * Presets: `corrected` (default; spec §7 fixed: tolerance at knife edges, moves bounded both
 * ways, no outcome at the scale's end for an issue nobody weighs) and `compat=decide` (the
 * reference implementation's behaviour in its 28-digit decimal arithmetic, reproducing its runs).
 * Exact ties in gain keep input order under both.
 */
export const exchange: Model = {
  id: "exchange",
  label: "Exchange (Stokman–Van Oosten)",
  reference:
    "Stokman & Van Oosten 1994 (European Community Decision Making, ch. 5); Arregui, Stokman & Thomson 2006 (The European Union Decides, ch. 5)",
  dynamic: true,
  trades: true,
  params: exchangeParams,
  presets: exchangePresets,
  run(data, options) {
    const params = resolvedParams(options);
    const forecastOnly = options?.forecastOnly === true;
    if (params.arithmetic === "decimal28") {
      return report(decimal28, data, simulate(decimal28, data, params), forecastOnly);
    }
    return report(float64, data, simulate(float64, data, params), forecastOnly);
  },
};

const resolvedCache = new WeakMap<object, ParamValues>();

/** Resolved parameters, once per options object (Monte Carlo runs the model thousands of times). */
function resolvedParams(options: RunOptions | undefined): ParamValues {
  if (options === undefined) return resolveParams(exchange);
  let resolved = resolvedCache.get(options);
  if (!resolved) {
    resolved = resolveParams(exchange, options);
    resolvedCache.set(options, resolved);
  }
  return resolved;
}

/**
 * The exchanges the exchange model expects on a scenario, in the order realised: the model's
 * account of "what A can offer B" (default: the `corrected` preset, one round, every actor at
 * the table); undefined when the model cannot run on the scenario (too many candidates).
 */
export function expectedTrades(
  data: ScenarioData,
  options?: RunOptions,
): ExchangeRecord[] | undefined {
  try {
    return (exchange.run(data, options).details?.exchanges ?? []) as ExchangeRecord[];
  } catch (e) {
    if (e instanceof ModelInputError) return undefined;
    throw e;
  }
}

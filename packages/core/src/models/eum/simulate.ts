import { weightedMean } from "../compromise.ts";
import { weightedMedian } from "../weighted-median.ts";
import type { EumOptions } from "./options.ts";
import { createWorkspace, type EumActors, type EumWorkspace, eumRound } from "./round.ts";

/**
 * One issue's inputs, as in Scholz et al. (2011) Table 1: positions on the issue's scale,
 * capabilities, saliences on 0–100.
 */
export interface EumIssueInput {
  positions: ArrayLike<number>;
  capabilities: ArrayLike<number>;
  /** Saliences on 0–100; the model uses them divided by 100 (spec §2.1). */
  saliences: ArrayLike<number>;
  /** The issue's scale (for `range` = `scale` and the stopping tolerance). */
  min: number;
  max: number;
}

/**
 * Why a run ended (A12): all `rounds` were run with `stop` = `fixed` (the paper's fixed τ,
 * Appendix step 13); the median settled (`stable`); or `stable` reached the round limit first.
 */
export type EumStopReason = "fixed-rounds" | "stable-median" | "round-limit";

/**
 * A run of the expected-utility model (Scholz et al. 2011, Appendix steps 1–13) on one issue,
 * in the input's actor order — the numbers behind the paper's Table 2.
 */
export interface EumTrace {
  /** Positions after each round; index 0 = the inputs. */
  positions: Float64Array[];
  /** Risk exponents of each round (eqs. 32–33); index 0 = round 1. */
  riskExponents: Float64Array[];
  /** Range R used in each round (eq. 14); index 0 = round 1. */
  ranges: number[];
  /** Weighted median (Condorcet winner, weights c·s) after each round; index 0 = the inputs. */
  medians: number[];
  /** Weighted mean Σcsx/Σcs after each round; index 0 = the inputs. */
  means: number[];
  /**
   * Each round's accepted offers (index 0 = round 1), in the input's actor order: `from[i]` =
   * the actor whose offer i took (−1: none), `kind[i]` = 0 confrontation, 1 compromise,
   * 2 capitulation. Recorded runs only.
   */
  offers: Array<{ from: Int32Array; kind: Uint8Array }>;
  stopReason: EumStopReason;
}

/**
 * The order actors are processed in. `canonical`: by position, then salience, then capability,
 * which makes every sum and every tie-break independent of the order the actors were given in
 * (actors equal in all three are interchangeable). `listed`: as given.
 */
function processingOrder(input: EumIssueInput, rule: EumOptions["order"]): Int32Array {
  const { positions: x, saliences: s, capabilities: c } = input;
  const identity = Int32Array.from({ length: x.length }, (_, i) => i);
  if (rule === "listed") return identity;
  return identity.sort(
    (a, b) =>
      (x[a] as number) - (x[b] as number) ||
      (s[a] as number) - (s[b] as number) ||
      (c[a] as number) - (c[b] as number),
  );
}

/**
 * With `record` = false only the final positions and median are kept (for Monte Carlo).
 *
 * Run the expected-utility model of Scholz, Calbert & Smith (2011, ICAART pp. 18–30; Appendix
 * steps 1–13) on one issue: round 0 is the input; each round applies {@link eumRound}; the run
 * ends after `rounds` rounds (`stop` = `fixed`), or earlier when the weighted median has moved
 * by at most `stableTolerance`·(max − min) for `stableRounds` consecutive rounds (`stable`;
 * A12 — the paper has no convergence rule, Bueno de Mesquita stops when the median settles).
 * The range R (eq. 14) is the input positions' spread (`initial`), the current spread
 * (`current`) or the scale width (`scale`). Actors are processed in canonical order unless
 * `order` = `listed`; the trace is returned in the input's order either way.
 */
export function simulateEum(input: EumIssueInput, options: EumOptions, record = true): EumTrace {
  const n = input.positions.length;
  const order = processingOrder(input, options.order);
  const actors: EumActors = {
    c: new Float64Array(n),
    s: new Float64Array(n),
    cs: new Float64Array(n),
  };
  let x = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const c = input.capabilities[i] as number;
    const s = (input.saliences[i] as number) / 100;
    actors.c[k] = c;
    actors.s[k] = s;
    actors.cs[k] = c * s;
    x[k] = input.positions[i] as number;
  }
  const initialRange = spread(x);
  const width = input.max - input.min;
  const tolerance = options.stableTolerance * width;

  const trace: EumTrace = {
    positions: [reorder(x, order)],
    riskExponents: [],
    ranges: [],
    medians: [weightedMedian(x, actors.c, actors.s)],
    means: [weightedMean(x, actors.c, actors.s)],
    offers: [],
    stopReason: options.stop === "fixed" ? "fixed-rounds" : "round-limit",
  };
  const ws = workspaceFor(n);
  let r = new Float64Array(n).fill(1);
  let xNext = new Float64Array(n);
  let rNext = new Float64Array(n);
  let unchanged = 0;
  // A round is a function of the positions and risk exponents it starts from (and R, itself a
  // function of the positions or fixed): once a round leaves both exactly as they were, every
  // later round would too, so the remaining rounds repeat the state without recomputing it.
  let fixedPoint = false;
  for (let t = 1; t <= options.rounds; t++) {
    const R =
      options.range === "initial" ? initialRange : options.range === "current" ? spread(x) : width;
    if (!fixedPoint) {
      eumRound({
        actors,
        positions: x,
        range: R,
        options,
        workspace: ws,
        previousRisk: r,
        positionsOut: xNext,
        riskOut: rNext,
      });
      fixedPoint = sameValues(x, xNext) && sameValues(r, rNext);
      [x, xNext] = [xNext, x];
      [r, rNext] = [rNext, r];
    }
    if (!record && options.stop === "fixed") continue;
    const median = weightedMedian(x, actors.c, actors.s);
    const previous = trace.medians[trace.medians.length - 1] as number;
    if (record) {
      trace.positions.push(reorder(x, order));
      trace.riskExponents.push(reorder(r, order));
      trace.ranges.push(R);
      trace.means.push(weightedMean(x, actors.c, actors.s));
      // (After a fixed point the last computed round's offers stand; nobody moves by them.)
      const from = new Int32Array(n).fill(-1);
      const kind = new Uint8Array(n);
      for (let k = 0; k < n; k++) {
        const p = ws.accepted[k] as number;
        from[order[k] as number] = p < 0 ? -1 : (order[p] as number);
        kind[order[k] as number] = ws.acceptedKind[k] as number;
      }
      trace.offers.push({ from, kind });
    }
    trace.medians.push(median);
    if (options.stop === "stable") {
      unchanged = Math.abs(median - previous) <= tolerance ? unchanged + 1 : 0;
      if (unchanged >= options.stableRounds) {
        trace.stopReason = "stable-median";
        break;
      }
    }
  }
  if (!record) {
    // Only the end state: final positions and median (the forecast).
    trace.positions = [reorder(x, order)];
    trace.medians = [weightedMedian(x, actors.c, actors.s)];
  }
  return trace;
}

/** `v` (in processing order) back in the input's order. */
function reorder(v: Float64Array, order: Int32Array): Float64Array {
  const out = new Float64Array(v.length);
  for (let k = 0; k < v.length; k++) out[order[k] as number] = v[k] as number;
  return out;
}

/** Largest minus smallest value. */
function spread(v: Float64Array): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < v.length; k++) {
    lo = Math.min(lo, v[k] as number);
    hi = Math.max(hi, v[k] as number);
  }
  return hi - lo;
}

/** Scratch workspaces by actor count, reused across runs (a run fills what it reads first). */
const workspaces = new Map<number, EumWorkspace>();

function workspaceFor(n: number): EumWorkspace {
  let ws = workspaces.get(n);
  if (!ws) {
    ws = createWorkspace(n);
    workspaces.set(n, ws);
  }
  return ws;
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

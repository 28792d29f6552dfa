import { weightedMean } from "../compromise.ts";
import { weightedMedian } from "../weighted-median.ts";
import { respond } from "./offers.ts";
import type { EumOptions } from "./options.ts";
import { probabilityMatrix, voterDistances } from "./probability.ts";
import { riskExponents, securityLevels } from "./risk.ts";

/*
 * One bargaining round (Appendix, steps 1–12). Equation numbers: Scholz, Calbert & Smith
 * (2011), "Unravelling Bueno de Mesquita's group decision model", ICAART 2011, pp. 18–30.
 */

/** The fixed inputs of one issue: capability, salience on 0–1 and their product, per actor. */
export interface EumActors {
  c: Float64Array;
  s: Float64Array;
  /** c·s, the voting weight of eqs. 26–29. */
  cs: Float64Array;
}

/**
 * Scratch arrays reused by every round of one run, so that rounds allocate nothing: the vote
 * distances and probabilities of eqs. 26–31, the security levels of eq. 34, |x − μ| / R.
 */
export interface EumWorkspace {
  /** (|x_k − x_a| / R)^e_k at a·n + k. */
  dist: Float64Array;
  /** P(i, j) at i·n + j. */
  prob: Float64Array;
  /** All ones: the unit exponents of the security pass. */
  ones: Float64Array;
  security: Float64Array;
  dMu: Float64Array;
  scratch: Float64Array;
  /** Whose offer each actor took in the last round, and of which kind (see OfferInput). */
  accepted: Int32Array;
  acceptedKind: Uint8Array;
}

/** Allocate the {@link EumWorkspace} for n actors (two n×n matrices for eqs. 26–31). */
export function createWorkspace(n: number): EumWorkspace {
  return {
    dist: new Float64Array(n * n),
    prob: new Float64Array(n * n),
    ones: new Float64Array(n).fill(1),
    security: new Float64Array(n),
    dMu: new Float64Array(n),
    scratch: new Float64Array(n),
    accepted: new Int32Array(n).fill(-1),
    acceptedKind: new Uint8Array(n),
  };
}

/**
 * The median voter position μ (§3.2, Appendix step 3): the Condorcet winner of the positions
 * with weights c·s (lower winner on an exact half split), or the weighted mean (`mu` = `mean`).
 */
export function medianVoter(x: Float64Array, actors: EumActors, rule: EumOptions["mu"]): number {
  return rule === "median"
    ? weightedMedian(x, actors.c, actors.s)
    : weightedMean(x, actors.c, actors.s);
}

/**
 * The two points of a round where {@link eumRound} lets an observer read the workspace: after
 * the security pass (§5, eqs. 32–34) and before the offers (§6).
 */
export type EumRoundStage = "security" | "offers";

/** The named arguments of one {@link eumRound}: the state it starts from and where it writes. */
export interface EumRoundArgs {
  /** The fixed inputs of the issue: capability, salience and c·s per actor. */
  actors: EumActors;
  /** x: every actor's position at the start of the round. Read only. */
  positions: Float64Array;
  /** R, the range that scales distances (|x − y| / R); R ≤ 0 means everyone agrees. */
  range: number;
  /** The resolved model options (μ rule, risk, probability, offers, …). */
  options: EumOptions;
  /** Scratch arrays reused across rounds; {@link eumRound} overwrites them. */
  workspace: EumWorkspace;
  /** The previous round's risk exponents r (all 1 before the first round). Read only. */
  previousRisk: Float64Array;
  /** Receives the new positions, one per actor. */
  positionsOut: Float64Array;
  /** Receives this round's risk exponents r (eqs. 32–33), one per actor. */
  riskOut: Float64Array;
  /**
   * Called after the security pass (`ws.prob` then holds its probabilities, `ws.security` the
   * levels, `riskOut` the new exponents) and once the offer-pass probabilities are in `ws.prob`,
   * for diagnostics.
   */
  observe?: (stage: EumRoundStage, ws: EumWorkspace) => void;
}

/**
 * One round (Appendix steps 1–12): μ; the security pass (eq. 34, exponents 1 or the previous
 * round's) and the risk exponents (eqs. 32–33); probabilities (eqs. 26–31) and expected
 * utilities (eqs. 14–25) with the new exponents; offers and responses (§6, eqs. 35–36); every
 * actor then moves at once. Writes the new positions to `positionsOut` and the exponents to
 * `riskOut` (`previousRisk` holds the previous round's). When R ≤ 0 (everyone agrees) nobody
 * moves and r = 1. `observe`, if given, is called after the security pass and once the
 * offer-pass probabilities are in the workspace (see {@link EumRoundArgs.observe}).
 */
export function eumRound(args: EumRoundArgs): void {
  const {
    actors,
    positions: x,
    range: R,
    options,
    workspace: ws,
    previousRisk: prevR,
    positionsOut: xOut,
    riskOut: rOut,
    observe,
  } = args;
  const n = x.length;
  ws.accepted.fill(-1);
  if (!(R > 0)) {
    xOut.set(x);
    rOut.fill(1);
    return;
  }
  const inOrder = options.order === "listed";
  const mu = medianVoter(x, actors, options.mu);
  for (let i = 0; i < n; i++) ws.dMu[i] = Math.abs((x[i] as number) - mu) / R;

  // Votes of the security pass use the pass's exponents when voters vote with their own r.
  let probVotes: Float64Array | undefined;
  if (options.risk) {
    const exponents = options.securityExponents === "unit" ? ws.ones : prevR;
    probVotes = options.voteRisk ? exponents : ws.ones;
    voterDistances(x, probVotes, R, ws.dist);
    probabilityMatrix(x, actors.cs, ws.dist, options.probability, ws.prob, ws.scratch, inOrder);
    securityLevels(
      {
        x,
        s: actors.s,
        prob: ws.prob,
        exponents,
        dMu: ws.dMu,
        R,
        Q: options.Q,
        view: options.security,
        salience25b: options.salience25b,
      },
      ws.security,
    );
    riskExponents(ws.security, rOut);
    observe?.("security", ws);
  } else {
    rOut.fill(1);
  }

  const votes = options.voteRisk ? rOut : ws.ones;
  if (probVotes !== ws.ones || votes !== ws.ones) {
    voterDistances(x, votes, R, ws.dist);
    probabilityMatrix(x, actors.cs, ws.dist, options.probability, ws.prob, ws.scratch, inOrder);
  }
  observe?.("offers", ws);
  const input = {
    x,
    s: actors.s,
    r: rOut,
    prob: ws.prob,
    dMu: ws.dMu,
    R,
    Q: options.Q,
    perspective: options.perspective,
    salience25b: options.salience25b,
    conflict: options.conflict,
    capitulation: options.capitulation,
    selection: options.selection,
    accepted: ws.accepted,
    acceptedKind: ws.acceptedKind,
  };
  for (let i = 0; i < n; i++) xOut[i] = respond(i, input);
}

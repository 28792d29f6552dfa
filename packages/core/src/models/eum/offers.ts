import type { ConflictRule, Perspective, Salience25b, SelectionRule } from "./options.ts";
import {
  combineExpectedUtility,
  failureUtility,
  moveUtility,
  statusQuoUtility,
  successUtility,
} from "./utility.ts";

/*
 * Offers and responses (§6). Equation numbers: Scholz, Calbert & Smith (2011), ICAART 2011,
 * pp. 18–30.
 */

/** What {@link respond} reads (§6): the state of one round after the risk update (§5). */
export interface OfferInput {
  /** Positions at the start of the round. */
  x: Float64Array;
  /** Saliences on 0–1. */
  s: Float64Array;
  /** Risk exponents of this round (eqs. 32–33). */
  r: Float64Array;
  /** P(i, j) at index i·n + j (eqs. 30–31), with this round's vote exponents. */
  prob: Float64Array;
  /** |x_i − μ| / R per actor (eqs. 22–23). */
  dMu: Float64Array;
  R: number;
  Q: number;
  perspective: Perspective;
  salience25b: Salience25b;
  /**
   * When given, {@link respond} writes here whose offer actor i took: `accepted[i]` = the
   * proposer's index (−1: none) and `acceptedKind[i]` = 0 confrontation, 1 compromise,
   * 2 capitulation. Recording changes no position.
   */
  accepted?: Int32Array | undefined;
  acceptedKind?: Uint8Array | undefined;
  conflict: ConflictRule;
  capitulation: boolean;
  selection: SelectionRule;
}

/**
 * The new position of actor i after it weighs the offers of every actor j at another position
 * (§6.1, Fig. 6; §6.2). For each j, with a = E^i(U_ij) (eq. 25a, i's exponent) and
 * b = E^j(U_ji) (eq. 25b; exponent r_i for `perspective` = `receiver`, r_j for `own`):
 *
 * - b > a > 0, confrontation that i loses: i moves to x_j (none when `conflict` = `no-move`);
 * - a < 0 < b, b > |a|, compromise: i moves to x_i + (x_j − x_i)·|a/b| (eqs. 35–36);
 * - a < 0 < b, |a| > b, capitulation (when `capitulation`): i moves to x_j;
 * - otherwise (stalemate, or i has the upper hand): no offer to i from j.
 *
 * Of several offers, `least-move` takes a confrontation before a compromise before a
 * capitulation and, within that type, the one that moves i least; `scholz-code` does the same
 * except that compromises are ranked by the smallest (|a|·x_i + |b|·x_j)/(|a| + |b|) (Scholz's
 * code; spec §2.4 step 3); `highest-eu` takes the offer with the largest b of any type, then the
 * least move. Remaining ties go to the first proposer in the order the actors are processed
 * (canonical, or as listed — parameter `order`). Cases where j should move are handled when j
 * responds.
 */
export function respond(i: number, input: OfferInput): number {
  const { x, s, r, prob, dMu, R, Q } = input;
  const n = x.length;
  const xi = x[i] as number;
  const ri = r[i] as number;
  const own = input.perspective === "own";
  const printed = input.salience25b === "printed";
  const confront = input.conflict === "lower-moves";
  const capitulate = input.capitulation;
  const selection = input.selection;

  let confTarget = xi;
  let confMove = Number.POSITIVE_INFINITY;
  let confFrom = -1;
  let compTarget = xi;
  let compRank = Number.POSITIVE_INFINITY;
  let compFrom = -1;
  let capTarget = xi;
  let capMove = Number.POSITIVE_INFINITY;
  let capFrom = -1;
  let bestTarget = xi;
  let bestEu = Number.NEGATIVE_INFINITY;
  let bestMove = Number.POSITIVE_INFINITY;
  let bestFrom = -1;
  let bestKind = 0;

  const usqI = statusQuoUtility(ri);
  for (let j = 0; j < n; j++) {
    const xj = x[j] as number;
    if (xj === xi) continue;
    const d = Math.abs(xi - xj) / R;
    const us = successUtility(d, ri);
    const uf = failureUtility(d, ri);
    const moveI = Q === 1 ? 0 : moveUtility(dMu[i] as number, d, ri);
    const a = combineExpectedUtility(
      prob[i * n + j] as number,
      s[j] as number,
      us,
      uf,
      usqI,
      Q,
      moveI,
    );
    // b = E^j(U_ji): the same basic utilities unless j's own exponent differs from i's.
    const rb = (own ? r[j] : ri) as number;
    const same = rb === ri;
    const b = combineExpectedUtility(
      prob[j * n + i] as number,
      (printed ? s[j] : s[i]) as number,
      same ? us : successUtility(d, rb),
      same ? uf : failureUtility(d, rb),
      same ? usqI : statusQuoUtility(rb),
      Q,
      Q === 1 ? 0 : moveUtility(dMu[j] as number, d, rb),
    );
    let target: number;
    let kind: 0 | 1 | 2;
    if (a > 0 && b > a) {
      if (!confront) continue;
      target = xj;
      kind = 0;
    } else if (a < 0 && b > -a) {
      target = xi + (xj - xi) * (-a / b);
      kind = 1;
    } else if (capitulate && a < 0 && b > 0 && -a > b) {
      target = xj;
      kind = 2;
    } else {
      continue;
    }
    const move = Math.abs(target - xi);
    if (selection === "highest-eu") {
      if (b > bestEu || (b === bestEu && move < bestMove)) {
        bestEu = b;
        bestMove = move;
        bestTarget = target;
        bestFrom = j;
        bestKind = kind;
      }
    } else if (kind === 0) {
      if (move < confMove) {
        confMove = move;
        confTarget = target;
        confFrom = j;
      }
    } else if (kind === 1) {
      const rank = selection === "scholz-code" ? (-a * xi + b * xj) / (b - a) : move; // |a| = −a, |b| = b
      if (rank < compRank) {
        compRank = rank;
        compTarget = target;
        compFrom = j;
      }
    } else if (move < capMove) {
      capMove = move;
      capTarget = target;
      capFrom = j;
    }
  }
  // The offer taken (the target), and — for the record — whose it was and of which kind.
  let target = xi;
  let from = -1;
  let taken = 0;
  if (selection === "highest-eu") {
    target = bestTarget;
    from = bestFrom;
    taken = bestKind;
  } else if (confMove < Number.POSITIVE_INFINITY) {
    target = confTarget;
    from = confFrom;
  } else if (compRank < Number.POSITIVE_INFINITY) {
    target = compTarget;
    from = compFrom;
    taken = 1;
  } else if (capMove < Number.POSITIVE_INFINITY) {
    target = capTarget;
    from = capFrom;
    taken = 2;
  }
  if (input.accepted) input.accepted[i] = from;
  if (input.acceptedKind) input.acceptedKind[i] = taken;
  return target;
}

import { interpolateBargain } from "./bargain-interpolation.ts";
import {
  type ChallengeContext,
  challengeEstimate,
  challengeGainBound,
  GAIN_SLACK,
  setEstimator,
} from "./challenge.ts";

/**
 * The bargains proposed in one turn, in the order KTAB's queues list them when run on one
 * thread: by initiator, and for InitRcvrInterp the initiator's offer before the receiver-view one.
 * Bargain b moves its initiator init[b] to posInit[b·m..] and its receiver rcvr[b] to
 * posRcvr[b·m..].
 * Source: KTAB `SMPState::doBCN`, `SMPState::bestChallenge` (examples/smp/libsrc/smpbcn.cpp; commit
 * 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.5, §5.11. Method: Wise, "Multidimensional
 * Bargaining Using KTAB".
 */
export interface Bargains {
  count: number;
  init: Int32Array;
  rcvr: Int32Array;
  posInit: Float64Array;
  posRcvr: Float64Array;
}

/**
 * Minimum expected gain for a challenge to be worth making (KTAB's hard-coded 1e-5).
 * Source: KTAB `SMPState::doBCN`, `SMPState::bestChallenge` (examples/smp/libsrc/smpbcn.cpp; commit
 * 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.5, §5.11. Method: Wise, "Multidimensional
 * Bargaining Using KTAB".
 */
export const MIN_CHALLENGE_GAIN = 1e-5;

/**
 * Each actor i picks the target j ≠ i (ascending) whose challenge it expects to gain most from:
 * the first j with gain Δ_ij > 1e-5 and strictly above the best so far (none: no offer). With
 * p = P_ij, its offer B = interpolateBargain(i, j, p). BargnModel (index): InitOnlyInterp (0) B
 * alone; InitRcvrInterp (1) B plus B' interpolated with j's view p' of the same challenge;
 * PWCompInterp (2) one offer (w_i·B + w_j·B')/(w_i + w_j) with w_i = c_i·σ_i.
 *
 * Compat "ktab" reproduces spec §5.12 #1: p' is j's estimate of i's *utility gain*
 * (`get<1>(probEduChlg(j,i,i,j))`), not of P[i beats j]; and #2: w_j = c_i·σ_j (i's capability).
 * "corrected" uses j's estimate of P[i beats j] and w_j = c_j·σ_j.
 * Source: KTAB `SMPState::doBCN`, `SMPState::bestChallenge` (examples/smp/libsrc/smpbcn.cpp,
 * commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.5, §5.12. Method: Wise,
 * "Multidimensional Bargaining Using KTAB" (KAPSARC).
 */
export function makeOffers(
  ctx: ChallengeContext,
  m: number,
  x: Float64Array,
  s: Float64Array,
  c: Float64Array,
): Bargains {
  const { n, settings, sigma } = ctx;
  const cap = 2 * n;
  const b: Bargains = {
    count: 0,
    init: new Int32Array(cap),
    rcvr: new Int32Array(cap),
    posInit: new Float64Array(cap * m),
    posRcvr: new Float64Array(cap * m),
  };
  const out = new Float64Array(2);
  const tmpI = new Float64Array(m);
  const tmpJ = new Float64Array(m);
  const bound = new Float64Array(n);
  const byBound = Array.from({ length: n }, (_, j) => j);
  const mode = settings.interVecBrgn;
  const ktab = settings.compat === "ktab";
  for (let i = 0; i < n; i++) {
    setEstimator(ctx, i, i);
    // The best target (largest gain, ties to the lowest index), evaluating targets in order of
    // their gain bound and stopping once no bound can beat the best gain so far: the same
    // choice as trying every j in order, with far fewer O(n) estimates.
    for (let j = 0; j < n; j++) {
      const b = j === i ? -1 : challengeGainBound(ctx, j);
      bound[j] = Number.isNaN(b) ? Number.POSITIVE_INFINITY : b; // NaN: no bound, always tried
    }
    byBound.sort((a, b) => (bound[b] as number) - (bound[a] as number) || a - b);
    let best = -1;
    let target = -1;
    let pBest = 0;
    for (let r = 0; r < n; r++) {
      const j = byBound[r] as number;
      if (j === i) continue;
      if ((bound[j] as number) + GAIN_SLACK < Math.max(best, MIN_CHALLENGE_GAIN)) break;
      challengeEstimate(ctx, i, j, out);
      const gain = out[1] as number;
      if (gain > MIN_CHALLENGE_GAIN && (gain > best || (gain === best && j < target))) {
        best = gain;
        target = j;
        pBest = out[0] as number;
      }
    }
    if (target < 0) continue;
    const at = b.count;
    interpolateBargain(mode, m, s, x, i, target, pBest, b.posInit, b.posRcvr, at * m);
    b.init[at] = i;
    b.rcvr[at] = target;
    b.count++;
    if (settings.bargnModel === 0) continue;
    // j's view of the same challenge (estimator j, affected actor i).
    setEstimator(ctx, target, i);
    challengeEstimate(ctx, i, target, out);
    const pj = (ktab ? out[1] : out[0]) as number;
    if (settings.bargnModel === 1) {
      const at2 = b.count;
      interpolateBargain(mode, m, s, x, i, target, pj, b.posInit, b.posRcvr, at2 * m);
      b.init[at2] = i;
      b.rcvr[at2] = target;
      b.count++;
      continue;
    }
    interpolateBargain(mode, m, s, x, i, target, pj, tmpI, tmpJ, 0);
    const wi = (c[i] as number) * (sigma[i] as number);
    const wj = (ktab ? (c[i] as number) : (c[target] as number)) * (sigma[target] as number);
    const o = at * m;
    if (!(wi + wj > 0)) continue; // both without salience (corrected mode only): keep B
    for (let k = 0; k < m; k++) {
      b.posInit[o + k] = (wi * (b.posInit[o + k] as number) + wj * (tmpI[k] as number)) / (wi + wj);
      b.posRcvr[o + k] = (wi * (b.posRcvr[o + k] as number) + wj * (tmpJ[k] as number)) / (wi + wj);
    }
  }
  return b;
}

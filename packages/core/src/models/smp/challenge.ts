import { victoryProbability } from "../pce/victory-probability.ts";
import { vote } from "../pce/voting-rule.ts";
import { perceivedRisk } from "./risk-attitude.ts";
import { riskUtility } from "./risk-utility.ts";
import type { SmpSettings } from "./smp-settings.ts";
import type { StateAssessment } from "./state-assessment.ts";

/**
 * Scratch and inputs for evaluating challenges in one turn: the turn's assessment, each actor's
 * challenge weight σ_i·c_i and salience total σ_i, and per-estimator caches.
 * Source: KTAB `SMPState::probEduChlg`, `SMPState::setAllAUtil` (examples/smp/libsrc/smpbcn.cpp,
 * smp.cpp; commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.3, §5.4. Method: Wise,
 * "Multidimensional Bargaining Using KTAB".
 */
export interface ChallengeContext {
  n: number;
  state: StateAssessment;
  /** σ_i = Σ_k s_ik (the share of attention actor i gives to the issues at stake). */
  sigma: Float64Array;
  /** σ_i·c_i: the voting weight in challenges. */
  weight: Float64Array;
  settings: SmpSettings;
  /** h's estimate of each actor's risk attitude (for the current estimator h). */
  rh: Float64Array;
  /** u_h(a, i) for every a, for the current estimator h and initiator i. */
  uAI: Float64Array;
  /** u_h(a, a) for every a, for the current estimator h. */
  uAA: Float64Array;
  h: number;
  i: number;
}

/** Rounding slack when comparing a gain bound with a gain (gains are sums of utilities ≤ 2). */
export const GAIN_SLACK = 1e-12;

/**
 * A {@link ChallengeContext} for one turn (no estimator chosen yet).
 * Source: KTAB `SMPState::probEduChlg`, `SMPState::setAllAUtil` (examples/smp/libsrc/smpbcn.cpp,
 * smp.cpp; commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.3, §5.4. Method: Wise,
 * "Multidimensional Bargaining Using KTAB".
 */
export function challengeContext(
  n: number,
  state: StateAssessment,
  sigma: Float64Array,
  weight: Float64Array,
  settings: SmpSettings,
): ChallengeContext {
  return {
    n,
    state,
    sigma,
    weight,
    settings,
    rh: new Float64Array(n),
    uAI: new Float64Array(n),
    uAA: new Float64Array(n),
    h: -1,
    i: -1,
  };
}

/**
 * Make h the estimator and i the initiator of the next {@link challengeEstimate} calls:
 * h's utilities aUtil[h](a,b) = u(D(a,b), estNRA(R_h, R_a)) (spec §5.3), cached per (h, i).
 * Source: KTAB `SMPState::probEduChlg`, `SMPState::setAllAUtil` (examples/smp/libsrc/smpbcn.cpp,
 * smp.cpp; commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.3, §5.4. Method: Wise,
 * "Multidimensional Bargaining Using KTAB".
 */
export function setEstimator(ctx: ChallengeContext, h: number, i: number): void {
  if (ctx.h === h && ctx.i === i) return;
  const { n, rh, uAI, uAA } = ctx;
  const { D, DT, R } = ctx.state;
  const adj = ctx.settings.bigRAdjust;
  const Rh = R[h] as number;
  const io = i * n;
  for (let a = 0; a < n; a++) {
    const r = perceivedRisk(adj, Rh, R[a] as number);
    rh[a] = r;
    uAI[a] = riskUtility(DT[io + a] as number, r);
    uAA[a] = riskUtility(D[a * n + a] as number, r);
  }
  ctx.h = h;
  ctx.i = i;
}

/**
 * Estimator h's view (set by {@link setEstimator}, with initiator i) of what happens to actor k
 * if i challenges j: writes out[0] = P[i beats j] and out[1] = the change in k's expected
 * utility against the status quo. The principals vote with weight σ·c; each third party n
 * (ascending, n ∉ {i,j}) weighs joining i or j given its own sincere vote, under
 * ThirdPartyCommit; j concedes with probability 1 − σ_j, otherwise it is a contest won with P.
 * Utilities are "2×/3× expected utilities" as in KTAB (sums over the two or three positions).
 *
 * Compat "ktab" reproduces spec §5.12 #4 (P and the third parties' "little" probabilities are
 * always the linear ratio) and #5 (NoCommit and FullCommit make every third-party vote exactly
 * 0). "corrected" applies VictoryProbModel to both ratios (identical for the default Linear) and,
 * for NoCommit/FullCommit, lets n compare joining i (its |vote| added to i's side) with joining j
 * (added to j's side); SemiCommit keeps KTAB's formula.
 * Source: KTAB `SMPState::probEduChlg` (examples/smp/libsrc/smpbcn.cpp), `Actor::vProbLittle`,
 * `Actor::thirdPartyVoteSU` (KTAB/kmodel/libsrc/kmodel.cpp), commit 3b5b063; spec
 * `docs/research/spec-ktab-smp.md` §5.4. Method: Wise, "Multidimensional Bargaining Using KTAB".
 */
export function challengeEstimate(
  ctx: ChallengeContext,
  k: number,
  j: number,
  out: Float64Array,
): void {
  const { n, rh, uAI, uAA, weight, settings } = ctx;
  const i = ctx.i;
  const { D, DT } = ctx.state;
  const vr = settings.votingRule;
  const ktab = settings.compat === "ktab";
  const vpm = settings.victoryProbModel;
  const tpc = settings.thirdPartyCommit;
  const jo = j * n;

  const uki = uAI[k] as number;
  const ukj = riskUtility(DT[jo + k] as number, rh[k] as number);
  const euSQ = uki + ukj;
  const uVict = 2 * uki;
  const uLose = 2 * ukj;

  const ci = vote(
    vr,
    weight[i] as number,
    uAI[i] as number,
    riskUtility(D[i * n + j] as number, rh[i] as number),
  );
  const cj = vote(vr, weight[j] as number, uAI[j] as number, uAA[j] as number);
  let sij = 1e-10;
  let sji = 1e-10;
  if (ci > 0) sij += ci;
  else if (ci < 0) sji -= ci;
  if (cj > 0) sij += cj;
  else if (cj < 0) sji -= cj;
  const s0ij = sij;
  const s0ji = sji;

  if (vr === 2 && tpc === 1 && (ktab || vpm === 0)) {
    // The default path (Prop, SemiCommit, linear ratio), inlined: the same floating-point
    // operations as the general loop below, without calls or switches in the O(n³) loop.
    for (let t = 0; t < n; t++) {
      if (t === i || t === j) continue;
      const wn = weight[t] as number;
      const uni = uAI[t] as number;
      const d = DT[jo + t] as number;
      const r = rh[t] as number;
      const unj = d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
      const unn = uAA[t] as number;
      const cn = wn * (uni - unj);
      // Branch-free positive and negative parts: 0.5·(v ± |v|) is exactly max(±v, 0) (a
      // doubling and a halving are exact), and sign branches mispredict on this data.
      const acn = Math.abs(cn);
      const a = s0ij + 0.5 * (acn + cn);
      const b = s0ji + 0.5 * (acn - cn);
      const pin = a / (a + b);
      const pjn = 1 - pin;
      const vn =
        wn * (pin * (2 * uni + unn) + pjn * (3 * unj) - (pin * (3 * uni) + pjn * (2 * unj + unn)));
      const avn = Math.abs(vn);
      sij += 0.5 * (avn + vn);
      sji += 0.5 * (avn - vn);
    }
  } else
    for (let t = 0; t < n; t++) {
      if (t === i || t === j) continue;
      const wn = weight[t] as number;
      const uni = uAI[t] as number;
      const unj = riskUtility(DT[jo + t] as number, rh[t] as number);
      const unn = uAA[t] as number;
      const cn = vote(vr, wn, uni, unj);
      let vn: number;
      if (tpc === 1) {
        // SemiCommit: a = 2u(n,i)+u(n,n), b = 3u(n,j), c = 3u(n,i), d = 2u(n,j)+u(n,n).
        const a = s0ij + Math.max(cn, 0);
        const b = s0ji + Math.max(-cn, 0);
        const pin = ktab ? a / (a + b) : victoryProbability(vpm, a, b);
        const pjn = 1 - pin;
        vn = vote(
          vr,
          wn,
          pin * (2 * uni + unn) + pjn * (3 * unj),
          pin * (3 * uni) + pjn * (2 * unj + unn),
        );
      } else if (ktab) {
        // KTAB: both options get the same payoffs, so the vote is exactly 0 (spec §5.12 #5).
        const a = s0ij + Math.max(cn, 0);
        const b = s0ji + Math.max(-cn, 0);
        const pin = a / (a + b);
        const pjn = 1 - pin;
        const w = tpc === 2 ? 3 * uni : 2 * uni + unn;
        const l = tpc === 2 ? 3 * unj : 2 * unj + unn;
        vn = vote(vr, wn, pin * w + pjn * l, pin * w + pjn * l);
      } else {
        // Corrected NoCommit/FullCommit: n's support moves the odds towards the side it joins.
        const add = cn < 0 ? -cn : cn;
        const pI = victoryProbability(vpm, s0ij + add, s0ji);
        const pJ = victoryProbability(vpm, s0ij, s0ji + add);
        const w = tpc === 2 ? 3 * uni : 2 * uni + unn;
        const l = tpc === 2 ? 3 * unj : 2 * unj + unn;
        vn = vote(vr, wn, pI * w + (1 - pI) * l, pJ * w + (1 - pJ) * l);
      }
      if (vn > 0) sij += vn;
      else if (vn < 0) sji -= vn;
    }
  const P = ktab ? sij / (sij + sji) : victoryProbability(vpm, sij, sji);
  const sj = ctx.sigma[j] as number;
  const eu = (1 - sj) * uVict + sj * (P * uVict + (1 - P) * uLose);
  out[0] = P;
  out[1] = eu - euSQ;
}

/**
 * An upper bound on |{@link challengeEstimate}(ctx, k, j)[1]| for k = the initiator: with
 * u_V = 2u(k,i), u_L = 2u(k,j) the gain is Δ·(1 − 2σ_j(1 − P)) with Δ = u(k,i) − u(k,j) and
 * P ∈ [0,1], so its size is at most |Δ|·max(1, 2σ_j − 1). An O(1) test that lets
 * {@link makeOffers} skip the O(n) third-party loop for targets that cannot win.
 * Source: the gain formula of KTAB `SMPState::probEduChlg` (smpbcn.cpp, commit 3b5b063), spec
 * `docs/research/spec-ktab-smp.md` §5.4; the bound is Entente's.
 */
export function challengeGainBound(ctx: ChallengeContext, j: number): number {
  const i = ctx.i;
  const delta =
    (ctx.uAI[i] as number) -
    riskUtility(ctx.state.DT[j * ctx.n + i] as number, ctx.rh[i] as number);
  return Math.abs(delta) * Math.max(1, 2 * (ctx.sigma[j] as number) - 1);
}

import { scalarPce } from "../pce/probabilistic-condorcet.ts";
import type { Bargains } from "./bargain-offers.ts";
import type { KtabPrng } from "./ktab-prng.ts";
import { perceivedRisk } from "./risk-attitude.ts";
import { riskUtility } from "./risk-utility.ts";
import type { SmpSettings } from "./smp-settings.ts";
import { pceSettings, type StateAssessment } from "./state-assessment.ts";
import { weightedDistance } from "./weighted-distance.ts";

/**
 * Each actor's new position and which option of its queue it took (−1 = status quo).
 * Source: KTAB `SMPState::updateBestBrgnPositions` (examples/smp/libsrc/smpbcn.cpp; commit
 * 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.6. Method: Wise & Bankes (2015), "Non-spatial
 * Probabilistic Condorcet Election Methodology".
 */
export interface Resolution {
  positions: Float64Array;
  /** The bargain index that moved each actor, or −1 when it kept its position. */
  mover: Int32Array;
}

/**
 * Every actor k resolves its own queue: its status quo, its own offer and every offer aimed at it
 * (in bargain order). All n actors vote over the queue with raw capabilities as weights. Actor
 * a's utility for an option is the mean over the n positions of the resulting state: its own
 * estimate aUtil[a](a,x) = u(D(a,x), estNRA(R_a,R_a)) for unmoved positions, and u(d(y_a → b),
 * R_a) for the two positions the bargain moves (summed in actor order, divided by n). The PCE
 * probabilities pick the option: Deterministic takes the first maximum — so exact ties go to the
 * status quo, then the lowest bargain index (the lowest initiator, its own offer before the
 * receiver-view one); Stochastic draws with KTAB's PRNG in actor order. Only k moves on its
 * choice: to posInit if it initiated the bargain, to posRcvr if it was the target.
 * Source: KTAB `SMPState::updateBestBrgnPositions` (examples/smp/libsrc/smpbcn.cpp, commit
 * 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.6, §5.13. Method: Wise & Bankes (2015),
 * "Non-spatial Probabilistic Condorcet Election Methodology"; Wise, "Multidimensional Bargaining
 * Using KTAB".
 */
export function resolveBargains(
  n: number,
  m: number,
  x: Float64Array,
  y: Float64Array,
  sDist: Float64Array,
  ss: Float64Array,
  c: Float64Array,
  state: StateAssessment,
  bargains: Bargains,
  settings: SmpSettings,
  prng: KtabPrng | undefined,
): Resolution {
  const { D, R } = state;
  // Each actor's own utility for every current position, and for the status quo.
  const own = new Float64Array(n * n);
  const sq = new Float64Array(n);
  const rowSum = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const Ra = R[a] as number;
    const r = perceivedRisk(settings.bigRAdjust, Ra, Ra);
    let sum = 0;
    for (let t = 0; t < n; t++) {
      const u = riskUtility(D[a * n + t] as number, r);
      own[a * n + t] = u;
      sum += u;
    }
    rowSum[a] = sum;
    sq[a] = sum / n;
  }
  // Every voter's utility for every bargain (bargain-major, as the PCE wants it).
  const nb = bargains.count;
  const bu = new Float64Array(nb * n);
  for (let b = 0; b < nb; b++) {
    const bi = bargains.init[b] as number;
    const bj = bargains.rcvr[b] as number;
    for (let a = 0; a < n; a++) {
      const Ra = R[a] as number;
      const ssa = ss[a] as number;
      const ui = riskUtility(
        weightedDistance(sDist, y, a * m, bargains.posInit, b * m, m, ssa),
        Ra,
      );
      const uj = riskUtility(
        weightedDistance(sDist, y, a * m, bargains.posRcvr, b * m, m, ssa),
        Ra,
      );
      // The current positions' utilities with i's and j's replaced by the bargain's: the row
      // sum less the two, plus the new ones — O(1) instead of O(n) per (bargain, voter).
      const ao = a * n;
      const sum =
        (rowSum[a] as number) - (own[ao + bi] as number) - (own[ao + bj] as number) + ui + uj;
      bu[b * n + a] = sum / n;
    }
  }
  // Queues: bargains touching each actor, in bargain order.
  const queueLen = new Int32Array(n);
  for (let b = 0; b < nb; b++) {
    const bi = bargains.init[b] as number;
    const bj = bargains.rcvr[b] as number;
    queueLen[bi] = (queueLen[bi] as number) + 1;
    queueLen[bj] = (queueLen[bj] as number) + 1;
  }
  const positions = Float64Array.from(x);
  const mover = new Int32Array(n).fill(-1);
  const pce = pceSettings(settings);
  const stochastic = settings.stateTransitions === 1;
  for (let k = 0; k < n; k++) {
    const N = 1 + (queueLen[k] as number);
    const options = new Int32Array(N);
    options[0] = -1;
    let o = 1;
    for (let b = 0; b < nb && o < N; b++) {
      if (bargains.init[b] === k || bargains.rcvr[b] === k) options[o++] = b;
    }
    const U = new Float64Array(N * n);
    U.set(sq, 0);
    for (let q = 1; q < N; q++) {
      const b = options[q] as number;
      U.set(bu.subarray(b * n, b * n + n), q * n);
    }
    const p = scalarPce(pce, n, N, c, U);
    let pick = 0;
    if (stochastic && prng) pick = prng.select(p, N);
    else {
      for (let q = 1; q < N; q++) if ((p[q] as number) > (p[pick] as number)) pick = q;
    }
    const b = options[pick] as number;
    if (b < 0) continue;
    mover[k] = b;
    const src = bargains.init[b] === k ? bargains.posInit : bargains.posRcvr;
    for (let d = 0; d < m; d++) positions[k * m + d] = src[b * m + d] as number;
  }
  return { positions, mover };
}

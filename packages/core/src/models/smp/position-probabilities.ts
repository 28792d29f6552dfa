import { scalarPce } from "../pce/probabilistic-condorcet.ts";
import { perceivedRisk } from "./risk-attitude.ts";
import { riskUtility } from "./risk-utility.ts";
import type { SmpSettings } from "./smp-settings.ts";
import { pceSettings, type StateAssessment } from "./state-assessment.ts";

/**
 * The distinct positions of one state and the probability that each prevails.
 * Source: KTAB `SMPState::pDist`, `State::setUENdx` (examples/smp/libsrc/smp.cpp,
 * KTAB/kmodel/libsrc/kstate.cpp; commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.9. Method:
 * Wise & Bankes (2015), "Non-spatial Probabilistic Condorcet Election Methodology".
 */
export interface PositionProbabilities {
  /** Actor index of each distinct position's representative, in actor order. */
  representatives: number[];
  /** PCE probability of each representative's position (sums to 1). */
  probabilities: Float64Array;
  /** For each actor, the index (into representatives) of the cluster it joined. */
  cluster: Int32Array;
  /**
   * Each actor's reported "probability that its position wins". Compat "ktab": KTAB's log value,
   * the probability of the *last* representative within tolerance (co-located actors repeat it,
   * so the column does not sum to 1); "corrected": the probability of the cluster it joined.
   */
  actorProbabilities: Float64Array;
}

/**
 * KTAB's per-state outcome probabilities: group positions greedily in actor order (an actor
 * joins the first earlier representative closer than `positionTolerance`, Euclidean on [0,1]^m;
 * not transitive), then run the PCE over the representatives with every actor's own utility
 * aUtil[i](i, rep) = u(D(i,rep), estNRA(R_i,R_i)) and raw capabilities as weights.
 * Source: KTAB `SMPState::pDist`, `State::setUENdx`, `SMPModel::showVPHistory`
 * (examples/smp/libsrc/smp.cpp, KTAB/kmodel/libsrc/kstate.cpp, commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.9. Method: Wise & Bankes (2015), "Non-spatial Probabilistic
 * Condorcet Election Methodology".
 */
export function positionProbabilities(
  n: number,
  m: number,
  x: Float64Array,
  c: Float64Array,
  state: StateAssessment,
  settings: SmpSettings,
): PositionProbabilities {
  const tol = settings.positionTolerance;
  const reps: number[] = [];
  const cluster = new Int32Array(n);
  const near = (a: number, b: number): boolean => {
    let s = 0;
    for (let k = 0; k < m; k++) {
      const d = (x[a * m + k] as number) - (x[b * m + k] as number);
      s += d * d;
    }
    return Math.sqrt(s) < tol || s === 0;
  };
  for (let i = 0; i < n; i++) {
    let found = -1;
    for (let u = 0; u < reps.length; u++) {
      if (near(i, reps[u] as number)) {
        found = u;
        break;
      }
    }
    if (found < 0) {
      found = reps.length;
      reps.push(i);
    }
    cluster[i] = found;
  }
  const N = reps.length;
  const { D, R } = state;
  const U = new Float64Array(N * n);
  for (let i = 0; i < n; i++) {
    const Ri = R[i] as number;
    const r = perceivedRisk(settings.bigRAdjust, Ri, Ri);
    for (let u = 0; u < N; u++)
      U[u * n + i] = riskUtility(D[i * n + (reps[u] as number)] as number, r);
  }
  const probabilities = scalarPce(pceSettings(settings), n, N, c, U);
  const actorProbabilities = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let u = cluster[i] as number;
    if (settings.compat === "ktab") {
      for (let v = 0; v < N; v++) if (near(i, reps[v] as number)) u = v;
    }
    actorProbabilities[i] = probabilities[u] as number;
  }
  return { representatives: reps, probabilities, cluster, actorProbabilities };
}

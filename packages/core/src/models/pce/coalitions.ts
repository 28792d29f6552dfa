import { vote } from "./voting-rule.ts";

/**
 * Coalition strengths for every pair of N options: C[i·N+j] = 1e-8 + Σ_k max(v_k(i:j), 0) and
 * C[j·N+i] = 1e-8 + Σ_k max(−v_k(i:j), 0), with v_k(i:j) = vote(rule, w_k, U(k,i), U(k,j))
 * summed over the voters k in order; C(i,i) = 1e-8. `U` is option-major: U[o·nVoters + k] is
 * voter k's utility for option o. `rule` is an index into VOTING_RULES.
 * Source: KTAB `Model::coalitions` (KTAB/kmodel/libsrc/kmodel.cpp, commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.2. Method: Wise & Bankes (2015), "Non-spatial Probabilistic
 * Condorcet Election Methodology" (KAPSARC).
 */
export function fillCoalitions(
  rule: number,
  nVoters: number,
  weights: Float64Array,
  N: number,
  U: Float64Array,
  C: Float64Array,
): void {
  for (let i = 0; i < N; i++) {
    C[i * N + i] = 1e-8;
    const oi = i * nVoters;
    for (let j = 0; j < i; j++) {
      const oj = j * nVoters;
      let forI = 0;
      let forJ = 0;
      if (rule === 2) {
        // Prop inlined (the O(n³) step of every SMP turn): v = w·(u_i − u_j), as vote() does.
        for (let k = 0; k < nVoters; k++) {
          const v = (weights[k] as number) * ((U[oi + k] as number) - (U[oj + k] as number));
          // Branch-free: |v| ± v is exactly 2·max(±v, 0), halved once after the sum (scaling
          // by 2 is exact, so the sums are bit-identical to adding max(±v, 0)).
          const av = Math.abs(v);
          forI += av + v;
          forJ += av - v;
        }
        forI *= 0.5;
        forJ *= 0.5;
      } else {
        for (let k = 0; k < nVoters; k++) {
          const v = vote(rule, weights[k] as number, U[oi + k] as number, U[oj + k] as number);
          if (v > 0) forI += v;
          else if (v < 0) forJ -= v;
        }
      }
      C[i * N + j] = forI + 1e-8;
      C[j * N + i] = forJ + 1e-8;
    }
  }
}

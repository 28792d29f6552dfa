/**
 * KTAB's three solvers of the Probabilistic Condorcet Election (PCE): from the pairwise victory
 * probabilities V (and, for the Markov-incentive solver, the coalition strengths C) of N options
 * to the probability that each option prevails. Source: KTAB `Model::probCE2`, `condPCE`,
 * `markovUniformPCE`, `markovIncentivePCE` (KTAB/kmodel/libsrc/kmodel.cpp, commit 3b5b063) and
 * KTAB/kmodel/doc/markov-incentives.tex; spec `docs/research/spec-ktab-smp.md` §5.2. Method: Wise &
 * Bankes (2015), "Non-spatial Probabilistic Condorcet Election Methodology" (KAPSARC).
 */

/**
 * The PCE solvers by KTAB name, in KTAB's enum order (index 0–2).
 * Source: KTAB `Model::probCE2` and the `PCEModel` enum (KTAB/kmodel/libsrc/kmodel.cpp, kmodel.h;
 * commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2, §5.10. Method: Wise & Bankes (2015),
 * "Non-spatial Probabilistic Condorcet Election Methodology";
 * KTAB/kmodel/doc/markov-incentives.tex.
 */
export const PCE_MODELS = ["Conditional", "MarkovIncentive", "MarkovUniform"] as const;

/**
 * One of {@link PCE_MODELS}; `Conditional` is KTAB's default.
 * Source: KTAB `Model::probCE2` and the `PCEModel` enum (KTAB/kmodel/libsrc/kmodel.cpp, kmodel.h;
 * commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2, §5.10. Method: Wise & Bankes (2015),
 * "Non-spatial Probabilistic Condorcet Election Methodology";
 * KTAB/kmodel/doc/markov-incentives.tex.
 */
export type PceModel = (typeof PCE_MODELS)[number];

/**
 * The index of a PCE solver name in {@link PCE_MODELS}.
 * Source: KTAB `Model::probCE2` and the `PCEModel` enum (KTAB/kmodel/libsrc/kmodel.cpp, kmodel.h;
 * commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2, §5.10. Method: Wise & Bankes (2015),
 * "Non-spatial Probabilistic Condorcet Election Methodology";
 * KTAB/kmodel/doc/markov-incentives.tex.
 */
export function pceModelCode(model: PceModel): number {
  return PCE_MODELS.indexOf(model);
}

/**
 * Iteration cap of the Markov solvers (KTAB has none and can loop forever).
 * Source: KTAB `Model::probCE2` and the `PCEModel` enum (KTAB/kmodel/libsrc/kmodel.cpp, kmodel.h;
 * commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2, §5.10. Method: Wise & Bankes (2015),
 * "Non-spatial Probabilistic Condorcet Election Methodology";
 * KTAB/kmodel/doc/markov-incentives.tex.
 */
export const MARKOV_MAX_ITERATIONS = 100_000;

/**
 * Thrown when a Markov PCE solver does not converge within {@link MARKOV_MAX_ITERATIONS}.
 * Source: KTAB `Model::probCE2` and the `PCEModel` enum (KTAB/kmodel/libsrc/kmodel.cpp, kmodel.h;
 * commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2, §5.10. Method: Wise & Bankes (2015),
 * "Non-spatial Probabilistic Condorcet Election Methodology";
 * KTAB/kmodel/doc/markov-incentives.tex.
 */
export class PceConvergenceError extends Error {
  override name = "PceConvergenceError";
}

/**
 * Conditional PCE: p_i ∝ Π_j V(i,j) (the product over j in order from 1.0, V(i,i) = 0.5
 * included), normalised by the sum. Source: KTAB `Model::condPCE` (kmodel.cpp); spec §5.2.
 * Method: Wise & Bankes (2015), "Non-spatial Probabilistic Condorcet Election Methodology"
 * (KAPSARC).
 */
export function conditionalPce(V: Float64Array, N: number, p: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < N; i++) {
    let prod = 1.0;
    for (let j = 0; j < N; j++) prod *= V[i * N + j] as number;
    p[i] = prod;
    sum += prod;
  }
  for (let i = 0; i < N; i++) p[i] = (p[i] as number) / sum;
}

/**
 * Markov-uniform PCE: the stationary distribution of "a uniformly chosen option challenges the
 * current one and the winner becomes current". From p = 1/N, repeat q_i = (1/N) Σ_j
 * V(i,j)(p_i + p_j), p ← (p + q)/2 until max|q − p| ≤ 1e-6. Returns the iteration count.
 * `ktabIterationLimit`: KTAB throws after convergence when it took ≥ 1000 iterations; pass 1000
 * to reproduce that (0 disables). Throws {@link PceConvergenceError} past
 * {@link MARKOV_MAX_ITERATIONS}. Source: KTAB `Model::markovUniformPCE` (kmodel.cpp); spec §5.2.
 * Method: Wise & Bankes (2015), "Non-spatial Probabilistic Condorcet Election Methodology"
 * (KAPSARC).
 */
export function markovUniformPce(
  V: Float64Array,
  N: number,
  p: Float64Array,
  ktabIterationLimit = 0,
): number {
  const q = new Float64Array(N);
  p.fill(1 / N, 0, N);
  let iter = 0;
  for (;;) {
    iter++;
    let change = 0;
    for (let i = 0; i < N; i++) {
      const pi = p[i] as number;
      let s = 0;
      for (let j = 0; j < N; j++) s += (V[i * N + j] as number) * (pi + (p[j] as number));
      const qi = s / N;
      q[i] = qi;
      const d = Math.abs(qi - pi);
      if (d > change) change = d;
    }
    for (let i = 0; i < N; i++) p[i] = ((p[i] as number) + (q[i] as number)) / 2;
    if (change <= 1e-6) break;
    if (iter >= MARKOV_MAX_ITERATIONS) {
      throw new PceConvergenceError(`Markov-uniform PCE did not converge in ${iter} iterations`);
    }
  }
  if (ktabIterationLimit > 0 && iter >= ktabIterationLimit) {
    throw new PceConvergenceError(
      `Markov-uniform PCE took ${iter} iterations (KTAB rejects ≥ ${ktabIterationLimit})`,
    );
  }
  return iter;
}

/**
 * Markov-incentive PCE: challengers are drawn in proportion to their incentive to challenge.
 * I(i,j) = C(i,j)·V(i,j) (+1e-10 on the diagonal), T(i,j) = I(i,j)/Σ_k I(k,j); from p = 1/N
 * repeat ct(i,j) = p_i·T(j,i), q_i = Σ_j V(i,j)(ct(i,j) + ct(j,i)), p ← (p + q)/2 until
 * max|q − p| ≤ 1e-8. Returns the iteration count; throws {@link PceConvergenceError} past
 * {@link MARKOV_MAX_ITERATIONS}. Source: KTAB `Model::markovIncentivePCE` (kmodel.cpp) and
 * KTAB/kmodel/doc/markov-incentives.tex; spec §5.2.
 * Method: Wise & Bankes (2015), "Non-spatial Probabilistic Condorcet Election Methodology"
 * (KAPSARC).
 */
export function markovIncentivePce(
  C: Float64Array,
  V: Float64Array,
  N: number,
  p: Float64Array,
): number {
  const T = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      let x = (C[i * N + j] as number) * (V[i * N + j] as number);
      if (i === j) x += 1e-10;
      T[i * N + j] = x;
    }
  }
  for (let j = 0; j < N; j++) {
    let s = 0;
    for (let k = 0; k < N; k++) s += T[k * N + j] as number;
    for (let i = 0; i < N; i++) T[i * N + j] = (T[i * N + j] as number) / s;
  }
  const q = new Float64Array(N);
  p.fill(1 / N, 0, N);
  let iter = 0;
  for (;;) {
    iter++;
    let change = 0;
    for (let i = 0; i < N; i++) {
      const pi = p[i] as number;
      let s = 0;
      for (let j = 0; j < N; j++) {
        const ctij = pi * (T[j * N + i] as number);
        const ctji = (p[j] as number) * (T[i * N + j] as number);
        s += (V[i * N + j] as number) * (ctij + ctji);
      }
      q[i] = s;
      const d = Math.abs(s - pi);
      if (d > change) change = d;
    }
    for (let i = 0; i < N; i++) p[i] = ((p[i] as number) + (q[i] as number)) / 2;
    if (change <= 1e-8) break;
    if (iter >= MARKOV_MAX_ITERATIONS) {
      throw new PceConvergenceError(`Markov-incentive PCE did not converge in ${iter} iterations`);
    }
  }
  return iter;
}

/**
 * KTAB's victory-probability models: the chance that a coalition of strength s1 beats one of
 * strength s2. Source: KTAB `Model::vProb` (KTAB/kmodel/libsrc/kmodel.cpp, commit 3b5b063) and
 * `KBase::qrtc`; spec `docs/research/spec-ktab-smp.md` §5.2. Method: Wise & Bankes (2015),
 * "Non-spatial Probabilistic Condorcet Election Methodology" (KAPSARC).
 */

/**
 * KTAB's victory-probability model names, in KTAB's enum order (index 0–4).
 * Source: KTAB `Model::vProb` and the `VPModel` enum (KTAB/kmodel/libsrc/kmodel.cpp, kmodel.h;
 * commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2, §5.10. Method: Wise & Bankes (2015),
 * "Non-spatial Probabilistic Condorcet Election Methodology".
 */
export const VICTORY_PROB_MODELS = ["Linear", "Square", "Quartic", "Octic", "Binary"] as const;

/**
 * One of {@link VICTORY_PROB_MODELS}; `Linear` is KTAB's default.
 * Source: KTAB `Model::vProb` and the `VPModel` enum (KTAB/kmodel/libsrc/kmodel.cpp, kmodel.h;
 * commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2, §5.10. Method: Wise & Bankes (2015),
 * "Non-spatial Probabilistic Condorcet Election Methodology".
 */
export type VictoryProbModel = (typeof VICTORY_PROB_MODELS)[number];

/**
 * The index of a victory-probability model name in {@link VICTORY_PROB_MODELS}.
 * Source: KTAB `Model::vProb` and the `VPModel` enum (KTAB/kmodel/libsrc/kmodel.cpp, kmodel.h;
 * commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2, §5.10. Method: Wise & Bankes (2015),
 * "Non-spatial Probabilistic Condorcet Election Methodology".
 */
export function victoryProbModelCode(model: VictoryProbModel): number {
  return VICTORY_PROB_MODELS.indexOf(model);
}

// Odds of the last call to setOdds: [x1, x2]. Module scratch keeps the hot loops allocation-free.
const odds = new Float64Array(2);

function setOdds(model: number, s1: number, s2: number): void {
  switch (model) {
    case 0:
      odds[0] = s1;
      odds[1] = s2;
      return;
    case 1:
      odds[0] = s1 * s1;
      odds[1] = s2 * s2;
      return;
    case 2:
      odds[0] = s1 * s1 * s1 * s1;
      odds[1] = s2 * s2 * s2 * s2;
      return;
    case 3: {
      const q1 = s1 * s1 * s1 * s1;
      const q2 = s2 * s2 * s2 * s2;
      odds[0] = q1 * q1;
      odds[1] = q2 * q2;
      return;
    }
    default: {
      const thresh = 1.1;
      if (s1 >= thresh * s2) {
        odds[0] = 1;
        odds[1] = 1e-6;
      } else if (s2 >= thresh * s1) {
        odds[0] = 1e-6;
        odds[1] = 1;
      } else {
        const r = s1 / (s1 + s2);
        const x1 = (r * (thresh + 1.0) - 1.0) / (thresh - 1.0);
        odds[0] = x1;
        odds[1] = 1 - x1;
      }
    }
  }
}

/**
 * P[1 beats 2] for coalition strengths s1, s2: odds x1 = f(s1), x2 = f(s2) with f(s) = s, s²,
 * s⁴ (multiplied left to right) or (s⁴)², then x1/(x1+x2). Binary (threshold 1.1) uses odds
 * (1, 1e-6) when s1 ≥ 1.1·s2, the reverse when s2 ≥ 1.1·s1, and a linear ramp in between.
 * `model` is the index in {@link VICTORY_PROB_MODELS}.
 * Source: KTAB `Model::vProb` (kmodel.cpp); spec §5.2.
 * Method: Wise & Bankes (2015), "Non-spatial Probabilistic Condorcet Election Methodology"
 * (KAPSARC).
 */
export function victoryProbability(model: number, s1: number, s2: number): number {
  setOdds(model, s1, s2);
  const x1 = odds[0] as number;
  return x1 / (x1 + (odds[1] as number));
}

/**
 * Fill the pairwise victory matrix `V` (N×N, row-major; V[i·N+j] = P[i beats j]) from the
 * coalition strengths `C` (C[i·N+j] = strength of the coalition for i against j), as
 * {@link victoryProbability} does for each pair j < i: V(i,j) = x1/(x1+x2), V(j,i) = x2/(x1+x2),
 * and V(i,i) = 0.5. Source: KTAB `Model::vProb` (kmodel.cpp); spec §5.2.
 * Method: Wise & Bankes (2015), "Non-spatial Probabilistic Condorcet Election Methodology"
 * (KAPSARC).
 */
export function fillVictoryMatrix(
  model: number,
  C: Float64Array,
  N: number,
  V: Float64Array,
): void {
  for (let i = 0; i < N; i++) {
    V[i * N + i] = 0.5;
    for (let j = 0; j < i; j++) {
      setOdds(model, C[i * N + j] as number, C[j * N + i] as number);
      const x1 = odds[0] as number;
      const x2 = odds[1] as number;
      const t = x1 + x2;
      V[i * N + j] = x1 / t;
      V[j * N + i] = x2 / t;
    }
  }
}

import type { ProbabilityRule } from "./options.ts";

/*
 * Votes and the probability of prevailing. Equation numbers: Scholz, Calbert & Smith (2011),
 * ICAART 2011, pp. 18–30. Matrices are n×n Float64Arrays, row-major.
 */

/**
 * Fill `out` with every voter's distance to every position, normalised by R (eq. 14) and raised
 * to the voter's exponent: out[a·n + k] = (|x_k − x_a| / R)^e_k. Position-major, so that a vote
 * between two positions (eqs. 26–29) reads both rows contiguously.
 */
export function voterDistances(
  x: Float64Array,
  exponents: Float64Array,
  R: number,
  out: Float64Array,
): void {
  const n = x.length;
  for (let a = 0; a < n; a++) {
    const xa = x[a] as number;
    const row = a * n;
    for (let k = 0; k < n; k++) {
      const d = Math.abs((x[k] as number) - xa) / R;
      const e = exponents[k] as number;
      out[row + k] = e === 1 ? d : d ** e;
    }
  }
}

/**
 * The denominator of Scholz's code ("global", spec §2.4): Σ_k Σ_a Σ_b |w(k; a, b)|, the absolute
 * votes of every voter k over every ordered pair of positions (a, b), with
 * w(k; a, b) = c_k s_k (dist_kb − dist_ka) (eqs. 26–29 without the factor 2).
 *
 * `inOrder` = false: per voter from its sorted distances, Σ_a Σ_b |d_a − d_b| =
 * 2 Σ_m (2m − n + 1) d_(m), in O(n² log n). `inOrder` = true: the triple sum term by term in
 * the given order, O(n³) — the reference programs' rounding, which decides comparisons whose
 * two sides differ by less than that rounding (parameter `order` = `listed`).
 * `scratch` holds n numbers.
 */
export function globalVoteTotal(
  dist: Float64Array,
  weights: Float64Array,
  scratch: Float64Array,
  inOrder = false,
): number {
  const n = weights.length;
  let total = 0;
  for (let k = 0; k < n; k++) {
    const w = weights[k] as number;
    if (inOrder) {
      for (let a = 0; a < n; a++) {
        const da = dist[a * n + k] as number;
        for (let b = 0; b < n; b++) total += w * Math.abs((dist[b * n + k] as number) - da);
      }
      continue;
    }
    if (w === 0) continue;
    for (let a = 0; a < n; a++) scratch[a] = dist[a * n + k] as number;
    scratch.sort();
    let sum = 0;
    for (let m = 0; m < n; m++) sum += (2 * m - n + 1) * (scratch[m] as number);
    total += w * 2 * sum;
  }
  return total;
}

/**
 * Eqs. 30–31: out[i·n + j] = P(i, j), the probability that i prevails over j, from the votes
 * w(k; i, j) = c_k s_k (dist_kj − dist_ki) of every actor k (eqs. 26–29; `weights` = c·s,
 * `dist` from {@link voterDistances}):
 *
 *   P(i, j) = Σ_k max(0, w(k; i, j)) / D
 *
 * with D = Σ_k |w(k; i, j)| for `pairwise` (eq. 31, so P(i, j) + P(j, i) = 1) or D = the
 * {@link globalVoteTotal} for `global` (Scholz's code, spec §2.4 — P is then small). P(i, j) = 0
 * when x_i = x_j. With no votes at all (D = 0), P = 1/2 for `pairwise` and 0 for `global`.
 * `scratch` holds n numbers; `inOrder` as for {@link globalVoteTotal}.
 */
export function probabilityMatrix(
  x: Float64Array,
  weights: Float64Array,
  dist: Float64Array,
  rule: ProbabilityRule,
  out: Float64Array,
  scratch: Float64Array,
  inOrder = false,
): void {
  const n = x.length;
  const global = rule === "global" ? globalVoteTotal(dist, weights, scratch, inOrder) : 0;
  // P depends on the two positions only: compute it once per pair of distinct positions
  // (rep[a]: the first actor at a's position).
  const rep = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    let b = 0;
    while (x[b] !== x[a]) b++;
    rep[a] = b;
  }
  for (let i = 0; i < n; i++) {
    out[i * n + i] = 0;
    const xi = x[i] as number;
    const rowI = i * n;
    const ri = rep[i] as number;
    for (let j = i + 1; j < n; j++) {
      if (x[j] === xi) {
        out[rowI + j] = 0;
        out[j * n + i] = 0;
        continue;
      }
      const rj = rep[j] as number;
      if (ri !== i || rj !== j) {
        // (ri, rj) ≤ (i, j) component-wise, so it was filled earlier in this loop.
        out[rowI + j] = out[ri * n + rj] as number;
        out[j * n + i] = out[rj * n + ri] as number;
        continue;
      }
      const rowJ = j * n;
      let forI = 0;
      let forJ = 0;
      for (let k = 0; k < n; k++) {
        const diff = (dist[rowJ + k] as number) - (dist[rowI + k] as number);
        if (diff > 0) forI += (weights[k] as number) * diff;
        else forJ -= (weights[k] as number) * diff;
      }
      const denominator = rule === "global" ? global : forI + forJ;
      if (denominator > 0) {
        out[rowI + j] = forI / denominator;
        out[j * n + i] = forJ / denominator;
      } else {
        const p = rule === "pairwise" ? 0.5 : 0;
        out[rowI + j] = p;
        out[j * n + i] = p;
      }
    }
  }
}

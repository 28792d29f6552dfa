import { describe, expect, it } from "vitest";
import { globalVoteTotal, probabilityMatrix, voterDistances } from "./probability.ts";

// A small fixed-seed generator, so the test is reproducible without Math.random.
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function setup(n: number, seed: number) {
  const rand = lcg(seed);
  const x = Float64Array.from({ length: n }, () => Math.round(rand() * 20) / 2);
  const w = Float64Array.from({ length: n }, () => rand());
  const e = Float64Array.from({ length: n }, () => 0.5 + 1.5 * rand());
  const dist = new Float64Array(n * n);
  voterDistances(x, e, 10, dist);
  return { x, w, e, dist };
}

describe("votes and probabilities (eqs. 26–31)", () => {
  it("computes the global denominator by sorting as the direct triple sum does", () => {
    const { w, dist } = setup(23, 7);
    const scratch = new Float64Array(23);
    const sorted = globalVoteTotal(dist, w, scratch);
    const direct = globalVoteTotal(dist, w, scratch, true);
    expect(Math.abs(sorted - direct)).toBeLessThanOrEqual(1e-12 * direct);
  });

  it("gives P(i,j) + P(j,i) = 1 with eq. 31 and a common global share otherwise", () => {
    const { x, w, dist } = setup(15, 3);
    const n = x.length;
    const pairwise = new Float64Array(n * n);
    const global = new Float64Array(n * n);
    const scratch = new Float64Array(n);
    probabilityMatrix(x, w, dist, "pairwise", pairwise, scratch);
    probabilityMatrix(x, w, dist, "global", global, scratch);
    const total = globalVoteTotal(dist, w, scratch);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const same = x[i] === x[j];
        const sum = (pairwise[i * n + j] as number) + (pairwise[j * n + i] as number);
        expect(Math.abs(sum - (same ? 0 : 1))).toBeLessThanOrEqual(1e-12);
        let votes = 0;
        for (let k = 0; k < n; k++) {
          votes +=
            (w[k] as number) * Math.abs((dist[j * n + k] as number) - (dist[i * n + k] as number));
        }
        const g = (global[i * n + j] as number) + (global[j * n + i] as number);
        expect(Math.abs(g - (same ? 0 : votes / total))).toBeLessThanOrEqual(1e-12);
      }
    }
  });

  it("gives an even chance under eq. 31 and none under the global rule when nobody votes", () => {
    const x = Float64Array.from([1, 2]);
    const w = new Float64Array(2);
    const dist = new Float64Array(4);
    voterDistances(x, Float64Array.from([1, 1]), 1, dist);
    const out = new Float64Array(4);
    probabilityMatrix(x, w, dist, "pairwise", out, new Float64Array(2));
    expect(Array.from(out)).toEqual([0, 0.5, 0.5, 0]);
    probabilityMatrix(x, w, dist, "global", out, new Float64Array(2));
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillCoalitions } from "./coalitions.ts";
import { conditionalPce, markovIncentivePce, markovUniformPce } from "./condorcet-solvers.ts";
import { scalarPce } from "./probabilistic-condorcet.ts";
import { fillVictoryMatrix } from "./victory-probability.ts";

describe("PCE solvers (KTAB Model::probCE2, spec §5.2)", () => {
  it("two options: every solver gives P[0 beats 1] to option 0", () => {
    const a = 0.7;
    const V = new Float64Array([0.5, a, 1 - a, 0.5]);
    const C = new Float64Array([1e-8, 7, 3, 1e-8]);
    const p = new Float64Array(2);
    conditionalPce(V, 2, p);
    expect(p[0]).toBeCloseTo(a, 14);
    markovUniformPce(V, 2, p);
    expect(p[0]).toBeCloseTo(a, 5);
    markovIncentivePce(C, V, 2, p);
    expect((p[0] as number) + (p[1] as number)).toBeCloseTo(1, 12);
    expect(p[0] as number).toBeGreaterThan(0.5);
  });

  it("probabilities are a distribution for every solver", () => {
    const arb = fc.array(
      fc.record({
        w: fc.double({ min: 0.1, max: 10, noNaN: true }),
        x: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { minLength: 2, maxLength: 8 },
    );
    fc.assert(
      fc.property(arb, (voters) => {
        const n = voters.length;
        const options = voters.map((v) => v.x);
        const N = options.length;
        const U = new Float64Array(N * n);
        for (let o = 0; o < N; o++)
          for (let k = 0; k < n; k++)
            U[o * n + k] = 1 - Math.abs((voters[k]?.x as number) - (options[o] as number));
        const w = Float64Array.from(voters, (v) => v.w);
        for (const pceModel of [0, 1, 2]) {
          const p = scalarPce({ votingRule: 2, victoryProbModel: 0, pceModel }, n, N, w, U);
          let s = 0;
          for (const v of p) {
            expect(v).toBeGreaterThanOrEqual(0);
            s += v;
          }
          expect(s).toBeCloseTo(1, 6);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("conditional PCE is the normalised product of row victories", () => {
    const C = new Float64Array(9);
    const U = new Float64Array([1, 0.5, 0.2, 0.6, 1, 0.7, 0.1, 0.4, 1]);
    fillCoalitions(2, 3, new Float64Array([1, 2, 3]), 3, U, C);
    const V = new Float64Array(9);
    fillVictoryMatrix(0, C, 3, V);
    const p = new Float64Array(3);
    conditionalPce(V, 3, p);
    const prods = [0, 1, 2].map(
      (i) => (V[i * 3] as number) * (V[i * 3 + 1] as number) * (V[i * 3 + 2] as number),
    );
    const sum = prods.reduce((a, b) => a + b, 0);
    prods.forEach((q, i) => {
      expect(p[i]).toBeCloseTo(q / sum, 15);
    });
  });

  it("coalitions add positive votes per side on top of a 1e-8 floor", () => {
    // voters 0 and 1: utilities for options 0 and 1 (option-major).
    const U = new Float64Array([0.9, 0.2, 0.4, 0.6]);
    const C = new Float64Array(4);
    fillCoalitions(2, 2, new Float64Array([2, 3]), 2, U, C);
    expect(C[0]).toBe(1e-8);
    expect(C[1 * 2 + 0]).toBeCloseTo(3 * 0.4 + 1e-8, 15); // option 1 over 0: voter 1
    expect(C[0 * 2 + 1]).toBeCloseTo(2 * 0.5 + 1e-8, 15); // option 0 over 1: voter 0
  });
});

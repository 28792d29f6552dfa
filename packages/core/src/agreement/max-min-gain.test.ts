import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomStream } from "../random/stream.ts";
import { maxMinGain, maxMinGainFallbacks } from "./max-min-gain.ts";
import type { MaxMinGainProblem } from "./max-min-gain-problem.ts";
import { createMaxMinGainWorkspace } from "./max-min-gain-workspace.ts";

interface Spec {
  /** Status quo per issue. */
  q: number[];
  /** Positions per actor, one row of K. */
  p: number[][];
  /** Weights per actor, one row of K. */
  w: number[][];
  /** Scale lengths (default 10 each). */
  L?: number[];
  /** Free issues (default all). */
  free?: number[];
  /** Required actors (default all). */
  required?: number[];
}

function problemOf(spec: Spec): MaxMinGainProblem {
  const K = spec.q.length;
  const n = spec.p.length;
  return {
    issues: K,
    actors: n,
    statusQuo: Float64Array.from(spec.q),
    length: Float64Array.from(spec.L ?? spec.q.map(() => 10)),
    positions: Float64Array.from(spec.p.flat()),
    weights: Float64Array.from(spec.w.flat()),
    free: Uint8Array.from(spec.free ?? spec.q.map(() => 1)),
    required: Uint8Array.from(spec.required ?? spec.p.map(() => 1)),
  };
}

/** gainᵢ(x) straight from the formula. */
function gain(problem: MaxMinGainProblem, i: number, x: ArrayLike<number>): number {
  const K = problem.issues;
  let g = 0;
  for (let k = 0; k < K; k++) {
    const p = problem.positions[i * K + k] as number;
    const before = Math.abs((problem.statusQuo[k] as number) - p);
    const after = Math.abs((x[k] as number) - p);
    g +=
      ((problem.weights[i * K + k] as number) * (before - after)) / (problem.length[k] as number);
  }
  return g;
}

function minGain(problem: MaxMinGainProblem, x: ArrayLike<number>): number {
  let v = Number.POSITIVE_INFINITY;
  for (let i = 0; i < problem.actors; i++) {
    if (problem.required[i] !== 0) v = Math.min(v, gain(problem, i, x));
  }
  return v;
}

/** Grid search over [0, 10] with step h on the free issues (fixed ones at q). */
function bruteForce(problem: MaxMinGainProblem, h: number) {
  const K = problem.issues;
  const steps = Math.round(10 / h);
  const freeIssues: number[] = [];
  for (let k = 0; k < K; k++) if (problem.free[k] !== 0) freeIssues.push(k);
  const x = Float64Array.from(problem.statusQuo);
  const counter = freeIssues.map(() => 0);
  let best = Number.NEGATIVE_INFINITY;
  let anyPositive = false;
  let anyAboveTiny = false;
  for (;;) {
    freeIssues.forEach((k, f) => {
      x[k] = (counter[f] as number) * h;
    });
    const v = minGain(problem, x);
    best = Math.max(best, v);
    if (v > 0) anyPositive = true;
    if (v > 1e-12) anyAboveTiny = true;
    let f = 0;
    while (f < counter.length && counter[f] === steps) counter[f++] = 0;
    if (f === counter.length) break;
    counter[f] = (counter[f] as number) + 1;
  }
  return { best, anyPositive, anyAboveTiny };
}

/** max over required i of Σ_{free k} wᵢₖ/Lₖ: the ℓ∞ Lipschitz constant of min gainᵢ. */
function lipschitz(problem: MaxMinGainProblem): number {
  const K = problem.issues;
  let lip = 0;
  for (let i = 0; i < problem.actors; i++) {
    if (problem.required[i] === 0) continue;
    let s = 0;
    for (let k = 0; k < K; k++) {
      if (problem.free[k] !== 0) {
        s += (problem.weights[i * K + k] as number) / (problem.length[k] as number);
      }
    }
    lip = Math.max(lip, s);
  }
  return lip;
}

/** Random problems on [0, 10] scales: K issues, n actors, integer positions and status quo. */
const problemArb = (issues: fc.Arbitrary<number>, actors: fc.Arbitrary<number>) =>
  fc.tuple(issues, actors).chain(([K, n]) =>
    fc
      .record({
        q: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: K, maxLength: K }),
        L: fc.array(fc.constantFrom(5, 10, 20), { minLength: K, maxLength: K }),
        p: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n * K, maxLength: n * K }),
        w: fc.array(
          fc.oneof(
            { arbitrary: fc.constant(0), weight: 1 },
            { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 1 },
            { arbitrary: fc.double({ min: 0.05, max: 1, noNaN: true }), weight: 2 },
          ),
          { minLength: n * K, maxLength: n * K },
        ),
        free: fc.array(fc.boolean(), { minLength: K, maxLength: K }),
        required: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        surelyRequired: fc.integer({ min: 0, max: n - 1 }),
      })
      .map(({ q, L, p, w, free, required, surelyRequired }): MaxMinGainProblem => {
        const req = Uint8Array.from(required, Number);
        req[surelyRequired] = 1;
        return {
          issues: K,
          actors: n,
          statusQuo: Float64Array.from(q),
          length: Float64Array.from(L),
          positions: Float64Array.from(p),
          weights: Float64Array.from(w),
          free: Uint8Array.from(free, Number),
          required: req,
        };
      }),
  );

describe("maxMinGain: hand cases", () => {
  it("one issue, both actors above q (equal weights): stops at the nearer position", () => {
    // q = 0, positions 4 and 8: both gain x/10 up to 4; beyond, the actor at 4 loses.
    const r = maxMinGain(problemOf({ q: [0], p: [[4], [8]], w: [[1], [1]] }));
    expect(r.value).toBeCloseTo(0.4, 14);
    expect(Array.from(r.x)).toEqual([4]);
  });

  it("one issue, same side, the farther actor weaker: goes past the nearer position", () => {
    // Beyond 4: A = (8 − x)/10, B = 0.5x/10, equal at x = 16/3 where both are 4/15.
    const r = maxMinGain(problemOf({ q: [0], p: [[4], [8]], w: [[1], [0.5]] }));
    expect(r.value).toBeCloseTo(4 / 15, 14);
    expect(r.x[0]).toBeCloseTo(16 / 3, 13);
  });

  it("one issue, actors on opposite sides of q: value 0 at the status quo", () => {
    const r = maxMinGain(problemOf({ q: [5], p: [[2], [8]], w: [[1], [1]] }));
    expect(r.value).toBe(0);
    expect(Array.from(r.x)).toEqual([5]);
  });

  it("ignores actors that are not required", () => {
    // Only the actor at 2 counts: it gains its whole distance 3/10 at x = 2.
    const r = maxMinGain(problemOf({ q: [5], p: [[2], [8]], w: [[1], [1]], required: [1, 0] }));
    expect(r.value).toBeCloseTo(0.3, 14);
    expect(Array.from(r.x)).toEqual([2]);
  });

  it("three actors on one issue: equalises the two binding gains", () => {
    // q = 0; A at 3 (w 2), B at 9, C at 6. At x = 3 the gains are 0.6, 0.3, 0.3; beyond 3,
    // A = 2(6 − x)/10 falls and B = C = x/10 rise: equal at x = 4, value 0.4.
    const r = maxMinGain(problemOf({ q: [0], p: [[3], [9], [6]], w: [[2], [1], [1]] }));
    expect(r.value).toBeCloseTo(0.4, 14);
    expect(r.x[0]).toBeCloseTo(4, 13);
  });

  it("a fixed issue stays at its status quo and does not count", () => {
    // Issue 1 is fixed at 5; on issue 0 both gain x/10 up to 4, then the actor at 4 loses.
    const r = maxMinGain(
      problemOf({
        q: [0, 5],
        p: [
          [6, 10],
          [4, 0],
        ],
        w: [
          [1, 1],
          [1, 1],
        ],
        free: [1, 0],
      }),
    );
    expect(r.value).toBeCloseTo(0.4, 14);
    expect(Array.from(r.x)).toEqual([4, 5]);
  });

  const logroll: Spec = {
    q: [5, 5],
    p: [
      [10, 0],
      [0, 10],
    ],
    w: [
      [2, 1],
      [1, 1],
    ],
  };

  it("logroll: each issue alone is blocked, the package of both helps both", () => {
    // Moving issue 0 up by a and issue 1 up by b: A = (2a − b)/10, B = (b − a)/10.
    // 1·A + 2·B = b/10 ≤ 1/2 gives 3·value ≤ 1/2; equality at b = 5, a = 10/3: value 1/6.
    expect(maxMinGain(problemOf({ ...logroll, free: [1, 0] })).value).toBe(0);
    expect(maxMinGain(problemOf({ ...logroll, free: [0, 1] })).value).toBe(0);
    const r = maxMinGain(problemOf(logroll));
    expect(r.value).toBeCloseTo(1 / 6, 14);
    expect(r.x[0]).toBeCloseTo(25 / 3, 13);
    expect(r.x[1]).toBeCloseTo(10, 13);
  });

  it("a required actor with zero weight everywhere pins the value to 0", () => {
    const spec: Spec = {
      q: logroll.q,
      p: [...logroll.p, [3, 3]],
      w: [...logroll.w, [0, 0]],
    };
    const r = maxMinGain(problemOf(spec));
    expect(r.value).toBe(0);
    expect(Array.from(r.x)).toEqual([5, 5]);
    expect(maxMinGain(problemOf({ ...spec, required: [1, 1, 0] })).value).toBeCloseTo(1 / 6, 14);
  });

  it("no free issue: value 0 at the status quo", () => {
    const r = maxMinGain(problemOf({ ...logroll, free: [0, 0] }));
    expect(r.value).toBe(0);
    expect(Array.from(r.x)).toEqual([5, 5]);
  });

  it("names the bad value in its RangeErrors", () => {
    const ok = () => problemOf(logroll);
    expect(() => maxMinGain({ ...ok(), required: Uint8Array.of(0, 0) })).toThrow(
      /no actor is required/,
    );
    expect(() => maxMinGain({ ...ok(), weights: Float64Array.of(1, 1, -2, 1) })).toThrow(
      /weights\[2\] \(actor 1, issue 0\).*got -2/,
    );
    expect(() => maxMinGain({ ...ok(), positions: Float64Array.of(1, 1, 1, Number.NaN) })).toThrow(
      /positions\[3\] \(actor 1, issue 1\) must be finite, got NaN/,
    );
    expect(() => maxMinGain({ ...ok(), length: Float64Array.of(10, 0) })).toThrow(
      /length\[1\] must be a finite number > 0, got 0/,
    );
    expect(() => maxMinGain({ ...ok(), statusQuo: Float64Array.of(5, Infinity) })).toThrow(
      /statusQuo\[1\] must be finite, got Infinity/,
    );
    expect(() => maxMinGain({ ...ok(), free: Uint8Array.of(1) })).toThrow(
      /free has length 1, expected 2/,
    );
    expect(() => maxMinGain({ ...ok(), positions: new Float64Array(3) })).toThrow(
      /positions has length 3, expected 4/,
    );
    expect(() => maxMinGain({ ...ok(), issues: 1.5 })).toThrow(RangeError);
  });
});

describe("maxMinGain: against brute force", () => {
  for (const method of ["dual", "primal"] as const) {
    it(`${method}: agrees with a grid search of step 0.25 on 1,200 random problems`, () => {
      const h = 0.25;
      const fallbacks = maxMinGainFallbacks();
      fc.assert(
        fc.property(
          problemArb(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 5 })),
          (problem) => {
            const { value, x } = maxMinGain(problem, undefined, method);
            const grid = bruteForce(problem, h);
            const slack = (lipschitz(problem) * h) / 2;
            // (a) at least as good as every grid point; (b) not better than the grid allows.
            expect(value).toBeGreaterThanOrEqual(grid.best - 1e-9);
            expect(value).toBeLessThanOrEqual(grid.best + slack + 1e-9);
            // (c) the sign of the value says whether some package pleases every required actor.
            if (value > slack + 1e-9) expect(grid.anyPositive).toBe(true);
            if (value <= 1e-12) expect(grid.anyAboveTiny).toBe(false);
            // (d) x is a feasible package achieving the value.
            for (let k = 0; k < problem.issues; k++) {
              const xk = x[k] as number;
              if (problem.free[k] === 0) expect(xk).toBe(problem.statusQuo[k]);
              expect(xk).toBeGreaterThanOrEqual(0);
              expect(xk).toBeLessThanOrEqual(10);
            }
            expect(Math.abs(minGain(problem, x) - value)).toBeLessThanOrEqual(1e-12);
            expect(value).toBeGreaterThanOrEqual(0);
          },
        ),
        { numRuns: 1200 },
      );
      expect(maxMinGainFallbacks()).toBe(fallbacks);
    });
  }
});

describe("maxMinGain: the dual method (one variable per issue)", () => {
  it("one required actor: it gains its whole distance, at its own positions", () => {
    // Issue 1's only held position is q; issue 2 is the actor's at 9. B does not count.
    const r = maxMinGain(
      problemOf({
        q: [0, 5, 2],
        p: [
          [4, 5, 9],
          [0, 0, 0],
        ],
        w: [
          [1, 2, 0.5],
          [1, 1, 1],
        ],
        required: [1, 0],
      }),
    );
    expect(r.value).toBeCloseTo((4 + 0 + 3.5) / 10, 14);
    expect(Array.from(r.x)).toEqual([4, 5, 9]);
  });

  it("an issue on which everyone who cares holds one position goes there", () => {
    // Both hold 2 on issue 0 (0.3 each); issue 1 is zero-sum between them, so it stays at q.
    const spec: Spec = {
      q: [5, 5],
      p: [
        [2, 10],
        [2, 0],
      ],
      w: [
        [1, 1],
        [1, 1],
      ],
    };
    for (const method of ["dual", "primal"] as const) {
      const r = maxMinGain(problemOf(spec), undefined, method);
      expect(r.value).toBeCloseTo(0.3, 14);
      expect(r.x[0]).toBe(2);
      expect(r.x[1]).toBeCloseTo(5, 13);
    }
  });

  it("no issue left to trade: the value is the smallest gain at the held positions", () => {
    // All at 4 on the one free issue; issue 1 is fixed.
    const r = maxMinGain(
      problemOf({
        q: [0, 3],
        p: [
          [4, 0],
          [4, 9],
          [4, 1],
        ],
        w: [
          [1, 1],
          [0.5, 1],
          [2, 1],
        ],
        free: [1, 0],
      }),
    );
    expect(r.value).toBeCloseTo(0.2, 14);
    expect(Array.from(r.x)).toEqual([4, 3]);
  });

  it("agrees with the primal method on 3,000 problems up to 12 actors and 8 issues", () => {
    const rng = randomStream(20_260_604);
    const fallbacks = maxMinGainFallbacks();
    for (let c = 0; c < 3000; c++) {
      const n = 2 + Math.floor(rng.next() * 11);
      const K = 1 + Math.floor(rng.next() * 8);
      // Half the problems on an integer grid: ties between positions and the status quo.
      const problem = randomProblem(rng, n, K, c % 2 === 0);
      const dual = maxMinGain(problem, undefined, "dual");
      const primal = maxMinGain(problem, undefined, "primal");
      // Both solve the LP to rounding; they may stop at different optimal vertices, whose
      // rebuilt packages differ in the last bits (≈ 1e-12 after the primal's longer pivoting).
      expect(Math.abs(dual.value - primal.value)).toBeLessThanOrEqual(1e-11);
    }
    // It needed its fallback, the primal method, on none of them.
    expect(maxMinGainFallbacks()).toBe(fallbacks);
  });

  it("many ties: x, between q and the held positions, achieves a value primal never beats", () => {
    // Positions, the status quo and some weights on coarse integer grids: many actors share a
    // position, sit at q, or weigh issues alike, so many steps are degenerate. (The primal
    // method, pivoting through long degenerate runs, can lose accuracy on such problems and
    // return less; the dual method's package is checked against the formula instead.)
    const rng = randomStream(20_260_603);
    const int = (hi: number) => Math.floor(rng.next() * (hi + 1));
    const fallbacks = maxMinGainFallbacks();
    for (let c = 0; c < 3000; c++) {
      const n = 1 + int(11);
      const K = 1 + int(7);
      const range = [1, 2, 3, 10][int(3)] as number;
      const required = Uint8Array.from({ length: n }, () => (rng.next() < 0.8 ? 1 : 0));
      required[int(n - 1)] = 1;
      const problem: MaxMinGainProblem = {
        issues: K,
        actors: n,
        statusQuo: Float64Array.from({ length: K }, () => int(range)),
        length: Float64Array.from({ length: K }, () => range),
        positions: Float64Array.from({ length: n * K }, () => int(range)),
        weights: Float64Array.from({ length: n * K }, () =>
          rng.next() < 0.25 ? 0 : rng.next() < 0.5 ? 1 + int(2) : rng.next(),
        ),
        free: Uint8Array.from({ length: K }, () => (rng.next() < 0.85 ? 1 : 0)),
        required,
      };
      const { value, x } = maxMinGain(problem);
      for (let k = 0; k < K; k++) {
        const qk = problem.statusQuo[k] as number;
        let lo = qk;
        let hi = qk;
        for (let i = 0; i < n; i++) {
          if (required[i] === 0 || problem.weights[i * K + k] === 0) continue;
          lo = Math.min(lo, problem.positions[i * K + k] as number);
          hi = Math.max(hi, problem.positions[i * K + k] as number);
        }
        if (problem.free[k] === 0) expect(x[k]).toBe(qk);
        expect(x[k]).toBeGreaterThanOrEqual(lo);
        expect(x[k]).toBeLessThanOrEqual(hi);
      }
      if (value > 0) expect(Math.abs(minGain(problem, x) - value)).toBeLessThanOrEqual(1e-12);
      else expect(Array.from(x)).toEqual(Array.from(problem.statusQuo));
      const primal = maxMinGain(problem, undefined, "primal").value;
      expect(value).toBeGreaterThanOrEqual(primal - 1e-11);
    }
    expect(maxMinGainFallbacks()).toBe(fallbacks);
  });
});

/** Apply an actor permutation and an issue permutation to a problem. */
function permute(problem: MaxMinGainProblem, actors: number[], issues: number[]) {
  const K = problem.issues;
  const positions = new Float64Array(problem.positions.length);
  const weights = new Float64Array(problem.weights.length);
  actors.forEach((from, i) => {
    issues.forEach((fromK, k) => {
      positions[i * K + k] = problem.positions[from * K + fromK] as number;
      weights[i * K + k] = problem.weights[from * K + fromK] as number;
    });
  });
  return {
    ...problem,
    statusQuo: Float64Array.from(issues, (k) => problem.statusQuo[k] as number),
    length: Float64Array.from(issues, (k) => problem.length[k] as number),
    free: Uint8Array.from(issues, (k) => problem.free[k] as number),
    required: Uint8Array.from(actors, (i) => problem.required[i] as number),
    positions,
    weights,
  };
}

describe("maxMinGain: invariance and reuse", () => {
  it("does not depend on the order of actors or issues", () => {
    const withOrders = problemArb(
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 7 }),
    ).chain((problem) =>
      fc.tuple(
        fc.constant(problem),
        fc.shuffledSubarray(
          Array.from({ length: problem.actors }, (_, i) => i),
          { minLength: problem.actors, maxLength: problem.actors },
        ),
        fc.shuffledSubarray(
          Array.from({ length: problem.issues }, (_, k) => k),
          { minLength: problem.issues, maxLength: problem.issues },
        ),
      ),
    );
    fc.assert(
      fc.property(withOrders, ([problem, actors, issues]) => {
        const a = maxMinGain(problem).value;
        const b = maxMinGain(permute(problem, actors, issues)).value;
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a)));
      }),
      { numRuns: 500 },
    );
  });

  it("gives the same bits with a shared, a fresh, a reused or an undersized workspace", () => {
    const rng = randomStream(20_260_601);
    const small = createMaxMinGainWorkspace(1, 1);
    const reused = createMaxMinGainWorkspace();
    for (let c = 0; c < 200; c++) {
      const n = 2 + Math.floor(rng.next() * 7);
      const K = 1 + Math.floor(rng.next() * 8);
      const problem = randomProblem(rng, n, K);
      const a = maxMinGain(problem);
      const b = maxMinGain(problem, createMaxMinGainWorkspace(n, K));
      const d = maxMinGain(problem, reused);
      const e = maxMinGain(problem, small);
      for (const other of [b, d, e]) {
        expect(Object.is(other.value, a.value)).toBe(true);
        expect(Array.from(other.x)).toEqual(Array.from(a.x));
      }
    }
  });

  it("n = 8, K = 8: no sampled package beats the value, and x achieves it", () => {
    const rng = randomStream(8, 8);
    for (let c = 0; c < 100; c++) {
      const problem = randomProblem(rng, 8, 8);
      const { value, x } = maxMinGain(problem);
      expect(Math.abs(minGain(problem, x) - value)).toBeLessThanOrEqual(1e-12);
      const y = new Float64Array(8);
      for (let s = 0; s < 300; s++) {
        for (let k = 0; k < 8; k++) {
          // Half the draws snap to held positions, where the optimum's kinks are.
          y[k] =
            problem.free[k] === 0
              ? (problem.statusQuo[k] as number)
              : rng.next() < 0.5
                ? (problem.positions[Math.floor(rng.next() * 8) * 8 + k] as number)
                : rng.next() * 10;
        }
        expect(minGain(problem, y)).toBeLessThanOrEqual(value + 1e-12);
      }
    }
  });
});

/** A random problem on [0, 10] scales with some zero weights and at least one required actor. */
function randomProblem(
  rng: { next(): number },
  n: number,
  K: number,
  integer = false,
): MaxMinGainProblem {
  const int = (hi: number) => Math.floor(rng.next() * (hi + 1));
  const required = Uint8Array.from({ length: n }, () => (rng.next() < 0.7 ? 1 : 0));
  required[int(n - 1)] = 1;
  return {
    issues: K,
    actors: n,
    statusQuo: Float64Array.from({ length: K }, () => int(10)),
    length: Float64Array.from({ length: K }, () => 10),
    positions: Float64Array.from({ length: n * K }, () => (integer ? int(10) : rng.next() * 10)),
    weights: Float64Array.from({ length: n * K }, () => (rng.next() < 0.2 ? 0 : rng.next())),
    free: Uint8Array.from({ length: K }, () => (rng.next() < 0.8 ? 1 : 0)),
    required,
  };
}

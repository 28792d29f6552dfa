import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { descendingOrder } from "./descending-order.ts";
import { dominates, paretoFrontier } from "./pareto-frontier.ts";

/**
 * Pareto dominance written from its definition, apart from the module's `dominates`: a is at
 * least as good as b for every party and better for one.
 */
const beats = (u: readonly Float64Array[], a: number, b: number): boolean =>
  u.every((p) => (p[a] as number) >= (p[b] as number)) &&
  u.some((p) => (p[a] as number) > (p[b] as number));

/** The definition, O(N²): outcomes no other outcome dominates. */
function bruteForce(u: Float64Array[]): number[] {
  const n = u[0]?.length ?? 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let dominated = false;
    for (let j = 0; j < n && !dominated; j++) dominated = j !== i && beats(u, j, i);
    if (!dominated) out.push(i);
  }
  return out;
}

/** Utility arrays for `parties` parties, values on a coarse grid so that ties are common. */
const utilityArrays = (parties: number, maxLength: number) =>
  fc
    .integer({ min: 0, max: maxLength })
    .chain((n) =>
      fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }), {
        minLength: parties,
        maxLength: parties,
      }),
    )
    .map((rows) => rows.map((r) => Float64Array.from(r, (x) => x / 6)));

describe("dominates", () => {
  it("agrees with the definition on every pair, ties and equal outcomes included", () => {
    fc.assert(
      fc.property(utilityArrays(3, 12), (u) => {
        const n = u[0]?.length ?? 0;
        for (let a = 0; a < n; a++) {
          for (let b = 0; b < n; b++) expect(dominates(u, a, b)).toBe(beats(u, a, b));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("known answers: better for one and no worse for any; equal outcomes do not dominate", () => {
    const u = [Float64Array.of(1, 1, 0, 1), Float64Array.of(1, 0, 1, 1)];
    expect(dominates(u, 0, 1)).toBe(true);
    expect(dominates(u, 0, 2)).toBe(true);
    expect(dominates(u, 1, 2)).toBe(false);
    expect(dominates(u, 0, 3)).toBe(false);
    expect(dominates(u, 1, 0)).toBe(false);
  });
});

describe("paretoFrontier", () => {
  for (const parties of [1, 2, 3, 4]) {
    it(`${parties} parties: equals the definition; frontier mutually non-dominated; ties kept`, () => {
      fc.assert(
        fc.property(utilityArrays(parties, 60), (u) => {
          const front = Array.from(paretoFrontier(u));
          expect([...front].sort((a, b) => a - b)).toEqual(bruteForce(u));
          for (const a of front) for (const b of front) expect(beats(u, a, b)).toBe(false);
          const size = u[0]?.length ?? 0;
          const on = new Set(front);
          for (let i = 0; i < size; i++) {
            if (!on.has(i)) expect(front.some((f) => beats(u, f, i))).toBe(true);
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it("orders the frontier by party 0 descending, then party 1, then index", () => {
    const u = [Float64Array.of(0.5, 1, 0.5, 0, 1), Float64Array.of(0.5, 0, 0.5, 1, 0)];
    expect(Array.from(paretoFrontier(u))).toEqual([1, 4, 0, 2, 3]);
  });

  it("uses the exact bucket pre-pass and radix sort on large inputs (2 and 3 parties)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1 << 30 }),
        fc.integer({ min: 2, max: 3 }),
        (seed, n) => {
          let s = seed;
          const rand = () => {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            return (s >>> 8) / (1 << 24);
          };
          const size = 6000;
          // Mix a smooth trade-off curve (large frontier) with noise and exact duplicates.
          const u = Array.from({ length: n }, () => new Float64Array(size));
          for (let i = 0; i < size; i++) {
            const t = rand();
            for (let p = 0; p < n; p++) {
              const v = p === 0 ? t : (1 - t) * rand() ** 0.05;
              (u[p] as Float64Array)[i] =
                i % 7 === 0 && i > 0 ? ((u[p] as Float64Array)[i - 1] as number) : v;
            }
          }
          expect(Array.from(paretoFrontier(u)).sort((a, b) => a - b)).toEqual(bruteForceFast(u));
        },
      ),
      { numRuns: 4 },
    );
  });

  it("restricts to candidates and rejects NaN and ragged input", () => {
    const u = [Float64Array.of(1, 0, 0.5), Float64Array.of(0, 1, 0.4)];
    expect(Array.from(paretoFrontier(u, Uint32Array.of(2)))).toEqual([2]);
    expect(() => paretoFrontier([Float64Array.of(Number.NaN)])).toThrow(/NaN/);
    expect(() => paretoFrontier([Float64Array.of(1), Float64Array.of(1, 2)])).toThrow(/lengths/);
    expect(() => paretoFrontier([])).toThrow(/at least one party/);
  });
});

/** Brute force with a per-point scan of the (small) candidate frontier, for the big tests. */
function bruteForceFast(u: Float64Array[]): number[] {
  const size = u[0]?.length ?? 0;
  const order = Array.from({ length: size }, (_, i) => i).sort((a, b) => {
    const sa = u.reduce((s, x) => s + (x[a] as number), 0);
    const sb = u.reduce((s, x) => s + (x[b] as number), 0);
    return sb - sa;
  });
  const front: number[] = [];
  for (const i of order) if (!front.some((f) => beats(u, f, i))) front.push(i);
  // A point kept early could be dominated only by one with a larger sum: recheck all.
  return front.filter((i) => !front.some((f) => beats(u, f, i))).sort((a, b) => a - b);
}

describe("descendingOrder", () => {
  const reference = (keys: Float64Array[], items: number[]) =>
    [...items].sort((a, b) => {
      for (const k of keys) {
        if ((k[a] as number) > (k[b] as number)) return -1;
        if ((k[a] as number) < (k[b] as number)) return 1;
      }
      return a - b;
    });

  it("matches a comparison sort, small and large, with negatives, -0, infinities and ties", () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, 1, -1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { maxLength: 50 }), (pairs) => {
        const keys = [Float64Array.from(pairs, (p) => p[0]), Float64Array.from(pairs, (p) => p[1])];
        const items = pairs.map((_, i) => i);
        expect(Array.from(descendingOrder(keys))).toEqual(reference(keys, items));
      }),
    );
    let s = 7;
    const rand = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
    const n = 20_000;
    const k0 = Float64Array.from({ length: n }, () => Math.round((rand() - 0.5) * 50) / 7);
    const k1 = Float64Array.from({ length: n }, () => (rand() - 0.5) * 1e-300);
    const candidates = Uint32Array.from({ length: n / 2 }, (_, i) => i * 2);
    expect(Array.from(descendingOrder([k0, k1], candidates))).toEqual(
      reference([k0, k1], Array.from(candidates)),
    );
  });
});

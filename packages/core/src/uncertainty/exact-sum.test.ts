import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addExact, mergeExact, valueExact } from "./exact-sum.ts";

const sumOf = (xs: readonly number[]) => {
  const p: number[] = [];
  for (const x of xs) addExact(p, x);
  return p;
};

describe("exact summation", () => {
  it("sums 0.1 ten times to exactly 1 (as math.fsum does)", () => {
    expect(valueExact(sumOf(Array.from({ length: 10 }, () => 0.1)))).toBe(1);
  });

  it("survives catastrophic cancellation", () => {
    expect(valueExact(sumOf([1e100, 1, -1e100, 1e-100]))).toBe(1);
    expect(valueExact(sumOf([2 ** 53, 1, 1]))).toBe(2 ** 53 + 2);
  });

  it("gives the same bits in any order and any grouping", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        (xs, cut) => {
          const whole = valueExact(sumOf(xs));
          const k = cut % (xs.length + 1);
          const left = sumOf(xs.slice(0, k));
          mergeExact(left, sumOf(xs.slice(k).reverse()));
          expect(Object.is(valueExact(left), whole)).toBe(true);
          expect(Object.is(valueExact(sumOf([...xs].reverse())), whole)).toBe(true);
        },
      ),
    );
  });
});

import { describe, expect, it } from "vitest";
import { hashString, randomStream } from "./stream.ts";
import { xoshiro128ss } from "./xoshiro128.ts";

describe("xoshiro128ss", () => {
  it("reproduces the reference output for state (1, 2, 3, 4)", () => {
    // Reference: xoshiro128starstar.c (Blackman & Vigna), first six outputs from s = {1, 2, 3, 4}.
    const rng = xoshiro128ss(1, 2, 3, 4);
    const out = Array.from({ length: 6 }, () => rng.nextUint32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it("refuses the all-zero state", () => {
    expect(() => xoshiro128ss(0, 0, 0, 0)).toThrow(/all zero/);
  });

  it("draws doubles in [0, 1)", () => {
    const rng = xoshiro128ss(5, 6, 7, 8);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe("randomStream", () => {
  it("gives the same stream for the same path and different streams for neighbours", () => {
    const a = randomStream(42, 7, 3);
    const b = randomStream(42, 7, 3);
    const c = randomStream(42, 7, 4);
    const xs = [a.next(), a.next()];
    expect([b.next(), b.next()]).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
  });

  it("has a uniform first draw over 10⁵ freshly seeded streams (mean 0.5 ± 0.01)", () => {
    let sum = 0;
    let sumSq = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = randomStream(42, 1234, i).next();
      sum += x;
      sumSq += x * x;
    }
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.005);
  });

  it("keeps seeds beyond 32 bits apart", () => {
    expect(randomStream(2 ** 32 + 1).next()).not.toBe(randomStream(1).next());
  });
});

describe("hashString", () => {
  it("is FNV-1a", () => {
    expect(hashString("")).toBe(0x811c9dc5);
    expect(hashString("a")).toBe(0xe40c292c);
  });
});

import { describe, expect, it } from "vitest";
import { KtabPrng } from "./ktab-prng.ts";

describe("KtabPrng (KTAB KBase::PRNG: mt19937_64 + qTrans)", () => {
  it("is the standard mt19937_64: the 10000th output for seed 5489 is 9981545732273789042", () => {
    const g = new KtabPrng(5489n);
    let v = 0n;
    for (let i = 0; i < 10000; i++) v = g.nextRaw();
    expect(v).toBe(9981545732273789042n);
  });

  it("scrambles with qTrans(n) = (n + 0xE08C1D668B756F83)(2n + 3) mod 2^64", () => {
    const a = new KtabPrng(7n);
    const b = new KtabPrng(7n);
    const n = a.nextRaw();
    expect(b.next()).toBe(((n + 0xe08c1d668b756f83n) * (2n * n + 3n)) % 2n ** 64n);
  });

  it("draws uniforms in [0,1] and selects the first index whose cumulative probability reaches the draw", () => {
    // A twin generator gives the same raw draws: each uniform is n/2⁶⁴ of the scrambled output,
    // and select(p) is 0 below 0.2, 1 below 0.7 (= 0.2 + 0.5), else 2.
    const g = new KtabPrng(1n);
    const twin = new KtabPrng(1n);
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) {
      const u = g.uniform(0, 1);
      expect(u).toBe(Number(twin.next()) / 2 ** 64);
      expect(u >= 0 && u <= 1).toBe(true);
      const v = Number(twin.next()) / 2 ** 64;
      const expected = v <= 0.2 ? 0 : v <= 0.2 + 0.5 ? 1 : 2;
      const k = g.select([0.2, 0.5, 0.3], 3);
      expect(k).toBe(expected);
      counts[k] = (counts[k] as number) + 1;
    }
    // 3000 draws: within 4.5 binomial standard deviations of 600, 1500 and 900.
    for (const [k, p] of [0.2, 0.5, 0.3].entries()) {
      const sd = Math.sqrt(3000 * p * (1 - p));
      expect(Math.abs((counts[k] as number) - 3000 * p)).toBeLessThan(4.5 * sd);
    }
  });

  it("selects the last index when rounding leaves the probabilities short of the draw", () => {
    const g = new KtabPrng(3n);
    for (let i = 0; i < 50; i++) expect(g.select([0, 0], 2)).toBe(1);
  });
});

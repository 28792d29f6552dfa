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

  it("draws uniforms in [0,1] and selects by cumulative probability", () => {
    const g = new KtabPrng(1n);
    const counts = new Int32Array(3);
    for (let i = 0; i < 3000; i++) {
      const u = g.uniform(0, 1);
      expect(u >= 0 && u <= 1).toBe(true);
      const k = g.select([0.2, 0.5, 0.3], 3);
      counts[k] = (counts[k] as number) + 1;
    }
    expect(counts[1] as number).toBeGreaterThan(counts[0] as number);
    expect((counts[0] as number) + (counts[1] as number) + (counts[2] as number)).toBe(3000);
  });
});

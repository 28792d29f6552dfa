/**
 * KTAB's pseudo-random generator, reproduced for StateTransitions=Stochastic: the 64-bit
 * Mersenne Twister (mt19937_64, Matsumoto & Nishimura 1998 / Nishimura 2000) seeded with a
 * 64-bit seed, each raw draw passed through KTAB's bijective scramble
 * qTrans(n) = (n + 0xE08C1D668B756F83)·(2n + 3) mod 2⁶⁴, and uniform(a,b) = a + (b−a)·n/(2⁶⁴−1).
 * Source: KTAB `KBase::PRNG` (KTAB/kutils/libsrc/prng.cpp, commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.13. KTAB draws from one shared generator in thread order, so
 * its stochastic runs are not reproducible; here the draws are made in actor order.
 * Method: Matsumoto & Nishimura (1998), "Mersenne Twister", ACM TOMACS 8(1); Nishimura (2000),
 * 64-bit version.
 */
export class KtabPrng {
  private readonly mt = new BigUint64Array(312);
  private index = 312;

  /** Seed the generator (KTAB's seed 0 means "random"; callers substitute a fixed seed). */
  constructor(seed: bigint) {
    const mask = 0xffffffffffffffffn;
    this.mt[0] = seed & mask;
    for (let i = 1; i < 312; i++) {
      const prev = this.mt[i - 1] as bigint;
      this.mt[i] = (6364136223846793005n * (prev ^ (prev >> 62n)) + BigInt(i)) & mask;
    }
  }

  /** The next raw mt19937_64 output. */
  nextRaw(): bigint {
    const mt = this.mt;
    if (this.index >= 312) {
      const upper = 0xffffffff80000000n;
      const lower = 0x7fffffffn;
      for (let i = 0; i < 312; i++) {
        const x = ((mt[i] as bigint) & upper) | ((mt[(i + 1) % 312] as bigint) & lower);
        let xA = x >> 1n;
        if (x & 1n) xA ^= 0xb5026f5aa96619e9n;
        mt[i] = (mt[(i + 156) % 312] as bigint) ^ xA;
      }
      this.index = 0;
    }
    let y = mt[this.index++] as bigint;
    const mask = 0xffffffffffffffffn;
    y ^= (y >> 29n) & 0x5555555555555555n;
    y ^= (y << 17n) & 0x71d67fffeda60000n;
    y ^= (y << 37n) & 0xfff7eee000000000n;
    y ^= y >> 43n;
    return y & mask;
  }

  /** The next scrambled 64-bit draw, qTrans(raw). */
  next(): bigint {
    const n = this.nextRaw();
    return ((n + 0xe08c1d668b756f83n) * (2n * n + 3n)) & 0xffffffffffffffffn;
  }

  /** A uniform draw on [a, b]: a + (b − a)·n/(2⁶⁴ − 1) (2⁶⁴ − 1 rounds to 2⁶⁴ as a double). */
  uniform(a: number, b: number): number {
    return a + ((b - a) * Number(this.next())) / 2 ** 64;
  }

  /** KTAB's `probSel`: the first index whose cumulative probability reaches a uniform draw. */
  select(p: ArrayLike<number>, N: number): number {
    const u = this.uniform(0, 1);
    let cum = 0;
    for (let i = 0; i < N; i++) {
      cum += p[i] as number;
      if (u <= cum) return i;
    }
    return N - 1;
  }
}

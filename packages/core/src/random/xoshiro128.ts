/**
 * xoshiro128** 1.1, a 32-bit generator with 128 bits of state and period 2¹²⁸ − 1
 * (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators",
 * https://prng.di.unimi.it/xoshiro128starstar.c). Plain 32-bit integer arithmetic, so the same
 * state gives the same numbers in every JavaScript engine, worker and browser.
 */
export interface Rng {
  /** The next 32-bit output as an unsigned integer. */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number;
}

/**
 * A generator from a 128-bit state of four 32-bit words. The all-zero state is a fixed point of
 * the recurrence, so it is refused.
 * @example xoshiro128ss(1, 2, 3, 4).nextUint32() // => 11520
 */
export function xoshiro128ss(a: number, b: number, c: number, d: number): Rng {
  let s0 = a >>> 0;
  let s1 = b >>> 0;
  let s2 = c >>> 0;
  let s3 = d >>> 0;
  if ((s0 | s1 | s2 | s3) === 0) throw new RangeError("xoshiro128** state must not be all zero");
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  return {
    nextUint32,
    next: () => {
      const hi = nextUint32() >>> 5; // 27 bits
      const lo = nextUint32() >>> 6; // 26 bits
      return (hi * 67108864 + lo) / 9007199254740992;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

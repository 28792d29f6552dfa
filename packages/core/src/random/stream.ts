import { type Rng, xoshiro128ss } from "./xoshiro128.ts";

/**
 * SplitMix32-style finaliser (the murmur3 fmix32 constants): a bijective 32-bit mixer whose
 * outputs for consecutive inputs look independent.
 */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A random stream identified by a path of integers — e.g. (seed, scenario hash, shard index).
 * The generator state is derived by hashing the path through {@link mix32} with a different
 * constant per state word, so nearby paths (shard 3 and shard 4) give unrelated streams and the
 * first draw of fresh streams is uniform (the trap of seeding with small raw integers). The state
 * depends only on the path, never on which worker or machine draws from it.
 */
export function randomStream(...path: number[]): Rng {
  const words = [0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x6a09e667].map((salt, lane) => {
    let h = mix32(salt ^ Math.imul(lane + 1, 0x27d4eb2f));
    for (const part of path) {
      // Feed each part as two 32-bit halves so seeds up to 2⁵³ are distinct.
      const lo = part >>> 0;
      const hi = Math.floor(part / 4294967296) >>> 0;
      h = mix32(h ^ mix32(lo + salt));
      h = mix32(h ^ mix32(hi + lane));
    }
    return h;
  });
  const [a, b, c, d] = words as [number, number, number, number];
  return (a | b | c | d) === 0 ? xoshiro128ss(1, b, c, d) : xoshiro128ss(a, b, c, d);
}

/**
 * FNV-1a 32-bit hash of a string's UTF-16 code units; used to fold a scenario's canonical JSON
 * into a stream path (Fowler, Noll & Vo).
 */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

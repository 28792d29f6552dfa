/**
 * Exact floating-point summation with non-overlapping partials (Shewchuk 1997, "Adaptive
 * precision floating-point arithmetic and fast robust geometric predicates", Discrete & Comput.
 * Geom. 18; the Grow-Expansion step, as in Python's `math.fsum`). The partials represent the sum
 * exactly, so adding the same numbers in any order or grouping — one worker or a hundred, shards
 * merged in any tree — gives the same partials' value, rounded once at the end.
 */

/** Add `x` to the expansion `partials` (modified in place). */
export function addExact(partials: number[], x: number): void {
  let i = 0;
  let y = x;
  for (let j = 0; j < partials.length; j++) {
    let p = partials[j] as number;
    if (Math.abs(y) < Math.abs(p)) [y, p] = [p, y];
    const hi = y + p;
    const lo = p - (hi - y);
    if (lo !== 0) partials[i++] = lo;
    y = hi;
  }
  partials.length = i;
  partials.push(y);
}

/** Add every partial of `other` into `partials`: the exact sum of both. */
export function mergeExact(partials: number[], other: readonly number[]): void {
  for (const x of other) addExact(partials, x);
}

/**
 * The exact sum rounded to the nearest double (half-even), as `math.fsum` rounds it.
 * @example valueExact((() => { const p: number[] = []; for (let i = 0; i < 10; i++) addExact(p, 0.1); return p; })()) // => 1
 */
export function valueExact(partials: readonly number[]): number {
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n] as number;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n] as number;
    hi = x + y;
    const yr = hi - x;
    lo = y - yr;
    if (lo !== 0) break;
  }
  // Round half to even across the boundary of the remaining partials.
  if (
    n > 0 &&
    ((lo < 0 && (partials[n - 1] as number) < 0) || (lo > 0 && (partials[n - 1] as number) > 0))
  ) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

/**
 * The canonical expansion of an exact sum: its rounded value, then the rounded value of what is
 * left, and so on. Two expansions of the same exact sum — built in different orders — become
 * identical, so summaries compare and serialise bit for bit.
 */
export function canonicalExact(partials: readonly number[]): number[] {
  const rest = [...partials];
  const out: number[] = [];
  for (let guard = 0; guard < 64; guard++) {
    const v = valueExact(rest);
    if (v === 0) break;
    out.push(v);
    addExact(rest, -v);
    while (rest.length > 0 && rest[rest.length - 1] === 0) rest.pop();
  }
  return out;
}

/** z for a two-sided 90 % normal interval: Φ⁻¹(0.95). */
export const Z_90 = 1.6448536269514722;

/**
 * The Wilson (1927, JASA 22(158)) score interval for a proportion of k successes in n trials:
 * (k + z²/2 ± z √(k(n − k)/n + z²/4)) / (n + z²). Unlike the Wald interval it stays inside
 * [0, 1] and has width > 0 at k = 0 and k = n. Default z: 90 % ({@link Z_90}).
 * @example wilsonInterval(0, 10) // => [0, 0.213…]
 */
export function wilsonInterval(k: number, n: number, z = Z_90): [number, number] {
  if (!(Number.isSafeInteger(n) && n >= 1)) {
    throw new RangeError(`n: expected a whole number ≥ 1, got ${n}`);
  }
  if (!(Number.isSafeInteger(k) && k >= 0 && k <= n)) {
    throw new RangeError(`k: expected a whole number from 0 to ${n}, got ${k}`);
  }
  if (!(z > 0)) throw new RangeError(`z: expected a number > 0, got ${z}`);
  const z2 = z * z;
  const centre = k + z2 / 2;
  const half = z * Math.sqrt((k * (n - k)) / n + z2 / 4);
  return [Math.max(0, (centre - half) / (n + z2)), Math.min(1, (centre + half) / (n + z2))];
}

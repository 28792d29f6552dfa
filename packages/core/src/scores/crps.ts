import type { Distribution } from "../calibration/distribution.ts";

/**
 * The continuous ranked probability score of a predictive distribution at outcome y,
 * CRPS(F, y) = ∫ (F(z) − 1{z ≥ y})² dz (Gneiting & Raftery 2007, eq. 20), integrated exactly:
 * between consecutive knots and y, F is linear and the step constant, so each stretch adds
 * (b − a)·(A² + AB + B²)/3 with A, B the differences at its two ends. In the outcome's units;
 * lower is better; for a point forecast it is the absolute error.
 * @example crps(distributionOf([0, 10], [0.5, 0.5]), 0) // => 2.5
 */
export function crps(d: Distribution, y: number): number {
  const { x, below, at } = d;
  const m = x.length;
  if (m === 0) return Number.NaN;
  let sum = 0;
  // Left of the first knot F = 0: only [y, x₀) counts, where the step is 1.
  const first = x[0] as number;
  if (y < first) sum += first - y;
  for (let i = 0; i + 1 < m; i++) {
    const a = x[i] as number;
    const b = x[i + 1] as number;
    const fa = at[i] as number;
    const fb = below[i + 1] as number;
    if (y > a && y < b) {
      // Split at y, with F(y) read off the line.
      const fy = fa + (fb - fa) * ((y - a) / (b - a));
      sum += stretch(y - a, fa, fy) + stretch(b - y, fy - 1, fb - 1);
    } else {
      const h = a >= y ? 1 : 0;
      sum += stretch(b - a, fa - h, fb - h);
    }
  }
  // Right of the last knot F = 1 (to rounding): only [x_last, y) counts, where the step is 0.
  const last = x[m - 1] as number;
  if (y > last) sum += (y - last) * (at[m - 1] as number) ** 2;
  return sum;
}

/** ∫ over a stretch of length L of g², g linear from A to B: L·(A² + AB + B²)/3. */
function stretch(length: number, a: number, b: number): number {
  return (length * (a * a + a * b + b * b)) / 3;
}

import { cdfAt, type Distribution } from "../calibration/distribution.ts";

/**
 * Add one outcome to a probability integral transform (PIT) histogram of `counts.length` equal
 * bins on [0, 1]. For a distribution with atoms the PIT of y is uniform on [F(y⁻), F(y)]; the
 * outcome adds to each bin the share of that interval it overlaps — the non-randomised PIT
 * histogram of Czado, Gneiting & Held (2009, Biometrics 65(4)), the expected histogram of the
 * randomised PIT. A calibrated forecaster's histogram is flat.
 */
export function addPit(counts: number[], d: Distribution, y: number): void {
  const bins = counts.length;
  const lo = cdfAt(d, y, true);
  const hi = cdfAt(d, y);
  if (hi - lo <= 1e-15) {
    const b = Math.min(bins - 1, Math.floor(lo * bins));
    counts[b] = (counts[b] as number) + 1;
    return;
  }
  for (let b = 0; b < bins; b++) {
    const overlap = Math.min(hi, (b + 1) / bins) - Math.max(lo, b / bins);
    if (overlap > 0) counts[b] = (counts[b] as number) + overlap / (hi - lo);
  }
}

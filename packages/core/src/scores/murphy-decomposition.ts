import { checkBinaryForecasts } from "./binary-forecasts.ts";

/** The parts of the Brier score ({@link murphyDecomposition}). */
export interface MurphyDecomposition {
  /** Mean squared gap between each bin's forecast and its observed frequency (lower is better). */
  reliability: number;
  /** Spread of the bins' observed frequencies around the base rate (higher is better). */
  resolution: number;
  /** Base rate × (1 − base rate): the score of always forecasting the base rate. */
  uncertainty: number;
  /** reliability − resolution + uncertainty. */
  brier: number;
}

/**
 * Murphy's (1973, J. Applied Meteorology 12(4), eq. 3) decomposition of the Brier score,
 * BS = REL − RES + UNC, with the forecasts grouped into bins k of nₖ forecasts, mean forecast
 * p̄ₖ and observed frequency ōₖ, and base rate ō:
 * REL = (1/N) Σ nₖ (p̄ₖ − ōₖ)², RES = (1/N) Σ nₖ (ōₖ − ō)², UNC = ō (1 − ō).
 * By default each distinct forecast value is its own bin, and the three parts sum to the Brier
 * score exactly (up to rounding); with `bins: k` the forecasts fall in k equal bins of [0, 1]
 * (the last closed), and the sum differs from the Brier score by the within-bin variance of the
 * forecasts.
 */
export function murphyDecomposition(
  p: readonly number[],
  o: readonly boolean[],
  options: { bins?: number } = {},
): MurphyDecomposition {
  checkBinaryForecasts(p, o);
  const { bins } = options;
  if (bins !== undefined && !(Number.isSafeInteger(bins) && bins >= 1)) {
    throw new RangeError(`bins: expected a whole number ≥ 1, got ${bins}`);
  }
  const groups = new Map<number, { n: number; sumP: number; yes: number }>();
  let yes = 0;
  for (let i = 0; i < p.length; i++) {
    const q = p[i] as number;
    const key = bins === undefined ? q : Math.min(bins - 1, Math.floor(q * bins));
    const g = groups.get(key) ?? { n: 0, sumP: 0, yes: 0 };
    g.n++;
    g.sumP += q;
    if (o[i]) {
      g.yes++;
      yes++;
    }
    groups.set(key, g);
  }
  const n = p.length;
  const base = yes / n;
  let reliability = 0;
  let resolution = 0;
  for (const g of groups.values()) {
    const observed = g.yes / g.n;
    reliability += g.n * (g.sumP / g.n - observed) ** 2;
    resolution += g.n * (observed - base) ** 2;
  }
  reliability /= n;
  resolution /= n;
  const uncertainty = base * (1 - base);
  return { reliability, resolution, uncertainty, brier: reliability - resolution + uncertainty };
}

/** Decimals that suit a scale of this width: 1 on 0–100, 3 on a 4–10 scale. */
export function decimalsFor(width: number): number {
  return Math.max(1, Math.min(6, 3 - Math.floor(Math.log10(Math.max(width, 1e-9)))));
}

/** A number rounded for reading, or an em dash when there is none. */
export function fixed(x: number | undefined, decimals: number): string {
  if (x === undefined || !Number.isFinite(x)) return "—";
  const s = x.toFixed(decimals);
  // A value that rounds to zero prints as 0, whatever its sign (-0, -1e-12).
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** A scale end or mark as written: up to three decimals, no trailing zeros (0.5, 4, 100). */
export function plain(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

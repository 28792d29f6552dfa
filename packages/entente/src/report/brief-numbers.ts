/**
 * How the brief writes a number: with a fixed number of places, or signed.
 * @module
 */

/** `x` with its sign always written (`+1.5`, `−0.3`; a true minus sign) and `decimals` places. */
export const signed = (x: number, decimals = 1) =>
  `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(decimals)}`;

/** Numbers with `decimals` places. */
export const fixedTo = (decimals: number) => (x: number) => x.toFixed(decimals);

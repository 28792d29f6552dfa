/**
 * Check a list of probability forecasts and the yes/no outcomes they forecast: same non-zero
 * length, every probability a number in [0, 1]. Throws RangeError naming the bad entry.
 */
export function checkBinaryForecasts(p: readonly number[], o: readonly boolean[]): void {
  if (p.length !== o.length) {
    throw new RangeError(
      `forecasts and outcomes: expected equal lengths, got ${p.length} and ${o.length}`,
    );
  }
  if (p.length === 0) throw new RangeError("forecasts: expected at least one, got none");
  for (let i = 0; i < p.length; i++) {
    const x = p[i];
    if (typeof x !== "number" || !(x >= 0 && x <= 1)) {
      throw new RangeError(`forecast ${i}: expected a probability in [0, 1], got ${x}`);
    }
    if (typeof o[i] !== "boolean")
      throw new RangeError(`outcome ${i}: expected true or false, got ${o[i]}`);
  }
}

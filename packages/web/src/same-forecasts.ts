/**
 * Whether the browser's forecast of a revision matches the server's.
 * @module
 */
import type { ForecastTable } from "@entente/core";

/**
 * Whether two forecast tables agree to 1e-9 on every issue of `a` and every model both list
 * (an issue `b` lacks is a disagreement).
 */
export function sameForecasts(a: ForecastTable, b: ForecastTable): boolean {
  return a.issues.every((row) => {
    const other = b.issues.find((r) => r.issue === row.issue);
    if (!other) return false;
    return Object.entries(row.forecasts).every(([m, x]) => {
      const y = other.forecasts[m];
      return y === undefined || Math.abs(x - y) < 1e-9;
    });
  });
}

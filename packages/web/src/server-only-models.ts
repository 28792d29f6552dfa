import type { ForecastTable } from "@entente/core";

/**
 * The browser's live forecast, with the columns of the models only the server runs (plug-ins
 * registered there, which this bundle cannot run) taken from the server's forecast of the saved
 * revision. Without a live forecast, the server's; without the server's, the live one.
 */
export function withServerOnlyModels(
  live: ForecastTable | undefined,
  server: ForecastTable | undefined,
): ForecastTable | undefined {
  if (!live || !server) return live ?? server;
  const here = new Set(live.models.map((m) => m.id));
  const extra = server.models.filter((m) => !here.has(m.id));
  if (extra.length === 0) return live;
  return {
    ...live,
    models: [...live.models, ...extra],
    issues: live.issues.map((row) => {
      const saved = server.issues.find((r) => r.issue === row.issue);
      const forecasts = { ...row.forecasts };
      for (const m of extra) {
        const x = saved?.forecasts[m.id];
        if (x !== undefined) forecasts[m.id] = x;
      }
      return { ...row, forecasts };
    }),
  };
}

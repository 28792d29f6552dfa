/**
 * The server's forecast of a saved revision, asked for whenever the workspace opens one.
 * @module
 */
import type { ForecastTable } from "@entente/core";
import type { ScenarioRevision } from "entente/wire-types";
import { useEffect, useMemo, useState } from "react";
import { analysisApi } from "./api/analysis-api.ts";

/** What {@link useServerForecast} gives the workspace. */
export interface ServerForecast {
  /** The server's forecast table (undefined while it is asked, or when it failed). */
  table: ForecastTable | undefined;
  /**
   * The models the server could not run on this revision, with why (Dynamics skips them):
   * undefined while the forecast is asked, empty when it failed.
   */
  unavailable: ReadonlyMap<string, string> | undefined;
}

/**
 * Ask the server for every model's forecast of the revision `loaded` (nothing while it is
 * undefined), again whenever a revision is (re)loaded.
 */
export function useServerForecast(
  id: string,
  loaded: ScenarioRevision | undefined,
): ServerForecast {
  const [table, setTable] = useState<ForecastTable | undefined>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!loaded) return;
    setTable(undefined);
    setFailed(false);
    analysisApi.forecast(id, loaded.revision).then(setTable, () => {
      setTable(undefined);
      setFailed(true);
    });
  }, [id, loaded]);

  const unavailable = useMemo(
    () =>
      table
        ? new Map(
            table.models.flatMap((m) =>
              m.unavailable === undefined ? [] : [[m.id, m.unavailable] as const],
            ),
          )
        : failed
          ? new Map<string, string>()
          : undefined,
    [table, failed],
  );
  return { table, unavailable };
}

import { useEffect, useRef, useState } from "react";
import { ForecastClient, type LiveForecast } from "./forecast-client.ts";

/**
 * Forecast a draft in the worker whenever it changes; returns the live state and the client
 * (for drags). One worker per mounted scenario; it is terminated on unmount.
 */
export function useLiveForecast(draft: unknown): [LiveForecast, ForecastClient | undefined] {
  const [state, setState] = useState<LiveForecast>({ status: "starting", stale: new Set() });
  const client = useRef<ForecastClient | undefined>(undefined);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const c = new ForecastClient(setState);
    client.current = c;
    setReady(true);
    return () => {
      c.close();
      client.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (ready && draft !== undefined) client.current?.load(draft);
  }, [draft, ready]);

  return [state, ready ? client.current : undefined];
}

import type { ModelInfo } from "entente/wire-types";
import type { LiveForecast } from "../forecast-client.ts";
import { fastModels } from "../forecast-engine.ts";

/** The measured time from a pointer event to the chart redrawn with its forecasts. */
export interface Latency {
  ms: number;
  /** Time the models took inside the worker. */
  computeMs: number;
  /** Median and worst time, and number of redraws, in the current drag (or slider run). */
  median: number;
  worst: number;
  updates: number;
}

/** The small status line under the issue chart: what updates live, and how fast. */
export function DragStatus({
  latency,
  live,
  models,
}: {
  latency: Latency | undefined;
  live: LiveForecast;
  models: readonly ModelInfo[];
}) {
  const label = (id: string) => models.find((m) => m.id === id)?.label ?? id;
  const fast = fastModels.map((m) => label(m.id)).join(", ");
  return (
    <p
      className="drag-status"
      role="status"
      data-testid="drag-status"
      data-last-ms={latency ? latency.ms.toFixed(1) : undefined}
      data-median-ms={latency ? latency.median.toFixed(1) : undefined}
      data-worst-ms={latency ? latency.worst.toFixed(1) : undefined}
    >
      {latency ? (
        <>
          Drag → redraw <b>{latency.ms.toFixed(1)} ms</b> (models {latency.computeMs.toFixed(2)} ms
          in the worker) · this drag: median {latency.median.toFixed(1)} ms, worst{" "}
          {latency.worst.toFixed(1)} ms over {latency.updates} update
          {latency.updates === 1 ? "" : "s"} · target ≤ 100 ms
        </>
      ) : (
        <>
          Drag a dot, or use the sliders below, to move an actor: {fast} update live in your browser
          {live.stale.size > 0 ? "; the other models catch up when you let go" : ""}.
        </>
      )}
    </p>
  );
}

import type { SimulationProgress } from "../simulation-progress.ts";

/** Props of {@link SimulationStatus}. */
export interface SimulationStatusProps {
  progress: SimulationProgress;
}

/** A live line on the simulation: its progress bar and samples, why it failed, or that it is done. */
export function SimulationStatus({ progress }: SimulationStatusProps) {
  return (
    <div aria-live="polite" data-testid="sim-status">
      {progress.status === "running" && (
        <p>
          <progress
            value={progress.done}
            max={progress.total || 1}
            aria-label="Simulation progress"
          />{" "}
          {progress.runId
            ? `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} samples`
            : "starting…"}
        </p>
      )}
      {progress.status === "failed" && (
        <p className="error" role="alert">
          Simulation failed: {progress.message}
        </p>
      )}
      {progress.status === "done" && (
        <p className="ok">
          Done: {progress.result.samples.toLocaleString()} samples
          {progress.result.seed === undefined ? "" : `, seed ${progress.result.seed}`} (run{" "}
          <code>{progress.runId}</code>).
        </p>
      )}
    </div>
  );
}

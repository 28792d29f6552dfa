import type { RunRecord } from "entente/wire-types";

/** Props of {@link PastSimulations}. */
export interface PastSimulationsProps {
  /** The scenario's finished simulations, newest first. */
  runs: readonly RunRecord[];
  /** The revision on screen. */
  revision: number;
  /** The run whose result is shown, if any (its button is disabled). */
  shown: string | undefined;
  onOpen: (runId: string) => void;
}

/**
 * The scenario's finished simulations kept on the server, each with its revision, samples, seed
 * and models; choose one to show its result. Nothing when there are none.
 */
export function PastSimulations({ runs, revision, shown, onOpen }: PastSimulationsProps) {
  if (runs.length === 0) return null;
  return (
    <details className="past-runs" data-testid="past-runs">
      <summary>Past simulations of this scenario ({runs.length})</summary>
      <ul>
        {runs.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className="link"
              disabled={shown === r.id}
              onClick={() => onOpen(r.id)}
            >
              {new Date(r.created).toLocaleString()}
            </button>{" "}
            revision {r.revision}
            {r.revision === revision ? "" : " (not the one on screen)"},{" "}
            {String(r.parameters.samples ?? "?")} samples, seed {r.seed ?? "?"}
            {r.model ? `, ${r.model.split(",").length} models` : ""}{" "}
            <code className="hint">{r.id}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

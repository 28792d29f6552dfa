/**
 * Reading a finished simulation run: the `entente simulate --format json` document the server
 * stores as the run's result, and the optional sensitivity data a tornado chart needs.
 * @module
 */
import type { IssueSensitivity, SimulationReport } from "@entente/core";

/** The parts of a simulation result the workbench draws. */
export interface SimulationResult {
  samples: number;
  seed?: number;
  models: string[];
  report: SimulationReport;
  /** Tornado and Sobol data, when the server computed them. */
  sensitivity?: IssueSensitivity[];
}

/** Accept the stored document (`{report, …}`) or a bare report. */
export function readSimulationResult(result: unknown): SimulationResult | undefined {
  if (typeof result !== "object" || result === null) return undefined;
  const doc = result as Record<string, unknown>;
  const report = (doc.report ?? doc) as SimulationReport;
  if (!Array.isArray(report.issues)) return undefined;
  const sensitivity = doc.sensitivity ?? (report as unknown as Record<string, unknown>).sensitivity;
  return {
    samples: Number(doc.samples ?? report.samples),
    ...(typeof doc.seed === "number" ? { seed: doc.seed } : {}),
    models: Array.isArray(doc.models)
      ? (doc.models as string[])
      : (report.issues[0]?.models.map((m) => m.model) ?? []),
    report,
    ...(Array.isArray(sensitivity) ? { sensitivity: sensitivity as IssueSensitivity[] } : {}),
  };
}

/**
 * Reading a finished simulation run: the `entente simulate --format json` document the server
 * stores as the run's result, and the optional sensitivity data a tornado chart needs.
 * @module
 */
import type { IssueSensitivity, SimulationReport } from "@entente/core";
import type { SimulationDocument } from "entente/wire-types";

/**
 * The parts of a simulation result the workbench draws: those of the server's document, the
 * seed when known, and the tornado and Sobol data when the server computed them.
 */
export type SimulationResult = Pick<SimulationDocument, "samples" | "models" | "report"> & {
  seed?: number;
  sensitivity?: IssueSensitivity[];
};

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

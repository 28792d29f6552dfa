/**
 * Where a server-side simulation stands, as the Uncertainty view shows it, and where a finished
 * run leaves it.
 * @module
 */
import type { RunRecord } from "entente/wire-types";
import { readSimulationResult, type SimulationResult } from "./simulation.ts";

/** A simulation in the view: none yet, running (samples done of total), done, or failed. */
export type SimulationProgress =
  | { status: "idle" }
  | { status: "running"; runId: string; done: number; total: number }
  | { status: "done"; runId: string; result: SimulationResult }
  | { status: "failed"; runId?: string; message: string };

/**
 * Where a finished run leaves the view: its result, or why there is none (its error, its end
 * status, or an unreadable result).
 * @example
 * progressOf({ ...run, status: "cancelled", error: null }); // => { status: "failed", message: "the simulation ended as cancelled", … }
 */
export function progressOf(run: RunRecord): SimulationProgress {
  const result = run.status === "done" ? readSimulationResult(run.result) : undefined;
  if (result) return { status: "done", runId: run.id, result };
  const message =
    run.status === "done"
      ? "this run has no readable result"
      : (run.error ?? `the simulation ended as ${run.status}`);
  return { status: "failed", runId: run.id, message };
}

/**
 * The recorded runs of `entente serve`: start a Monte Carlo simulation, follow it, read, list
 * and cancel runs.
 * @module
 */
import type { QueuedRun, RunList, RunRecord } from "entente/wire-types";
import { request } from "./request.ts";

const enc = encodeURIComponent;

/** What a simulation is asked to do (`POST /api/scenarios/:id/simulate`). */
export interface SimulateOptions {
  samples: number;
  seed: number;
  /** The models to run (the server's defaults when absent). */
  models?: string[];
  /** Add one-at-a-time and Sobol sensitivity (a tornado chart) to the result. */
  sensitivity?: boolean;
  sensitivitySamples?: number;
  /** The models' error laws: the shipped calibration, or none. */
  calibration?: "default" | "none";
  /** Check each phase for an agreement (false: every phase settles). */
  agreement?: boolean;
}

/**
 * The run endpoints, relative to the page's origin.
 * @example
 * const run = await runApi.simulate("budapest-2025", { samples: 2000, seed: 42 });
 * const events = new EventSource(runApi.runEventsUrl(run.id));
 */
export const runApi = {
  /** Start a Monte Carlo run of a revision (the latest when `rev` is absent); answers at once (202). */
  async simulate(id: string, options: SimulateOptions, rev?: number): Promise<QueuedRun> {
    return request("POST", `/api/scenarios/${enc(id)}/simulate`, {
      ...options,
      ...(rev === undefined ? {} : { revision: rev }),
    });
  },

  /** A run with its status, progress and, once done, its result. */
  async runRecord(id: string): Promise<RunRecord> {
    return request("GET", `/api/runs/${enc(id)}`);
  },

  /** Cancel a queued or running run; answers with the run as it ended. */
  async cancelRun(id: string): Promise<RunRecord> {
    return request("DELETE", `/api/runs/${enc(id)}`);
  },

  /** A scenario's runs, newest first, without their results. */
  async runs(scenarioId: string): Promise<RunRecord[]> {
    const { runs } = await request<RunList>(
      "GET",
      `/api/runs?scenario=${enc(scenarioId)}&limit=50`,
    );
    return runs;
  },

  /** The run's server-sent events: `progress` (`RunProgress`) and one `end` (the run). */
  runEventsUrl(id: string): string {
    return `/api/runs/${enc(id)}/events`;
  },
};

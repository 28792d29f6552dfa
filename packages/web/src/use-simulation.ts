/**
 * A Monte Carlo simulation on the server, followed from the page: start it, follow its progress
 * over server-sent events, cancel it, and reopen the finished ones kept on the server.
 * @module
 */
import type { RunProgress, RunRecord } from "entente/wire-types";
import { useCallback, useEffect, useRef, useState } from "react";
import { runApi, type SimulateOptions } from "./api/run-api.ts";
import { progressOf, type SimulationProgress } from "./simulation-progress.ts";

/** What {@link useSimulation} gives the view. */
export interface Simulation {
  progress: SimulationProgress;
  /** The scenario's finished simulations, newest first. */
  past: RunRecord[];
  /** Start a simulation of the revision with these options (and follow it). */
  start: (options: SimulateOptions) => Promise<void>;
  /** Cancel the running simulation. */
  cancel: () => Promise<void>;
  /** Show a finished run's result. */
  open: (runId: string) => Promise<void>;
}

/**
 * Simulations of one scenario's revision: the one running or shown, and the finished ones kept
 * on the server. On mount the newest finished simulation of this revision is reopened; the event
 * stream is closed on unmount. A dropped stream asks for the run itself: still going, the
 * simulation is started again; finished, its end is shown.
 */
export function useSimulation(scenarioId: string, revision: number): Simulation {
  const [progress, setProgress] = useState<SimulationProgress>({ status: "idle" });
  const status = useRef(progress.status);
  status.current = progress.status;
  const source = useRef<EventSource | undefined>(undefined);

  useEffect(() => () => source.current?.close(), []);

  // Finished simulations stay on the server: list them, and reopen the newest on this revision.
  const [past, setPast] = useState<RunRecord[]>([]);
  const refreshPast = useCallback(
    () =>
      runApi.runs(scenarioId).then(
        (runs) => {
          const done = runs.filter((r) => r.kind === "simulate" && r.status === "done");
          setPast(done);
          return done;
        },
        () => [] as RunRecord[],
      ),
    [scenarioId],
  );
  const open = useCallback(
    (id: string) =>
      runApi.runRecord(id).then(
        (run) => setProgress(progressOf(run)),
        (e: Error) => setProgress({ status: "failed", runId: id, message: e.message }),
      ),
    [],
  );
  useEffect(() => {
    void refreshPast().then((done) => {
      const latest = done.find((r) => r.revision === revision);
      if (latest && status.current === "idle") void open(latest.id);
    });
  }, [refreshPast, open, revision]);

  const finish = (run: RunRecord) => {
    source.current?.close();
    source.current = undefined;
    void refreshPast();
    setProgress(progressOf(run));
  };

  const start = async (options: SimulateOptions) => {
    source.current?.close();
    const total = options.samples;
    setProgress({ status: "running", runId: "", done: 0, total });
    try {
      const run = await runApi.simulate(scenarioId, options, revision);
      setProgress({ status: "running", runId: run.id, done: 0, total });
      const events = new EventSource(runApi.runEventsUrl(run.id));
      source.current = events;
      events.addEventListener("progress", (e) => {
        const { done, total } = JSON.parse((e as MessageEvent<string>).data) as RunProgress;
        setProgress((p) => (p.status === "running" ? { ...p, done, total } : p));
      });
      events.addEventListener("end", (e) =>
        finish(JSON.parse((e as MessageEvent<string>).data) as RunRecord),
      );
      events.onerror = () => {
        // The stream dropped (or closed after "end"): ask for the run itself.
        if (source.current !== events) return;
        events.close();
        source.current = undefined;
        runApi.runRecord(run.id).then(
          (r) =>
            r.status === "queued" || r.status === "running" ? void start(options) : finish(r),
          (err: Error) => setProgress({ status: "failed", runId: run.id, message: err.message }),
        );
      };
    } catch (e) {
      setProgress({ status: "failed", message: (e as Error).message });
    }
  };

  const cancel = async () => {
    if (progress.status !== "running" || !progress.runId) return;
    try {
      finish(await runApi.cancelRun(progress.runId));
    } catch (e) {
      setProgress({ status: "failed", runId: progress.runId, message: (e as Error).message });
    }
  };

  return { progress, past, start, cancel, open };
}

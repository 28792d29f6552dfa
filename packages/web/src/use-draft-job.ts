/**
 * A draft job on the server as the workbench follows it: started with the articles, then read
 * every half second until it is done (with the drafted scenario) or failed (with the server's
 * error).
 * @module
 */
import type { Scenario } from "@entente/core";
import type { DraftJob, DraftRequestBody } from "entente/wire-types";
import { useCallback, useEffect, useRef, useState } from "react";
import { draftApi, failureText } from "./api/draft-api.ts";

/** Where a draft job is: not started, running (with its progress), done or failed. */
export type DraftJobState =
  | { phase: "idle" }
  | { phase: "running"; job: DraftJob }
  | { phase: "done"; job: DraftJob; scenario: Scenario }
  | { phase: "failed"; error: string };

/** How often a running job is read, in milliseconds. */
export const DRAFT_POLL_MS = 500;

/**
 * Start draft jobs and follow the latest one. `start` posts the articles and polls the job
 * until it ends; `reset` forgets it (a poll still under way is ignored). Unmounting stops the
 * polling.
 */
export function useDraftJob(intervalMs = DRAFT_POLL_MS): {
  state: DraftJobState;
  start: (body: DraftRequestBody) => Promise<void>;
  reset: () => void;
} {
  const [state, setState] = useState<DraftJobState>({ phase: "idle" });
  const latest = useRef(0);
  useEffect(
    () => () => {
      latest.current++;
    },
    [],
  );

  const start = useCallback(
    async (body: DraftRequestBody) => {
      const run = ++latest.current;
      const current = () => run === latest.current;
      setState({
        phase: "running",
        job: {
          id: "",
          status: "running",
          done: 0,
          total: body.articles.length,
          note: "sending the articles",
        },
      });
      try {
        let job = await draftApi.start(body);
        while (current()) {
          if (job.status === "done" && job.scenario) {
            setState({ phase: "done", job, scenario: job.scenario });
            return;
          }
          if (job.status !== "running") {
            setState({ phase: "failed", error: job.error ?? "the draft failed" });
            return;
          }
          setState({ phase: "running", job });
          await new Promise((resolve) => setTimeout(resolve, intervalMs));
          if (!current()) return;
          job = await draftApi.job(job.id);
        }
      } catch (e) {
        if (current()) setState({ phase: "failed", error: failureText(e) });
      }
    },
    [intervalMs],
  );

  const reset = useCallback(() => {
    latest.current++;
    setState({ phase: "idle" });
  }, []);

  return { state, start, reset };
}

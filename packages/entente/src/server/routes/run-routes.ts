import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { type SSEStreamingApi, streamSSE } from "hono/streaming";
import { isFinal, type RunRecord as Run } from "../../store/records.ts";
import type { AppDeps } from "../app-deps.ts";
import { queryNumber } from "../field-schemas.ts";
import { errorResponse, jsonResponse, RunParams, writeErrors, writeSecurity } from "../schemas.ts";
import type { RunEvent } from "../simulation-jobs.ts";
import { RunRecord, RunStatus, SimulationDocument } from "./run-schemas.ts";

/** How often the events stream re-reads a run it cannot hear about directly, in ms. */
const POLL_MS = 1000;
/** How often the events stream sends a comment to keep proxies from closing it, in ms. */
const KEEP_ALIVE_MS = 15_000;

const runNotFound = errorResponse("No such run");

/**
 * The runs: list (`?scenario=&status=&limit=`), read one with its result, follow one as
 * server-sent events, and cancel one (DELETE).
 */
export function runRoutes(deps: AppDeps): OpenAPIHono {
  const { store, jobs } = deps;
  const app = new OpenAPIHono();
  // The result of a simulate run; described, though no route answers it on its own.
  app.openAPIRegistry.register("SimulationDocument", SimulationDocument);

  app.openapi(
    createRoute({
      method: "get",
      path: "/runs",
      operationId: "listRuns",
      summary: "Runs, newest first, without their results",
      request: {
        query: z.object({
          scenario: z.string().optional(),
          status: RunStatus.optional(),
          limit: queryNumber(1, 1000).optional(),
        }),
      },
      responses: {
        200: jsonResponse(z.object({ runs: z.array(RunRecord) }), "The runs"),
        400: errorResponse("Bad status or limit"),
      },
    }),
    async (c) => {
      const { scenario: scenarioId, status, limit } = c.req.valid("query");
      const runs = await store.listRuns({
        ...(scenarioId === undefined ? {} : { scenarioId }),
        ...(status === undefined ? {} : { status }),
        ...(limit === undefined ? {} : { limit }),
      });
      return c.json({ runs }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/runs/{id}",
      operationId: "getRun",
      summary: "A run: status, progress, timing and result",
      request: { params: RunParams },
      responses: { 200: jsonResponse(RunRecord, "The run"), 404: runNotFound },
    }),
    async (c) => c.json(await store.getRun(c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/runs/{id}",
      operationId: "cancelRun",
      summary: "Cancel a queued or running run",
      security: writeSecurity,
      request: { params: RunParams },
      responses: {
        200: jsonResponse(RunRecord, "Cancelled"),
        401: writeErrors[401],
        404: runNotFound,
        409: errorResponse("The run has already finished"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      if (jobs.has(id)) return c.json(await jobs.cancel(id), 200);
      // Not in this process (e.g. a synchronous run): the store refuses if it has finished.
      await store.getRun(id);
      return c.json(
        await store.updateRun(id, { status: "cancelled", finished: new Date().toISOString() }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/runs/{id}/events",
      operationId: "followRun",
      summary:
        "Server-sent events: `status`, `progress` ({ done, total, fraction }) while it runs, then one `end` with the finished run (status, result or error)",
      request: { params: RunParams },
      responses: {
        200: {
          description: "An event stream that closes after `end`",
          content: { "text/event-stream": { schema: z.string() } },
        },
        404: runNotFound,
      },
    }),
    async (c) => {
      const first = await store.getRun(c.req.valid("param").id);
      c.header("Cache-Control", "no-store");
      return streamSSE(c, async (stream) => {
        await followRun(stream, first, deps);
      });
    },
  );

  return app;
}

/**
 * Send `progress` events ({ done, total, fraction }) while the run goes on and one `end` event
 * with the finished run (status and result), then close. A run that has already finished gets
 * its `end` at once.
 */
async function followRun(stream: SSEStreamingApi, first: Run, deps: AppDeps): Promise<void> {
  const { store, jobs } = deps;
  const progress = (done: number, total: number) =>
    stream.writeSSE({
      event: "progress",
      data: JSON.stringify({ done, total, fraction: total > 0 ? done / total : 0 }),
    });
  const end = (run: Run) => stream.writeSSE({ event: "end", data: JSON.stringify(run) });
  if (isFinal(first.status)) {
    await end(first);
    return;
  }
  await stream.writeSSE({ event: "status", data: JSON.stringify({ status: first.status }) });
  await progress(first.progressDone, first.progressTotal);
  await new Promise<void>((resolve) => {
    let finished = false;
    let writing: Promise<unknown> = Promise.resolve();
    const queue = (write: () => Promise<unknown>) => {
      writing = writing.then(write).catch(() => {});
      return writing;
    };
    const finish = (run: Run) => {
      if (finished) return;
      finished = true;
      stop();
      void queue(() => end(run)).then(() => resolve());
    };
    const listener = (event: RunEvent) => {
      if (finished) return;
      if (event.type === "progress") void queue(() => progress(event.done, event.total));
      else finish(event.run);
    };
    const stop = () => {
      unsubscribe();
      clearInterval(poll);
      clearInterval(keepAlive);
    };
    const unsubscribe = jobs.subscribe(first.id, listener);
    // The store is the truth: a run this process is not running, or one that ended between
    // the first read and subscribing, is noticed by reading it again (now, then every second).
    // A run another server (sharing the store) computes is heard of only through the store.
    let stored = first.progressDone;
    const check = () => {
      store.getRun(first.id).then(
        (run) => {
          if (isFinal(run.status)) finish(run);
          else if (!jobs.has(first.id) && run.progressDone !== stored && !finished) {
            stored = run.progressDone;
            void queue(() => progress(run.progressDone, run.progressTotal));
          }
        },
        () => {},
      );
    };
    const poll = setInterval(check, POLL_MS);
    const keepAlive = setInterval(
      () => void queue(() => stream.write(": keep-alive\n\n")),
      KEEP_ALIVE_MS,
    );
    check();
    stream.onAbort(() => {
      finished = true;
      stop();
      resolve();
    });
  });
}

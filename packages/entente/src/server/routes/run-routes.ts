import { Hono } from "hono";
import { type SSEStreamingApi, streamSSE } from "hono/streaming";
import { isFinal, RUN_STATUSES, type RunRecord } from "../../store/records.ts";
import type { AppDeps } from "../app-deps.ts";
import { optionalChoice, queryInteger } from "../body-fields.ts";
import type { RunEvent } from "../simulation-jobs.ts";

/** How often the events stream re-reads a run it cannot hear about directly, in ms. */
const POLL_MS = 1000;
/** How often the events stream sends a comment to keep proxies from closing it, in ms. */
const KEEP_ALIVE_MS = 15_000;

/**
 * The runs: list (`?scenario=&status=&limit=`), read one with its result, follow one as
 * server-sent events, and cancel one (DELETE).
 */
export function runRoutes(deps: AppDeps): Hono {
  const { store, jobs } = deps;
  const app = new Hono();

  app.get("/runs", async (c) => {
    const scenarioId = c.req.query("scenario");
    const status = optionalChoice(c.req.query("status"), "status", RUN_STATUSES);
    const limit = queryInteger(c.req.query("limit"), "limit", 1, 1000);
    const runs = await store.listRuns({
      ...(scenarioId === undefined ? {} : { scenarioId }),
      ...(status === undefined ? {} : { status }),
      ...(limit === undefined ? {} : { limit }),
    });
    return c.json({ runs });
  });

  app.get("/runs/:id", async (c) => c.json(await store.getRun(c.req.param("id"))));

  app.delete("/runs/:id", async (c) => {
    const id = c.req.param("id");
    if (jobs.has(id)) return c.json(await jobs.cancel(id));
    // Not in this process (e.g. a synchronous run): the store refuses if it has finished.
    await store.getRun(id);
    return c.json(
      await store.updateRun(id, { status: "cancelled", finished: new Date().toISOString() }),
    );
  });

  app.get("/runs/:id/events", async (c) => {
    const first = await store.getRun(c.req.param("id"));
    c.header("Cache-Control", "no-store");
    return streamSSE(c, async (stream) => {
      await followRun(stream, first, deps);
    });
  });

  return app;
}

/**
 * Send `progress` events ({ done, total, fraction }) while the run goes on and one `end` event
 * with the finished run (status and result), then close. A run that has already finished gets
 * its `end` at once.
 */
async function followRun(stream: SSEStreamingApi, first: RunRecord, deps: AppDeps): Promise<void> {
  const { store, jobs } = deps;
  const progress = (done: number, total: number) =>
    stream.writeSSE({
      event: "progress",
      data: JSON.stringify({ done, total, fraction: total > 0 ? done / total : 0 }),
    });
  const end = (run: RunRecord) => stream.writeSSE({ event: "end", data: JSON.stringify(run) });
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
    const finish = (run: RunRecord) => {
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
    const check = () => {
      store.getRun(first.id).then(
        (run) => {
          if (isFinal(run.status)) finish(run);
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

import { availableParallelism } from "node:os";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ProviderConfig } from "../draft/provider-config.ts";
import { LedgerInputError } from "../ledger/ledger-input-error.ts";
import { QueueStatus } from "../queue/queue-status.ts";
import type { Store } from "../store/store.ts";
import { ConflictError, NotFoundError } from "../store/store-errors.ts";
import { requireHost, requireToken } from "./access-control.ts";
import { AnalysisPool } from "./analysis-pool.ts";
import { ApiError, type ApiErrorItem } from "./api-error.ts";
import type { AppDeps } from "./app-deps.ts";
import { corsOrigins } from "./cors-origins.ts";
import type { DealsHandler } from "./deals-extension.ts";
import { scenarioDeals } from "./deals-handler.ts";
import { DraftJobs } from "./draft-jobs.ts";
import { serveOpenApi } from "./openapi-document.ts";
import { DEFAULT_MAX_BODY_BYTES } from "./request-body.ts";
import { analysisRoutes } from "./routes/analysis-routes.ts";
import { draftRoutes } from "./routes/draft-routes.ts";
import { ledgerRoutes } from "./routes/ledger-routes.ts";
import { metaRoutes } from "./routes/meta-routes.ts";
import { reportRoute } from "./routes/report-route.ts";
import { revisionRoutes } from "./routes/revision-routes.ts";
import { runRoutes } from "./routes/run-routes.ts";
import { scenarioRoutes } from "./routes/scenario-routes.ts";
import { simulateRoute } from "./routes/simulate-route.ts";
import { SimulationJobs } from "./simulation-jobs.ts";
import { defaultWebDir, isolationHeaders, mountWebUi } from "./static-files.ts";
import { rejectInvalid } from "./validation-hook.ts";

/** Options of {@link createApp}. */
export interface AppOptions {
  store: Store;
  /** When set, every request other than GET/HEAD/OPTIONS needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  cors?: string | readonly string[];
  /** Host names the server answers to (e.g. the loopback names); any when not given. */
  allowedHosts?: readonly string[];
  /** Largest request body in bytes (default 5 MiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** Most samples one simulation may ask for (default 1 000 000). */
  maxSamples?: number;
  /** Simulations run at once (default 1). */
  concurrentSimulations?: number;
  /** Simulations one client (its address) may have queued or running at once (default 4). */
  simulationsPerClient?: number;
  /**
   * Redis URL (`REDIS_URL`): simulations go to `entente worker` processes through the queue,
   * and run here while Redis is unreachable or no worker listens.
   */
  redis?: string;
  /** Threads for forecasts, runs and deal searches (default: the cores; 0: the event loop). */
  analysisThreads?: number;
  /** Analyses waiting for a thread, at most, before requests get 503 (default 32). */
  maxQueuedAnalyses?: number;
  /**
   * Deal-space search behind `POST /api/scenarios/:id/deals`: default {@link scenarioDeals}
   * (as `entente deals`); `false` leaves it out, and the route answers 501.
   */
  deals?: DealsHandler | false;
  /**
   * The language model behind `POST /api/drafts` (drafting a scenario from articles); without
   * it drafting answers 503 and says how to configure one. `entente serve` reads it from
   * `ENTENTE_LLM_BASE_URL`, `ENTENTE_LLM_MODEL` and `ENTENTE_LLM_API_KEY`.
   */
  draftProvider?: ProviderConfig;
  /** The web UI's build folder; default `packages/web/dist` when it exists, `false` for none. */
  webDir?: string | false;
  /** Where internal errors are reported with their stack (never in responses). */
  log?: (message: string) => void;
}

/** The Hono app, with what it started: close it to stop background simulations. */
export type EntenteApp = Hono & {
  /** The background simulations. */
  readonly jobs: SimulationJobs;
  /**
   * Stop background simulations (recorded as failed) and drafts, and wait for them to settle,
   * then the analysis threads and the queue's connection.
   */
  close(): Promise<void>;
};

/**
 * The workbench's HTTP API as a Hono app over `store`: scenarios and revisions, forecasts,
 * model runs, background simulations with progress events, the OpenAPI document, and the web
 * UI's files when built. Test it in-process with `app.request(…)`; serve it with
 * `startServer`.
 */
export function createApp(options: AppOptions): EntenteApp {
  const { store } = options;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBody) || maxBody < 1024) {
    throw new RangeError(`maxBodyBytes: expected a whole number ≥ 1024, got ${maxBody}`);
  }
  const maxSamples = options.maxSamples ?? 1_000_000;
  if (!Number.isSafeInteger(maxSamples) || maxSamples < 1) {
    throw new RangeError(`maxSamples: expected a whole number ≥ 1, got ${maxSamples}`);
  }
  const origins = corsOrigins(options.cors);
  const log = options.log ?? (() => {});
  const jobs = new SimulationJobs(store, {
    concurrency: options.concurrentSimulations ?? 1,
    log,
    ...(options.redis === undefined ? {} : { redis: options.redis }),
    ...(options.simulationsPerClient === undefined
      ? {}
      : { perClient: options.simulationsPerClient }),
  });
  const analyses = new AnalysisPool({
    threads: options.analysisThreads ?? availableParallelism(),
    ...(options.maxQueuedAnalyses === undefined ? {} : { maxQueue: options.maxQueuedAnalyses }),
  });
  const queue = options.redis === undefined ? undefined : new QueueStatus(options.redis);
  const drafts = new DraftJobs({ log });
  const deps: AppDeps = {
    store,
    jobs,
    analyses,
    queue,
    deals: options.deals === false ? undefined : (options.deals ?? scenarioDeals),
    drafts,
    draftProvider: options.draftProvider,
    maxSamples,
    maxWorkers: availableParallelism(),
  };

  const app = new OpenAPIHono({ defaultHook: rejectInvalid });
  app.use("*", async (c, next) => {
    await next();
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    if (c.req.path.startsWith("/api/") && !c.res.headers.has("Cache-Control")) {
      c.res.headers.set("Cache-Control", "no-store");
    }
  });
  app.use("*", isolationHeaders);
  app.use("*", requireHost(options.allowedHosts));
  if (origins.length > 0) {
    app.use(
      "/api/*",
      cors({
        origin: [...origins],
        allowMethods: ["GET", "POST", "PUT", "DELETE"],
        allowHeaders: ["Content-Type", "Authorization"],
        exposeHeaders: ["Location"],
        maxAge: 600,
      }),
    );
  }
  app.use("/api/*", requireToken(options.token));
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: maxBody,
      onError: () => {
        throw new ApiError(413, [
          {
            path: "(body)",
            message: `the body is larger than this server accepts (${maxBody} bytes)`,
          },
        ]);
      },
    }),
  );

  app.route("/api", metaRoutes(deps));
  app.route("/api", scenarioRoutes(deps));
  app.route("/api", revisionRoutes(deps));
  app.route("/api", analysisRoutes(deps));
  app.route("/api", simulateRoute(deps));
  app.route("/api", runRoutes(deps));
  app.route("/api", ledgerRoutes(deps));
  app.route("/api", reportRoute(deps));
  app.route("/api", draftRoutes(deps));
  serveOpenApi(app);
  mountWebUi(app, options.webDir === false ? undefined : (options.webDir ?? defaultWebDir()));

  app.notFound((c) =>
    c.json(
      { errors: [{ path: "(route)", message: `no route ${c.req.method} ${c.req.path}` }] },
      404,
    ),
  );
  app.onError((e, c) => {
    const { status, errors, headers } = describeError(e);
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    if (status >= 500 && !(e instanceof ApiError)) {
      log(`internal error on ${c.req.method} ${c.req.path}: ${e.stack ?? e.message}`);
    }
    return c.json({ errors }, status);
  });

  const close = async () => {
    await Promise.all([jobs.close(), drafts.close()]);
    await Promise.all([analyses.close(), queue?.close()]);
  };
  return Object.assign(app, { jobs, close });
}

/** Status, error items and headers for anything a route threw; never a stack trace. */
function describeError(e: Error): {
  status: ContentfulStatusCode;
  errors: ApiErrorItem[];
  headers: Record<string, string>;
} {
  if (e instanceof ApiError) return { status: e.status, errors: e.errors, headers: e.headers };
  if (e instanceof LedgerInputError) {
    return {
      status: e.problems.some((p) => p.notFound) ? 404 : 400,
      errors: e.problems.map((p) => ({ path: p.path, message: p.message })),
      headers: {},
    };
  }
  if (e instanceof NotFoundError) {
    return { status: 404, errors: [{ path: `(${e.entity})`, message: e.message }], headers: {} };
  }
  if (e instanceof ConflictError) {
    const path =
      e.reason === "stale-revision" ? "baseRevision" : e.reason === "exists" ? "id" : "(run)";
    return { status: 409, errors: [{ path, message: e.message }], headers: {} };
  }
  if (e instanceof RangeError) {
    // The store and the core refuse bad arguments (an over-long id, say) with a RangeError.
    return { status: 400, errors: [{ path: "(request)", message: e.message }], headers: {} };
  }
  if (e instanceof HTTPException) {
    return {
      status: e.status as ContentfulStatusCode,
      errors: [{ path: "(request)", message: e.message || "bad request" }],
      headers: {},
    };
  }
  return {
    status: 500,
    errors: [{ path: "(server)", message: "internal error; the server's log has the details" }],
    headers: {},
  };
}

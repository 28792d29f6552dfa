import type { DraftArticle } from "@entente/core";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { articleFormat } from "../../draft/article-text.ts";
import { draftArticle } from "../../draft/draft-article.ts";
import { HOW_TO_CONFIGURE, publicBaseUrl } from "../../draft/provider-config.ts";
import { ApiError, type ApiErrorItem } from "../api-error.ts";
import type { AppDeps } from "../app-deps.ts";
import type { DraftJob } from "../draft-jobs.ts";
import { jsonObjectBody } from "../request-body.ts";
import { errorResponse, jsonBody, jsonResponse, writeErrors, writeSecurity } from "../schemas.ts";
import {
  DraftJobSchema,
  DraftParams,
  DraftProviderInfo,
  DraftRequestBody,
} from "./draft-schemas.ts";

/** Seconds a client is told to wait (Retry-After) when every draft slot is taken. */
const BUSY_RETRY_SECONDS = 10;

/**
 * Drafting a scenario from articles with the server's language model: whether one is configured
 * (`GET /draft-provider`), start a draft in the background (`POST /drafts`, 202), and follow it
 * (`GET /drafts/:id`) until it is done, with the scenario, or failed, with the reason.
 */
export function draftRoutes(deps: AppDeps): OpenAPIHono {
  const { drafts, draftProvider } = deps;
  const app = new OpenAPIHono();

  app.openapi(
    createRoute({
      method: "get",
      path: "/draft-provider",
      operationId: "draftProvider",
      summary: "Whether drafting from articles is configured, and with which model",
      responses: { 200: jsonResponse(DraftProviderInfo, "The provider (never its key)") },
    }),
    (c) =>
      c.json(
        draftProvider === undefined
          ? { configured: false, help: HOW_TO_CONFIGURE }
          : {
              configured: true,
              model: draftProvider.model,
              baseUrl: publicBaseUrl(draftProvider.baseUrl),
            },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/drafts",
      operationId: "startDraft",
      summary:
        "Draft a scenario from articles with the server's language model, in the background; follow it at Location",
      description:
        "The articles are sent to the configured provider (GET /api/draft-provider), one request per article. The whole body must also fit the server's body limit (413).",
      security: writeSecurity,
      middleware: [jsonObjectBody],
      request: { body: jsonBody(DraftRequestBody, true) },
      responses: {
        202: {
          ...jsonResponse(DraftJobSchema, "Started; follow it at Location"),
          headers: z.object({ Location: z.string().describe("/api/drafts/{id}") }),
        },
        400: errorResponse("Bad body: articles (1 to 20, each with readable text), id, asOf"),
        503: errorResponse(
          "No provider is configured (the message says how; nothing was sent), or as many drafts are running as the server allows (see Retry-After)",
        ),
        ...writeErrors,
      },
    }),
    (c) => {
      const body = c.req.valid("json");
      if (draftProvider === undefined) {
        throw new ApiError(503, [{ path: "(provider)", message: HOW_TO_CONFIGURE }]);
      }
      const articles: DraftArticle[] = [];
      const problems: ApiErrorItem[] = [];
      const ids = new Set<string>();
      for (const [i, upload] of body.articles.entries()) {
        const article = draftArticle(upload.name, upload.text, ids);
        if (article) articles.push(article);
        else {
          problems.push({
            path: `articles.${i}.text`,
            message: `no readable text in ${JSON.stringify(upload.name)} (read as ${articleFormat(upload.name)})`,
          });
        }
      }
      if (problems.length > 0) throw new ApiError(400, problems);
      if (drafts.full) {
        throw new ApiError(
          503,
          [
            {
              path: "(drafts)",
              message: `busy: ${drafts.maxRunning} drafts are running, as many as this server runs at once; try again when one has finished`,
            },
          ],
          { "Retry-After": String(BUSY_RETRY_SECONDS) },
        );
      }
      const n = articles.length;
      const job = drafts.start(articles, draftProvider, {
        id: body.id,
        title: body.title ?? `Draft from ${n} article${n === 1 ? "" : "s"}`,
        asOf: body.asOf,
      });
      c.header("Location", `/api/drafts/${job.id}`);
      return c.json(wire(job), 202);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/drafts/{id}",
      operationId: "getDraft",
      summary: "A draft: its progress, then the drafted scenario or why it failed",
      request: { params: DraftParams },
      responses: {
        200: jsonResponse(DraftJobSchema, "The draft"),
        404: errorResponse("No such draft (finished drafts are kept an hour, the last 50 at most)"),
      },
    }),
    (c) => {
      const { id } = c.req.valid("param");
      const job = drafts.get(id);
      if (job === undefined) {
        throw new ApiError(404, [
          {
            path: "(draft)",
            message: `no draft ${JSON.stringify(id)} here (drafts live in the server's memory: finished ones are kept an hour, the last 50 at most)`,
          },
        ]);
      }
      return c.json(wire(job), 200);
    },
  );

  return app;
}

/** A draft as its response schema types it (the scenario is described by the core's schema). */
function wire(job: DraftJob): z.output<typeof DraftJobSchema> {
  return job;
}

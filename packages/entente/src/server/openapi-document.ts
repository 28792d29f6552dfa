/**
 * `GET /openapi.json`: the OpenAPI 3.1 document of the API, generated from the routes' own
 * declarations. The zod schemas that describe a route's parameters and body are the ones that
 * check its requests, so the document and the validation cannot drift.
 * @module
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { DEFAULT_MAX_BODY_BYTES } from "./request-body.ts";
import { API_VERSION } from "./routes/meta-routes.ts";

/** What the document says about the API as a whole. */
const DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Entente workbench API",
    version: API_VERSION,
    description: `Scenarios with their full revision history, forecasts, model runs and background simulations. Errors are always { errors: [{ path, line?, col?, message }] }. Bodies are JSON (Content-Type: application/json) of at most ${DEFAULT_MAX_BODY_BYTES} bytes unless the server is configured otherwise. When the server has a token (ENTENTE_TOKEN), every request other than GET/HEAD/OPTIONS needs Authorization: Bearer <token>. Paths outside /api serve the web UI when it is built.`,
  },
  servers: [{ url: "/" }],
};

/**
 * Serve the document of every route `app` has when it is first asked for (mount the routes
 * before serving), this one included.
 */
export function serveOpenApi(app: OpenAPIHono): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "The server's ENTENTE_TOKEN; needed for changes when the server has one",
  });
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.openapi(
    createRoute({
      method: "get",
      path: "/openapi.json",
      operationId: "openApi",
      summary: "This document",
      responses: {
        200: {
          description: "OpenAPI 3.1",
          content: { "application/json": { schema: z.object({ openapi: z.string() }) } },
        },
      },
    }),
    (c) => {
      document ??= app.getOpenAPI31Document(DOCUMENT);
      return c.json(document, 200);
    },
  );
}

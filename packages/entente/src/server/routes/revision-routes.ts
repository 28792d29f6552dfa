import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { parse as parseYaml, stringify as toYaml } from "yaml";
import type { AppDeps } from "../app-deps.ts";
import { fields, queryNumber, wholeNumber } from "../field-schemas.ts";
import { jsonObjectBody } from "../request-body.ts";
import {
  errorResponse,
  jsonBody,
  jsonResponse,
  revisionQuery,
  ScenarioParams,
  writeErrors,
  writeSecurity,
} from "../schemas.ts";
import { RevisionInfo, ScenarioRevision, saveNote } from "./scenario-schemas.ts";

const scenarioNotFound = errorResponse("No such scenario");
const revisionNotFound = errorResponse("No such scenario or revision");

/**
 * A scenario's history: list its revisions, save an old revision's text as the next one
 * (nothing is overwritten; 409 when `baseRevision` is stale), and export a revision as YAML.
 */
export function revisionRoutes(deps: AppDeps): OpenAPIHono {
  const { store } = deps;
  const app = new OpenAPIHono();

  app.openapi(
    createRoute({
      method: "post",
      path: "/scenarios/{id}/revisions/{revision}/restore",
      operationId: "restoreRevision",
      summary: "Save an old revision's text as the next revision",
      security: writeSecurity,
      middleware: [jsonObjectBody],
      request: {
        params: ScenarioParams.extend({ revision: queryNumber(1) }),
        body: jsonBody(
          fields({
            baseRevision: wholeNumber(1)
              .optional()
              .describe("The latest revision (409 unless it is)"),
            ...saveNote,
          }),
        ),
      },
      responses: {
        201: jsonResponse(ScenarioRevision, "Saved as the next revision"),
        400: errorResponse("Bad revision number or body"),
        404: revisionNotFound,
        409: errorResponse("baseRevision is not the latest revision"),
        ...writeErrors,
      },
    }),
    async (c) => {
      const { id, revision: from } = c.req.valid("param");
      const { baseRevision, author, message } = c.req.valid("json");
      const old = await store.getScenario(id, from);
      const saved = await store.saveRevision(
        id,
        {
          text: old.text,
          format: old.format,
          scenario: old.scenario,
          ...(author === undefined ? {} : { author }),
          message: message ?? `Restored revision ${from}`,
        },
        baseRevision === undefined ? {} : { baseRevision },
      );
      return c.json(saved, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/scenarios/{id}/revisions",
      operationId: "listRevisions",
      summary: "A scenario's history, newest first",
      request: { params: ScenarioParams },
      responses: {
        200: jsonResponse(
          z.object({ id: z.string(), revisions: z.array(RevisionInfo) }),
          "The revisions",
        ),
        404: scenarioNotFound,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      return c.json({ id, revisions: await store.listRevisions(id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/scenarios/{id}/export.yaml",
      operationId: "exportScenario",
      summary: "A revision as YAML: the text as saved, or JSON converted to YAML",
      request: { params: ScenarioParams, query: z.object({ revision: revisionQuery }) },
      responses: {
        200: {
          description: "The YAML text (as an attachment)",
          content: { "application/yaml": { schema: z.string() } },
        },
        400: errorResponse("Bad revision number"),
        404: revisionNotFound,
      },
    }),
    async (c) => {
      const saved = await store.getScenario(c.req.valid("param").id, c.req.valid("query").revision);
      const text =
        saved.format === "yaml"
          ? saved.text
          : `# ${saved.title} — revision ${saved.revision}, saved as JSON\n${toYaml(parseYaml(saved.text))}`;
      c.header("Content-Type", "application/yaml; charset=utf-8");
      c.header(
        "Content-Disposition",
        `attachment; filename="${saved.scenarioId}-r${saved.revision}.yaml"`,
      );
      return c.body(text);
    },
  );

  return app;
}

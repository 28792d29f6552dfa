import { sameValue, show } from "@entente/core";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { patchYaml } from "../../io/patch-yaml.ts";
import { parseScenario } from "../../io/read-scenario.ts";
import { DELETED_KEPT_DAYS, type NewRevision } from "../../store/records.ts";
import type { Store } from "../../store/store.ts";
import { badRequest } from "../api-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { fields, queryFlag, text } from "../field-schemas.ts";
import { importUpload } from "../import-upload.ts";
import { jsonObjectBody } from "../request-body.ts";
import { parseScenarioSubmission } from "../scenario-body.ts";
import {
  errorResponse,
  jsonBody,
  jsonResponse,
  revisionQuery,
  ScenarioParams,
  writeErrors,
  writeSecurity,
} from "../schemas.ts";
import {
  DeletedScenario,
  ObjectSubmission,
  ScenarioRevision,
  ScenarioSubmission,
  ScenarioSummary,
  saveNote,
  TextSubmission,
} from "./scenario-schemas.ts";

const FILE_NAME = "expected the file's name, e.g. dummyData_3Dim.csv";

/** `POST /import`: a file to make a scenario of. */
const ImportBody = fields({
  name: text(255, FILE_NAME)
    .refine((name) => name.trim() !== "", FILE_NAME)
    .describe("The file's name (its extension tells scenario files apart)"),
  text: z
    .string({ error: (issue) => `expected the file's contents as text, got ${show(issue.input)}` })
    .describe("The file's contents"),
  id: text(64).optional().describe("The new scenario's id (default: the file's)"),
  ...saveNote,
});

const scenarioNotFound = errorResponse("No such scenario");
const revisionNotFound = errorResponse("No such scenario or revision");

/**
 * The scenarios: list, create, import (KTAB CSV/XML, EUM tables, scenario files), read (latest
 * or `?revision=n`), save a new revision (409 when `baseRevision` is stale), and delete
 * (recoverable for {@link DELETED_KEPT_DAYS} days: list with `?deleted=true`, restore, or purge
 * with `?purge=true`). Their history is in `revision-routes.ts`.
 */
export function scenarioRoutes(deps: AppDeps): OpenAPIHono {
  const { store } = deps;
  const app = new OpenAPIHono();
  app.openAPIRegistry.register("ScenarioText", TextSubmission);
  app.openAPIRegistry.register("ScenarioObject", ObjectSubmission);

  app.openapi(
    createRoute({
      method: "get",
      path: "/scenarios",
      operationId: "listScenarios",
      summary: `Every scenario with its latest revision's metadata, newest first; with ?deleted=true the deleted ones (recoverable for ${DELETED_KEPT_DAYS} days)`,
      request: {
        query: z.object({
          deleted: queryFlag()
            .default(false)
            .describe("List deleted scenarios (each with deleted and purgeAfter) instead"),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({ scenarios: z.array(z.union([ScenarioSummary, DeletedScenario])) }),
          "The scenarios",
        ),
        400: errorResponse("Bad flag"),
      },
    }),
    async (c) => {
      if (!c.req.valid("query").deleted) {
        return c.json({ scenarios: await store.listScenarios() }, 200);
      }
      await purgeExpired(store);
      return c.json({ scenarios: await store.listDeletedScenarios() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/import",
      operationId: "importScenario",
      summary:
        "Create a scenario from an uploaded file: a scenario (YAML/JSON), a KTAB CSV or XML file, or an EUM table",
      security: writeSecurity,
      middleware: [jsonObjectBody],
      request: { body: jsonBody(ImportBody, true) },
      responses: {
        201: {
          ...jsonResponse(
            ScenarioRevision.extend({ importedFrom: z.string() }),
            "Created, with importedFrom naming the format",
          ),
          headers: z.object({ Location: z.string() }),
        },
        400: errorResponse(
          "The file cannot be read or converted (every problem, with line and column)",
        ),
        409: errorResponse("A scenario with this id exists"),
        ...writeErrors,
      },
    }),
    async (c) => {
      const { name, text, id, author, message } = c.req.valid("json");
      const imported = importUpload(name, text, id);
      const saved = await store.createScenario(imported.revision.scenario.id, {
        ...imported.revision,
        ...(author === undefined ? {} : { author }),
        message: message ?? `Imported from ${name} (${imported.from})`,
      });
      c.header("Location", `/api/scenarios/${encodeURIComponent(saved.scenarioId)}`);
      return c.json({ ...saved, importedFrom: imported.from }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/scenarios",
      operationId: "createScenario",
      summary: "Create a scenario (its id is the document's id) as revision 1",
      security: writeSecurity,
      middleware: [jsonObjectBody],
      request: { body: jsonBody(ScenarioSubmission, true) },
      responses: {
        201: {
          ...jsonResponse(ScenarioRevision, "Created"),
          headers: z.object({ Location: z.string() }),
        },
        400: errorResponse(
          "The body or the scenario is invalid (every problem, with line/col for text)",
        ),
        409: errorResponse("A scenario with this id exists"),
        ...writeErrors,
      },
    }),
    async (c) => {
      const { revision, baseRevision } = parseScenarioSubmission(c.req.valid("json"), {
        requireBase: false,
      });
      if (baseRevision !== undefined) {
        // A new scenario has no earlier revision; accepting one would hide a client's mistake.
        throw badRequest(
          "baseRevision",
          "a new scenario has no earlier revision; use PUT /api/scenarios/:id to save one",
        );
      }
      const saved = await store.createScenario(revision.scenario.id, revision);
      c.header("Location", `/api/scenarios/${encodeURIComponent(saved.scenarioId)}`);
      return c.json(saved, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/scenarios/{id}",
      operationId: "getScenario",
      summary: "A revision of a scenario: its text as saved and the validated scenario",
      request: { params: ScenarioParams, query: z.object({ revision: revisionQuery }) },
      responses: {
        200: jsonResponse(ScenarioRevision, "The revision"),
        400: errorResponse("Bad revision number"),
        404: revisionNotFound,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      return c.json(await store.getScenario(id, c.req.valid("query").revision), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/scenarios/{id}",
      operationId: "saveScenario",
      summary: "Save a new revision; refused with 409 unless baseRevision is the latest",
      security: writeSecurity,
      middleware: [jsonObjectBody],
      request: {
        params: z.object({ id: z.string().describe("Scenario id (must equal the document's id)") }),
        body: jsonBody(ScenarioSubmission, true),
      },
      responses: {
        200: jsonResponse(ScenarioRevision, "Saved as the next revision"),
        400: errorResponse("The body or the scenario is invalid, or baseRevision is missing"),
        404: scenarioNotFound,
        409: errorResponse("baseRevision is not the latest revision: someone saved since"),
        ...writeErrors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      const submitted = parseScenarioSubmission(body, { requireBase: true, urlId: id });
      const { baseRevision } = submitted;
      const revision =
        body.form === "object" && baseRevision !== undefined
          ? await inPlace(store, id, baseRevision, submitted.revision)
          : submitted.revision;
      const saved = await store.saveRevision(
        id,
        revision,
        baseRevision === undefined ? {} : { baseRevision },
      );
      return c.json(saved, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/scenarios/{id}",
      operationId: "deleteScenario",
      summary: `Delete a scenario, recoverably for ${DELETED_KEPT_DAYS} days (POST …/restore); with ?purge=true remove a deleted one for good`,
      security: writeSecurity,
      request: {
        params: ScenarioParams,
        query: z.object({ purge: queryFlag().default(false) }),
      },
      responses: {
        200: jsonResponse(
          z.union([DeletedScenario, z.object({ purged: z.array(z.string()) })]),
          "Deleted (with deleted and purgeAfter), or { purged: [id] }",
        ),
        400: errorResponse("Bad flag"),
        404: scenarioNotFound,
        409: errorResponse("Purge asked for a scenario that is not deleted"),
        401: writeErrors[401],
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      if (c.req.valid("query").purge) {
        return c.json({ purged: await store.purgeScenarios({ id }) }, 200);
      }
      const deleted = await store.deleteScenario(id);
      await purgeExpired(store);
      return c.json(deleted, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/scenarios/{id}/restore",
      operationId: "restoreScenario",
      summary: "Bring a deleted scenario back with all its revisions",
      security: writeSecurity,
      request: { params: ScenarioParams },
      responses: {
        200: jsonResponse(ScenarioSummary, "Restored"),
        404: errorResponse("No such deleted scenario"),
        401: writeErrors[401],
      },
    }),
    async (c) => c.json(await store.restoreScenario(c.req.valid("param").id), 200),
  );

  return app;
}

/**
 * A scenario sent as an object (the workbench's save) on top of a revision written in YAML is
 * saved into that YAML text, so that comments, order and wrapping survive and the new text
 * differs from the old only where the scenario does. Falls back to the submission as sent.
 */
async function inPlace(
  store: Store,
  id: string,
  baseRevision: number,
  revision: NewRevision,
): Promise<NewRevision> {
  const base = await store.getScenario(id, baseRevision).catch(() => undefined);
  if (base?.format !== "yaml") return revision;
  const text = patchYaml(base.text, base.scenario, revision.scenario);
  if (text === undefined) return revision;
  const parsed = parseScenario(new TextEncoder().encode(text), `${id}.yaml`);
  if ("diagnostics" in parsed || !sameValue(parsed.scenario, revision.scenario)) return revision;
  return { ...revision, text, format: "yaml", scenario: parsed.scenario };
}

/** Purge scenarios deleted more than {@link DELETED_KEPT_DAYS} days ago. */
async function purgeExpired(store: Store): Promise<void> {
  const before = new Date(Date.now() - DELETED_KEPT_DAYS * 86_400_000).toISOString();
  await store.purgeScenarios({ before });
}

/**
 * The OpenAPI 3.1 description of the HTTP API, written by hand beside the routes (a test checks
 * that every route of the app is in it and nothing else). The scenario's own schema is the one
 * generated from the core's zod schema, so it cannot drift.
 * @module
 */
import { scenarioJsonSchema } from "@entente/core";
import { ledgerPaths } from "./openapi-ledger.ts";
import { DEFAULT_MAX_BODY_BYTES } from "./request-body.ts";
import { API_VERSION } from "./routes/meta-routes.ts";
import {
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
  DEFAULT_SIMULATION_MODELS,
} from "./routes/simulate-route.ts";
import { MAX_AUTHOR, MAX_MESSAGE } from "./scenario-body.ts";

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string): Json => ({
  description,
  content: { "application/json": { schema } },
});
const error = (description: string): Json => json(ref("Errors"), description);
const idParam = (what: string): Json => ({
  name: "id",
  in: "path",
  required: true,
  description: what,
  schema: { type: "string" },
});
const revisionQuery: Json = {
  name: "revision",
  in: "query",
  required: false,
  description: "A revision number (default: the latest)",
  schema: { type: "integer", minimum: 1 },
};
const writeSecurity = [{ bearerAuth: [] }, {}];
const standardErrors = {
  "401": { $ref: "#/components/responses/Unauthorized" },
  "413": { $ref: "#/components/responses/PayloadTooLarge" },
  "415": { $ref: "#/components/responses/UnsupportedMediaType" },
};
/** A JSON object body with exactly these properties (required when any property is). */
const jsonBody = (properties: Json, required: string[] = []): Json => ({
  required: required.length > 0,
  content: {
    "application/json": {
      schema: { type: "object", additionalProperties: false, required, properties },
    },
  },
});
const analysisBody = (properties: Json, required: string[] = []): Json =>
  jsonBody(
    {
      revision: { type: "integer", minimum: 1, description: "Default: the latest" },
      record: {
        type: "boolean",
        default: true,
        description: "Record the run in the store (its id is returned as runId)",
      },
      ...properties,
    },
    required,
  );
/** Body fields of forecast and simulate that shape the outcome distributions. */
const outcomeFields: Json = {
  calibration: {
    type: "string",
    enum: ["default", "none"],
    default: "default",
    description:
      "Models' error laws: the shipped DEU III calibration, or none (point forecasts and input uncertainty only)",
  },
  agreement: {
    type: "boolean",
    default: true,
    description:
      "Check each phase for an agreement (a win-set against the status quo); false: every phase settles",
  },
};
const analysisResponse = (result: Json, description: string): Json =>
  json(
    {
      type: "object",
      required: ["runId", "scenarioId", "revision", "result"],
      properties: {
        runId: { type: ["string", "null"], description: "null when record is false" },
        scenarioId: { type: "string" },
        revision: { type: "integer" },
        result,
      },
    },
    description,
  );

/** The OpenAPI 3.1 document served at `/openapi.json`. */
export function openApiDocument(): Json {
  const { $schema: _dialect, ...schema } = scenarioJsonSchema();
  // The scenario schema's own references (`#/$defs/…`, the recursive question predicate) point
  // into it; here it lives at #/components/schemas/Scenario.
  const scenario = JSON.parse(
    JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/Scenario/$defs/'),
  ) as Json;
  return {
    openapi: "3.1.0",
    info: {
      title: "Entente workbench API",
      version: API_VERSION,
      description: `Scenarios with their full revision history, forecasts, model runs and background simulations. Errors are always { errors: [{ path, line?, col?, message }] }. Bodies are JSON (Content-Type: application/json) of at most ${DEFAULT_MAX_BODY_BYTES} bytes unless the server is configured otherwise. When the server has a token (ENTENTE_TOKEN), every request other than GET/HEAD/OPTIONS needs Authorization: Bearer <token>. Paths outside /api serve the web UI when it is built.`,
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/health": {
        get: {
          operationId: "health",
          summary: "Whether the server is up, its version and its database",
          responses: { "200": json(ref("Health"), "The server is up") },
        },
      },
      "/api/models": {
        get: {
          operationId: "listModels",
          summary: "Every model with its reference, parameters and presets",
          responses: {
            "200": json(
              {
                type: "object",
                properties: { models: { type: "array", items: ref("ModelInfo") } },
              },
              "The models",
            ),
          },
        },
      },
      "/api/scenarios": {
        get: {
          operationId: "listScenarios",
          summary:
            "Every scenario with its latest revision's metadata, newest first; with ?deleted=true the deleted ones (recoverable for 30 days)",
          parameters: [
            {
              name: "deleted",
              in: "query",
              required: false,
              schema: { type: "boolean", default: false },
              description: "List deleted scenarios (each with deleted and purgeAfter) instead",
            },
          ],
          responses: {
            "200": json(
              {
                type: "object",
                properties: { scenarios: { type: "array", items: ref("ScenarioSummary") } },
              },
              "The scenarios",
            ),
          },
        },
        post: {
          operationId: "createScenario",
          summary: "Create a scenario (its id is the document's id) as revision 1",
          security: writeSecurity,
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("ScenarioSubmission") } },
          },
          responses: {
            "201": {
              ...json(ref("ScenarioRevision"), "Created"),
              headers: { Location: { schema: { type: "string" } } },
            },
            "400": error(
              "The body or the scenario is invalid (every problem, with line/col for text)",
            ),
            "409": error("A scenario with this id exists"),
            ...standardErrors,
          },
        },
      },
      "/api/scenarios/{id}": {
        get: {
          operationId: "getScenario",
          summary: "A revision of a scenario: its text as saved and the validated scenario",
          parameters: [idParam("Scenario id"), revisionQuery],
          responses: {
            "200": json(ref("ScenarioRevision"), "The revision"),
            "400": error("Bad revision number"),
            "404": error("No such scenario or revision"),
          },
        },
        put: {
          operationId: "saveScenario",
          summary: "Save a new revision; refused with 409 unless baseRevision is the latest",
          security: writeSecurity,
          parameters: [idParam("Scenario id (must equal the document's id)")],
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("ScenarioSubmission") } },
          },
          responses: {
            "200": json(ref("ScenarioRevision"), "Saved as the next revision"),
            "400": error("The body or the scenario is invalid, or baseRevision is missing"),
            "404": error("No such scenario"),
            "409": error("baseRevision is not the latest revision: someone saved since"),
            ...standardErrors,
          },
        },
        delete: {
          operationId: "deleteScenario",
          summary:
            "Delete a scenario, recoverably for 30 days (POST …/restore); with ?purge=true remove a deleted one for good",
          security: writeSecurity,
          parameters: [
            idParam("Scenario id"),
            {
              name: "purge",
              in: "query",
              required: false,
              schema: { type: "boolean", default: false },
            },
          ],
          responses: {
            "200": json(
              { type: "object" },
              "Deleted (with deleted and purgeAfter), or { purged: [id] }",
            ),
            "404": error("No such scenario"),
            "409": error("Purge asked for a scenario that is not deleted"),
            ...standardErrors,
          },
        },
      },
      "/api/import": {
        post: {
          operationId: "importScenario",
          summary:
            "Create a scenario from an uploaded file: a scenario (YAML/JSON), a KTAB CSV or XML file, or an EUM table",
          security: writeSecurity,
          requestBody: jsonBody(
            {
              name: {
                type: "string",
                description: "The file's name (its extension tells scenario files apart)",
              },
              text: { type: "string", description: "The file's contents" },
              id: { type: "string", description: "The new scenario's id (default: the file's)" },
              author: { type: "string" },
              message: { type: "string" },
            },
            ["name", "text"],
          ),
          responses: {
            "201": json(ref("ScenarioRevision"), "Created, with importedFrom naming the format"),
            "400": error(
              "The file cannot be read or converted (every problem, with line and column)",
            ),
            "409": error("A scenario with this id exists"),
            ...standardErrors,
          },
        },
      },
      "/api/scenarios/{id}/restore": {
        post: {
          operationId: "restoreScenario",
          summary: "Bring a deleted scenario back with all its revisions",
          security: writeSecurity,
          parameters: [idParam("Scenario id")],
          responses: {
            "200": json(ref("ScenarioSummary"), "Restored"),
            "404": error("No such deleted scenario"),
            ...standardErrors,
          },
        },
      },
      "/api/scenarios/{id}/revisions/{revision}/restore": {
        post: {
          operationId: "restoreRevision",
          summary: "Save an old revision's text as the next revision",
          security: writeSecurity,
          parameters: [
            idParam("Scenario id"),
            {
              name: "revision",
              in: "path",
              required: true,
              schema: { type: "integer", minimum: 1 },
            },
          ],
          requestBody: jsonBody({
            baseRevision: { type: "integer", minimum: 1 },
            author: { type: "string" },
            message: { type: "string" },
          }),
          responses: {
            "201": json(ref("ScenarioRevision"), "Saved as the next revision"),
            "404": error("No such scenario or revision"),
            "409": error("baseRevision is not the latest revision"),
            ...standardErrors,
          },
        },
      },
      "/api/scenarios/{id}/revisions": {
        get: {
          operationId: "listRevisions",
          summary: "A scenario's history, newest first",
          parameters: [idParam("Scenario id")],
          responses: {
            "200": json(
              {
                type: "object",
                properties: {
                  id: { type: "string" },
                  revisions: { type: "array", items: ref("RevisionInfo") },
                },
              },
              "The revisions",
            ),
            "404": error("No such scenario"),
          },
        },
      },
      "/api/scenarios/{id}/export.yaml": {
        get: {
          operationId: "exportScenario",
          summary: "A revision as YAML: the text as saved, or JSON converted to YAML",
          parameters: [idParam("Scenario id"), revisionQuery],
          responses: {
            "200": {
              description: "The YAML text (as an attachment)",
              content: { "application/yaml": { schema: { type: "string" } } },
            },
            "400": error("Bad revision number"),
            "404": error("No such scenario or revision"),
          },
        },
      },
      ...reportPaths(),
      "/api/scenarios/{id}/forecast": {
        post: {
          operationId: "forecast",
          summary:
            "Every model's point forecast per issue (through the scenario's phases), with its calibrated outcome distribution and each phase's chance of agreement",
          security: writeSecurity,
          parameters: [idParam("Scenario id")],
          requestBody: analysisBody({
            phases: {
              type: "boolean",
              default: true,
              description: "Forecast through the scenario's phases",
            },
            ...outcomeFields,
          }),
          responses: {
            "200": analysisResponse(ref("ForecastTable"), "The forecast table"),
            "400": error("Bad body"),
            "404": error("No such scenario or revision"),
            ...standardErrors,
          },
        },
      },
      "/api/scenarios/{id}/run": {
        post: {
          operationId: "runModel",
          summary: "One model on every issue: the `entente run` JSON document",
          security: writeSecurity,
          parameters: [idParam("Scenario id")],
          requestBody: analysisBody(
            {
              model: { type: "string", description: "A model id (GET /api/models)" },
              preset: { type: "string" },
              params: {
                type: "object",
                additionalProperties: { type: ["number", "boolean", "string"] },
              },
              rounds: { type: "integer", minimum: 1, description: "Dynamic models only" },
            },
            ["model"],
          ),
          responses: {
            "200": analysisResponse(ref("RunDocument"), "The run document"),
            "400": error("Unknown model, preset or parameter, or a bad value"),
            "404": error("No such scenario or revision"),
            "422": error("The scenario lacks an input the model needs"),
            ...standardErrors,
          },
        },
      },
      "/api/scenarios/{id}/simulate": {
        post: {
          operationId: "simulate",
          summary: "Start a Monte Carlo simulation in the background",
          security: writeSecurity,
          parameters: [idParam("Scenario id")],
          requestBody: {
            required: false,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  additionalProperties: false,
                  properties: {
                    samples: { type: "integer", minimum: 1, default: DEFAULT_SAMPLES },
                    seed: { type: "integer", minimum: 0, default: DEFAULT_SEED },
                    models: {
                      type: "array",
                      items: { type: "string" },
                      minItems: 1,
                      default: DEFAULT_SIMULATION_MODELS,
                    },
                    workers: {
                      type: "integer",
                      minimum: 1,
                      description: "Worker threads (default: the machine's cores)",
                    },
                    distribution: {
                      type: "string",
                      enum: ["triangular", "uniform"],
                      default: "triangular",
                    },
                    thresholds: {
                      type: "object",
                      additionalProperties: { type: "array", items: { type: "number" } },
                      description: "Extra P(outcome ≥ x) thresholds per issue id",
                    },
                    revision: { type: "integer", minimum: 1 },
                    sensitivity: {
                      type: "boolean",
                      default: false,
                      description:
                        "Add one-at-a-time (tornado) and first-order Sobol sensitivity to the result",
                    },
                    sensitivitySamples: {
                      type: "integer",
                      minimum: 16,
                      maximum: 4096,
                      default: 128,
                      description: "Base samples N of the Sobol design (N·(inputs + 2) runs)",
                    },
                    ...outcomeFields,
                  },
                },
              },
            },
          },
          responses: {
            "202": {
              ...json(
                {
                  allOf: [
                    ref("RunRecord"),
                    {
                      type: "object",
                      properties: {
                        links: {
                          type: "object",
                          properties: { self: { type: "string" }, events: { type: "string" } },
                        },
                      },
                    },
                  ],
                },
                "Queued; follow it at Location or its events",
              ),
              headers: { Location: { schema: { type: "string" } } },
            },
            "400": error("Bad plan (samples, seed, models, workers, thresholds)"),
            "404": error("No such scenario or revision"),
            ...standardErrors,
          },
        },
      },
      "/api/scenarios/{id}/deals": {
        post: {
          operationId: "deals",
          summary:
            "Package deals between two actors, as `entente deals --format json` (501 when the server was built without it)",
          security: writeSecurity,
          parameters: [idParam("Scenario id")],
          requestBody: analysisBody({
            between: {
              description: "The two actors (default: the two most capable)",
              oneOf: [
                { type: "array", items: { type: "string" }, minItems: 2, maxItems: 2 },
                { type: "string", description: "a,b" },
              ],
            },
            ratify: {
              type: "boolean",
              default: false,
              description: "Also compute the win-set under the scenario's ratifiers",
            },
            grid: { type: "integer", minimum: 2, maximum: 101, description: "Points per issue" },
            limit: { type: "integer", minimum: 1, maximum: 100, default: 5 },
            params: {
              type: "object",
              description: "loss, ks, ksUtopia, winSetScope, maxOutcomes, statusQuoOnGrid",
              additionalProperties: { type: ["number", "boolean", "string"] },
            },
          }),
          responses: {
            "200": analysisResponse(ref("DealsDocument"), "The deal analysis"),
            "400": error("Unknown party, field or parameter, or a bad value"),
            "404": error("No such scenario or revision"),
            "501": error("Deal-space search is not available in this server"),
            ...standardErrors,
          },
        },
      },
      "/api/runs": {
        get: {
          operationId: "listRuns",
          summary: "Runs, newest first, without their results",
          parameters: [
            { name: "scenario", in: "query", schema: { type: "string" } },
            { name: "status", in: "query", schema: ref("RunStatus") },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000 } },
          ],
          responses: {
            "200": json(
              { type: "object", properties: { runs: { type: "array", items: ref("RunRecord") } } },
              "The runs",
            ),
            "400": error("Bad status or limit"),
          },
        },
      },
      "/api/runs/{id}": {
        get: {
          operationId: "getRun",
          summary: "A run: status, progress, timing and result",
          parameters: [idParam("Run id")],
          responses: {
            "200": json(ref("RunRecord"), "The run"),
            "404": error("No such run"),
          },
        },
        delete: {
          operationId: "cancelRun",
          summary: "Cancel a queued or running run",
          security: writeSecurity,
          parameters: [idParam("Run id")],
          responses: {
            "200": json(ref("RunRecord"), "Cancelled"),
            "401": { $ref: "#/components/responses/Unauthorized" },
            "404": error("No such run"),
            "409": error("The run has already finished"),
          },
        },
      },
      "/api/runs/{id}/events": {
        get: {
          operationId: "followRun",
          summary:
            "Server-sent events: `status`, `progress` ({ done, total, fraction }) while it runs, then one `end` with the finished run (status, result or error)",
          parameters: [idParam("Run id")],
          responses: {
            "200": {
              description: "An event stream that closes after `end`",
              content: { "text/event-stream": { schema: { type: "string" } } },
            },
            "404": error("No such run"),
          },
        },
      },
      ...ledgerPaths,
      "/openapi.json": {
        get: {
          operationId: "openApi",
          summary: "This document",
          responses: {
            "200": { description: "OpenAPI 3.1", content: { "application/json": {} } },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "The server's ENTENTE_TOKEN; needed for changes when the server has one",
        },
      },
      responses: {
        Unauthorized: error("The server has a token and the request did not send it"),
        PayloadTooLarge: error("The body is larger than the server accepts"),
        UnsupportedMediaType: error("The body is not application/json"),
      },
      schemas: {
        Errors: {
          type: "object",
          required: ["errors"],
          properties: { errors: { type: "array", items: ref("ErrorItem") } },
        },
        ErrorItem: {
          type: "object",
          required: ["path", "message"],
          properties: {
            path: {
              type: "string",
              description:
                "Where: a path into the scenario (stances.3.salience) or the body (baseRevision), or (syntax), (body), (auth), (scenario)…",
            },
            line: { type: "integer", description: "1-based line in the submitted text" },
            col: { type: "integer", description: "1-based column in the submitted text" },
            message: { type: "string" },
          },
        },
        Health: {
          type: "object",
          properties: {
            status: { const: "ok" },
            version: { type: "string" },
            store: { type: "string", enum: ["sqlite", "postgres"] },
          },
        },
        ModelInfo: {
          type: "object",
          properties: {
            id: { type: "string" },
            label: { type: "string" },
            reference: { type: "string" },
            dynamic: { type: "boolean" },
            fast: { type: "boolean" },
            params: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  name: { type: "string" },
                  description: { type: "string" },
                  kind: { type: "string", enum: ["number", "integer", "boolean", "enum"] },
                  default: {},
                  min: { type: "number" },
                  max: { type: "number" },
                  values: { type: "array", items: { type: "string" } },
                },
              },
            },
            presets: { type: "object", additionalProperties: { type: "object" } },
          },
        },
        Scenario: scenario,
        ScenarioFormat: { type: "string", enum: ["yaml", "json"] },
        ScenarioSubmission: {
          description:
            "YAML/JSON text (checked like `entente validate`, errors with line/col), a { scenario } object, or the scenario itself. PUT needs baseRevision.",
          oneOf: [
            {
              type: "object",
              required: ["text"],
              additionalProperties: false,
              properties: {
                text: { type: "string" },
                format: {
                  ...ref("ScenarioFormat"),
                  description: "Default: json if the text starts with {, else yaml",
                },
                baseRevision: { type: "integer", minimum: 1 },
                author: { type: "string", maxLength: MAX_AUTHOR },
                message: { type: "string", maxLength: MAX_MESSAGE },
              },
            },
            {
              type: "object",
              required: ["scenario"],
              additionalProperties: false,
              properties: {
                scenario: ref("Scenario"),
                baseRevision: { type: "integer", minimum: 1 },
                author: { type: "string", maxLength: MAX_AUTHOR },
                message: { type: "string", maxLength: MAX_MESSAGE },
              },
            },
            ref("Scenario"),
          ],
        },
        RevisionInfo: {
          type: "object",
          properties: {
            scenarioId: { type: "string" },
            revision: { type: "integer", minimum: 1 },
            title: { type: "string" },
            format: ref("ScenarioFormat"),
            author: { type: ["string", "null"] },
            message: { type: ["string", "null"] },
            created: { type: "string", format: "date-time" },
          },
        },
        ScenarioRevision: {
          allOf: [
            ref("RevisionInfo"),
            {
              type: "object",
              properties: {
                text: { type: "string", description: "The text exactly as saved" },
                scenario: ref("Scenario"),
              },
            },
          ],
        },
        ScenarioSummary: {
          type: "object",
          properties: {
            id: { type: "string" },
            title: { type: "string" },
            created: { type: "string", format: "date-time" },
            updated: { type: "string", format: "date-time" },
            latestRevision: { type: "integer" },
            latest: ref("RevisionInfo"),
          },
        },
        RunStatus: { type: "string", enum: ["queued", "running", "done", "failed", "cancelled"] },
        RunRecord: {
          type: "object",
          properties: {
            id: { type: "string" },
            scenarioId: { type: "string" },
            revision: { type: "integer" },
            kind: { type: "string", enum: ["forecast", "run", "simulate", "deals"] },
            model: { type: ["string", "null"] },
            parameters: { type: "object" },
            seed: { type: ["integer", "null"] },
            status: ref("RunStatus"),
            progressDone: { type: "integer" },
            progressTotal: { type: "integer" },
            result: {
              description:
                "ForecastTable, RunDocument, SimulationDocument or DealsDocument once done; null before, and in listings",
            },
            error: { type: ["string", "null"] },
            created: { type: "string", format: "date-time" },
            started: { type: ["string", "null"], format: "date-time" },
            finished: { type: ["string", "null"], format: "date-time" },
          },
        },
        ForecastTable: {
          type: "object",
          description: "As `entente forecast --format json`",
          properties: {
            scenario: { type: "string" },
            title: { type: "string" },
            models: { type: "array", items: { type: "object" } },
            phases: { type: "array", items: { type: "string" } },
            issues: { type: "array", items: { type: "object" } },
            ...uncertaintySettings,
            outcomes: {
              type: "object",
              description:
                "Per phase, the chance it ends in an agreement; phases that cannot be checked, with the reason; per issue and model, the outcome distribution (median, 50/80/95 % intervals, named-outcome bands, P(status quo holds))",
              properties: {
                phases: { type: "array", items: { type: "object" } },
                unchecked: { type: "array", items: { type: "object" } },
                issues: { type: "array", items: { type: "object" } },
              },
            },
          },
        },
        RunDocument: {
          type: "object",
          description: "As `entente run --format json`",
          properties: {
            scenario: { type: "string" },
            model: { type: "string" },
            preset: { type: "string" },
            params: { type: "object" },
            issues: { type: "array", items: { type: "object" } },
          },
        },
        DealsDocument: {
          type: "object",
          description: "As `entente deals --format json`",
          properties: {
            source: { type: "string" },
            parties: { type: "array", items: { type: "string" } },
            grid: { type: "integer" },
            gridNote: { type: "string" },
            packages: { type: "integer" },
            frontierPoints: { type: "integer" },
            rationalPackages: { type: "integer" },
            reservations: { type: "array", items: { type: "number" } },
            nash: { type: "object" },
            kalaiSmorodinsky: { type: "object" },
            maxWelfare: { type: "object" },
            offers: { type: "object" },
            path: { type: "array", items: { type: "object" } },
            winSet: { type: "object" },
            notes: { type: "array", items: { type: "string" } },
          },
        },
        SimulationDocument: {
          type: "object",
          description: "As `entente simulate --format json`: the result of a simulate run",
          properties: {
            scenario: { type: "string" },
            scenarioHash: { type: "integer" },
            samples: { type: "integer" },
            seed: { type: "integer" },
            models: { type: "array", items: { type: "string" } },
            distribution: { type: "string" },
            ...uncertaintySettings,
            report: {
              type: "object",
              description:
                "Per issue and model the distribution of its forecast over the sampled inputs (mean, sd, quantiles, histogram) and of the `outcome` (median, 50/80/95 % intervals, P(≥ marks), named-outcome bands, P(status quo holds)); `phases` with P(agreement) ± se; `questions` with each model's probability ± se; shocks",
            },
          },
        },
      },
    },
  };
}

/** What a forecast or simulation says about its uncertainty: which calibration, whether phases were checked. */
const uncertaintySettings = {
  calibration: {
    type: ["string", "null"],
    description: "The calibration behind model error and the ranges, in one line; null for none",
  },
  agreement: { type: "boolean", description: "Whether phases were checked for agreement" },
};

/** `GET /api/scenarios/{id}/report.html|.pdf|.md`: the report of `entente report`. */
function reportPaths(): Json {
  const query = (name: string, description: string, schema: Json): Json => ({
    name,
    in: "query",
    required: false,
    description,
    schema,
  });
  const types = { html: "text/html", pdf: "application/pdf", md: "text/markdown" } as const;
  return Object.fromEntries(
    Object.entries(types).map(([format, type]) => [
      `/api/scenarios/{id}/report.${format}`,
      {
        get: {
          operationId: `report${format[0]?.toUpperCase()}${format.slice(1)}`,
          summary: `The report of \`entente report\` as ${format === "md" ? "Markdown" : format.toUpperCase()}: summary, each issue's outlook with charts, phases, questions, deal space, offers, sensitivity, the models' record on DEU III and the sources`,
          parameters: [
            idParam("Scenario id"),
            revisionQuery,
            query("samples", "Monte Carlo samples (default 10000)", {
              type: "integer",
              minimum: 1,
            }),
            query("seed", "Random seed (default 42)", { type: "integer", minimum: 0 }),
            query(
              "between",
              "The two principals for the deal space, `a,b` (default: the two most capable)",
              { type: "string" },
            ),
            query("calibration", "Models' error: the shipped DEU III calibration, or none", {
              enum: ["default", "none"],
            }),
          ],
          responses: {
            "200": {
              description: "The report",
              content: {
                [type]: {
                  schema: { type: "string", ...(format === "pdf" ? { format: "binary" } : {}) },
                },
              },
            },
            "400": error("Bad query parameter"),
            "404": error("No such scenario or revision"),
            "422": error("A model cannot run on this scenario"),
            ...(format === "pdf"
              ? { "501": error("Chromium is not installed on the server") }
              : {}),
          },
        },
      },
    ]),
  );
}

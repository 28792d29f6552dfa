/**
 * What many routes declare alike: the error answer, the responses and security of writes, the
 * JSON body, the ids in paths, and the fields several bodies share.
 * @module
 */
import { getModel } from "@entente/core";
import { z } from "@hono/zod-openapi";
import { choice, flag, queryNumber, wholeNumber } from "./field-schemas.ts";

/** One problem: where (a path into the body or the scenario, or a `(…)` word) and what. */
export const ErrorItem = z
  .object({
    path: z
      .string()
      .describe(
        "Where: a path into the scenario (stances.3.salience) or the body (baseRevision), or (syntax), (body), (auth), (scenario)…",
      ),
    line: z.int().optional().describe("1-based line in the submitted text"),
    col: z.int().optional().describe("1-based column in the submitted text"),
    message: z.string(),
  })
  .openapi("ErrorItem");

/** Every error answer: `{ errors: [{ path, line?, col?, message }] }`. */
export const Errors = z.object({ errors: z.array(ErrorItem) }).openapi("Errors");

/** A JSON response of `schema`. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/** An error response (`{ errors }`). */
export function errorResponse(description: string) {
  return jsonResponse(Errors, description);
}

/** Who may write: anyone, or with the server's bearer token when it has one. */
export const writeSecurity = [{ bearerAuth: [] }, {}];

/** What any write may answer besides its own errors. */
export const writeErrors = {
  401: errorResponse("The server has a token and the request did not send it"),
  413: errorResponse("The body is larger than the server accepts"),
  415: errorResponse("The body is not application/json"),
};

/**
 * A route's JSON body, checked by `schema`; `required` when `{}` is not a valid body. The route
 * reads it through `jsonObjectBody` (its `middleware`), which applies the body rules first.
 */
export function jsonBody<T extends z.ZodType>(schema: T, required = false) {
  return { required, content: { "application/json": { schema } } };
}

/** `{id}` in a scenario's paths. */
export const ScenarioParams = z.object({ id: z.string().describe("Scenario id") });

/** `{id}` in a run's paths. */
export const RunParams = z.object({ id: z.string().describe("Run id") });

/** `?revision=` */
export const revisionQuery = queryNumber(1)
  .optional()
  .describe("A revision number (default: the latest)");

/** `revision` in a body: the revision to work on. */
export const revisionField = wholeNumber(1).optional().describe("Default: the latest");

/** `record` in a synchronous analysis's body. */
export const recordField = flag()
  .default(true)
  .describe("Record the run in the store (its id is returned as runId)");

/** The models' error laws, in a body or a query. */
export const calibrationField = choice(["default", "none"])
  .default("default")
  .describe(
    "Models' error laws: the shipped DEU III calibration, or none (point forecasts and input uncertainty only)",
  );

/** Body fields of forecast and simulate that shape the outcome distributions. */
export const outcomeFields = {
  calibration: calibrationField,
  agreement: flag()
    .default(true)
    .describe(
      "Check each phase for an agreement (a win-set against the status quo); false: every phase settles",
    ),
};

/** A registered model's id; an unknown one gets the registry's message, naming the known ones. */
export const modelId = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? "missing: name the model to run (GET /api/models lists them)"
        : `expected a model id, got ${JSON.stringify(issue.input)}`,
  })
  .check((ctx) => {
    try {
      getModel(ctx.value);
    } catch (e) {
      ctx.issues.push({ code: "custom", message: (e as Error).message, input: ctx.value });
    }
  })
  .describe("A model id (GET /api/models)");

/**
 * The scenario routes' wire: the scenario document (described by the core's own JSON Schema),
 * the three forms of a save, and revisions and summaries as the store returns them.
 * @module
 */
import { scenarioJsonSchema, show } from "@entente/core";
import { z } from "@hono/zod-openapi";
import { SCENARIO_FORMATS } from "../../store/records.ts";
import { choice, fields, text, wholeNumber } from "../field-schemas.ts";

/** Longest `author` accepted. */
const MAX_AUTHOR = 200;
/** Longest `message` accepted. */
const MAX_MESSAGE = 2000;

/**
 * A scenario as a JSON object. Its fields are checked by the route (as `entente validate` checks
 * a file, every problem at once); the document describes it with the core's JSON Schema.
 */
export const ScenarioDocument = z
  .custom<unknown>(
    (value) => typeof value === "object" && value !== null && !Array.isArray(value),
    {
      error: (issue) => `expected the scenario as a JSON object, got ${show(issue.input)}`,
    },
  )
  .openapi("Scenario", scenarioComponent());

/** How a revision's text was written. */
export const ScenarioFormat = choice(SCENARIO_FORMATS).openapi("ScenarioFormat");

/** Who saved and why, in either form of a save or a restore. */
export const saveNote = {
  author: text(MAX_AUTHOR).optional(),
  message: text(MAX_MESSAGE).optional(),
};

const baseRevision = wholeNumber(1)
  .optional()
  .describe("The revision the edit is based on (needed by PUT; 409 unless it is the latest)");

/** A save as YAML or JSON text. */
export const TextSubmission = fields({
  text: z.string({
    error: (issue) => `expected the scenario's YAML or JSON text, got ${show(issue.input)}`,
  }),
  format: ScenarioFormat.describe("Default: json if the text starts with {, else yaml").optional(),
  baseRevision,
  ...saveNote,
}).openapi("ScenarioText", {
  description:
    "YAML or JSON text, checked as `entente validate` checks a file (problems with line and column)",
});

/** A save as a scenario object. */
export const ObjectSubmission = fields({
  scenario: ScenarioDocument,
  format: ScenarioFormat.describe("Store it as YAML text, or as JSON (the default)").optional(),
  baseRevision,
  ...saveNote,
}).openapi("ScenarioObject", {
  description: "The scenario as a JSON object, with the save's note",
});

/** A checked save, told by its form; `document` is the scenario sent as the whole body. */
export type Submission =
  | ({ form: "text" } & z.output<typeof TextSubmission>)
  | ({ form: "object" } & z.output<typeof ObjectSubmission>)
  | {
      form: "document";
      scenario: unknown;
      baseRevision?: undefined;
      author?: undefined;
      message?: undefined;
    };

/**
 * The body of a scenario save, in one of three forms told apart by their field: `{ text, … }`,
 * `{ scenario, … }`, or the scenario itself. The form's own fields are checked here, so that a
 * problem is reported against the form meant; the scenario by the route.
 */
export const ScenarioSubmission = z
  .record(z.string(), z.unknown())
  .transform((body, ctx): Submission => {
    if ("text" in body) {
      const checked = TextSubmission.safeParse(body);
      return checked.success ? { form: "text", ...checked.data } : refuse(ctx, checked.error);
    }
    if ("scenario" in body) {
      const checked = ObjectSubmission.safeParse(body);
      return checked.success ? { form: "object", ...checked.data } : refuse(ctx, checked.error);
    }
    return { form: "document", scenario: body };
  })
  .openapi("ScenarioSubmission", {
    type: "object",
    description:
      "YAML/JSON text (checked like `entente validate`, errors with line/col), a { scenario } object, or the scenario itself. PUT needs baseRevision.",
    oneOf: ["ScenarioText", "ScenarioObject", "Scenario"].map((name) => ({
      $ref: `#/components/schemas/${name}`,
    })),
  });

/** One revision's metadata, without its text. */
export const RevisionInfo = z
  .object({
    scenarioId: z.string(),
    revision: z.int().min(1),
    title: z.string(),
    format: ScenarioFormat,
    author: z.string().nullable(),
    message: z.string().nullable(),
    created: z.iso.datetime(),
  })
  .openapi("RevisionInfo");

/** A whole revision: its metadata, the text as saved and the validated scenario. */
export const ScenarioRevision = RevisionInfo.extend({
  text: z.string().describe("The text exactly as saved"),
  scenario: ScenarioDocument,
}).openapi("ScenarioRevision");

/** A scenario in a listing, with its latest revision's metadata. */
export const ScenarioSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    created: z.iso.datetime(),
    updated: z.iso.datetime(),
    latestRevision: z.int(),
    latest: RevisionInfo,
  })
  .openapi("ScenarioSummary");

/** A deleted scenario, recoverable until `purgeAfter`. */
export const DeletedScenario = ScenarioSummary.extend({
  deleted: z.iso.datetime(),
  purgeAfter: z.iso.datetime(),
}).openapi("DeletedScenario");

/** Report a form's problems as the body's own. */
function refuse(ctx: z.RefinementCtx, error: z.ZodError): never {
  for (const issue of error.issues) ctx.issues.push({ ...issue, input: undefined });
  return z.NEVER;
}

/**
 * The core's JSON Schema of a scenario, as a component: its own references (`#/$defs/…`, the
 * recursive question predicate) point into it, which here lives at #/components/schemas/Scenario.
 */
function scenarioComponent(): object {
  const { $schema: _dialect, ...schema } = scenarioJsonSchema();
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/Scenario/$defs/'),
  );
}

/**
 * What the language model answers for one article: the structured output `entente draft` asks
 * for, defined once as a zod schema. The same schema is sent to the provider as the JSON Schema
 * of the response format ({@link draftResponseJsonSchema}) and parses the answer, so a reply
 * that does not fit it is malformed and is asked for again.
 * @module
 */
import { z } from "zod";

/** A number the article supports, with the passage that supports it. */
export const DraftClaim = z
  .object({
    value: z.number().describe("The number on the scale the field asks for"),
    quote: z
      .string()
      .describe(
        "A short passage (at most 200 characters) copied exactly, word for word, from the article, that supports the value",
      ),
    note: z.string().describe("One line in your own words: why the passage gives this value"),
  })
  .describe("A number and the verbatim passage of the article that supports it");

const ref = z.string().describe("An id defined in this answer or in the known frame");

const DraftActor = z.object({
  id: z.string().describe("Short lowercase id, e.g. 'usa'; reuse the known frame's id"),
  name: z.string(),
  description: z.string(),
  capability: DraftClaim.nullable().describe(
    "Influence over the outcome of these talks, 1 to 100 relative to the other actors; null if the article says nothing about it",
  ),
});

const DraftIssue = z.object({
  id: z.string().describe("Short lowercase id; reuse the known frame's id"),
  title: z.string(),
  description: z.string(),
  minLabel: z.string().describe("What 0 on the issue's 0–100 scale means"),
  maxLabel: z.string().describe("What 100 on the issue's 0–100 scale means"),
  marks: z
    .array(z.object({ at: z.number(), label: z.string() }))
    .describe("Named outcomes between the ends, at points from 0 to 100"),
  statusQuo: DraftClaim.nullable().describe(
    "Where the issue stands with no agreement, 0–100; null if the article does not say",
  ),
});

const DraftStance = z.object({
  actor: ref,
  issue: ref,
  position: DraftClaim.nullable().describe(
    "The outcome the actor wants, on the issue's 0–100 scale",
  ),
  salience: DraftClaim.nullable().describe("How much the issue matters to the actor, 0–100"),
});

const DraftShock = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  probability: DraftClaim.describe("Chance the event happens, from 0 to 1"),
  effects: z
    .array(
      z.object({
        kind: z.enum(["shift-position", "scale-salience", "scale-capability", "remove-actor"]),
        actors: z.array(ref).describe("Actors affected (empty: every actor)"),
        issues: z.array(ref).describe("Issues affected (empty: every issue)"),
        amount: z
          .number()
          .describe(
            "shift-position: points added to positions (-100 to 100); scale-*: the factor (≥ 0); remove-actor: 0",
          ),
      }),
    )
    .describe("What happens to the inputs if the event occurs"),
});

const DraftPhase = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  actors: z.array(ref),
  issues: z.array(ref),
});

/** The model's answer for one article. */
export const DraftResponse = z
  .object({
    source: z.object({
      title: z
        .string()
        .describe("The article's title, or a short descriptive title if it has none"),
      author: z.string().nullable(),
      outlet: z.string().nullable(),
      date: z
        .string()
        .nullable()
        .describe("Publication date as YYYY-MM-DD, if the article gives it"),
    }),
    actors: z.array(DraftActor),
    issues: z.array(DraftIssue),
    stances: z.array(DraftStance),
    shocks: z.array(DraftShock),
    phases: z.array(DraftPhase),
  })
  .describe("Actors, issues, stances, shocks and phases of one article, each number with a quote");

export type DraftClaim = z.infer<typeof DraftClaim>;
export type DraftResponse = z.infer<typeof DraftResponse>;

/**
 * The JSON Schema of {@link DraftResponse} for a provider's structured output
 * (`response_format: { type: "json_schema", json_schema: { strict: true, schema } }`): every
 * field required, optional ones nullable, no extra properties, as OpenAI's strict mode,
 * llama.cpp, vLLM and Ollama accept.
 */
export function draftResponseJsonSchema(): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(DraftResponse) as Record<string, unknown>;
  return schema;
}

/**
 * Parse a model's reply: the JSON text (optionally inside a ```json fence, as some local models
 * write it) checked against {@link DraftResponse}. Returns the answer, or why it is malformed.
 */
export function parseDraftResponse(
  text: string,
): { ok: true; response: DraftResponse } | { ok: false; problem: string } {
  const body = text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/, "$1");
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { ok: false, problem: `not JSON (${(e as Error).message})` };
  }
  const parsed = DraftResponse.safeParse(json);
  if (parsed.success) return { ok: true, response: parsed.data };
  const first = parsed.error.issues[0];
  const where = first?.path.length ? first.path.join(".") : "the answer";
  return {
    ok: false,
    problem: `not the requested shape: ${where}: ${first?.message ?? "invalid"}`,
  };
}

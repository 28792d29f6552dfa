/**
 * The forecast ledger's part of the OpenAPI document (`ledgerRoutes`).
 * @module
 */
type Json = Record<string, unknown>;

const errors = (description: string): Json => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Errors" } } },
});
const ok = (schema: Json, description: string): Json => ({
  description,
  content: { "application/json": { schema } },
});
const writeSecurity = [{ bearerAuth: [] }, {}];
const writeErrors = {
  "400": errors("A field is missing or out of range; the message names it"),
  "401": { $ref: "#/components/responses/Unauthorized" },
  "413": { $ref: "#/components/responses/PayloadTooLarge" },
  "415": { $ref: "#/components/responses/UnsupportedMediaType" },
};
const date = { type: "string", format: "date", description: "YYYY-MM-DD (default: today)" };
const head: Json = {
  type: "object",
  required: ["seq", "hash"],
  properties: {
    seq: { type: "integer", minimum: 0 },
    hash: { type: "string", pattern: "^[0-9a-f]{64}$" },
  },
};
const record: Json = {
  type: "object",
  required: ["seq", "prevHash", "hash", "entry"],
  description:
    "An entry with its place in the chain: hash = SHA-256(seq, prevHash, canonical entry)",
  properties: {
    seq: { type: "integer", minimum: 1 },
    prevHash: { type: "string" },
    hash: { type: "string" },
    entry: {
      type: "object",
      required: ["kind", "question", "date", "created"],
      properties: {
        kind: { enum: ["forecast", "resolution"] },
        question: { type: "string" },
        text: { type: "string" },
        forecaster: { type: "string" },
        forecasterKind: { enum: ["model", "source", "analyst"] },
        calibration: { type: "string" },
        probability: { type: "number", minimum: 0, maximum: 1 },
        distribution: {
          type: "object",
          required: ["min", "max", "percentiles"],
          properties: {
            min: { type: "number" },
            max: { type: "number" },
            percentiles: { type: "array", items: { type: "number" }, minItems: 99, maxItems: 99 },
          },
        },
        outcome: { type: ["boolean", "number"] },
        source: { type: "string" },
        note: { type: "string" },
        date: { type: "string", format: "date" },
        created: { type: "string", format: "date-time" },
        supersedes: { type: "integer", minimum: 1 },
      },
    },
  },
};
const body = (properties: Json, required: string[]): Json => ({
  required: true,
  content: {
    "application/json": {
      schema: { type: "object", additionalProperties: false, required, properties },
    },
  },
});

/** The ledger's paths. */
export const ledgerPaths: Json = {
  "/api/ledger": {
    get: {
      operationId: "ledgerQuestions",
      summary:
        "The ledger's questions, each with its forecasts in order (superseded ones marked) and standing resolution",
      responses: {
        "200": ok(
          {
            type: "object",
            required: ["head", "questions"],
            properties: {
              head,
              questions: {
                type: "array",
                items: {
                  type: "object",
                  required: ["question", "text", "kind", "forecasts", "resolution"],
                  properties: {
                    question: { type: "string" },
                    text: { type: "string" },
                    kind: { enum: ["binary", "numeric"] },
                    forecasts: { type: "array", items: { type: "object" } },
                    resolution: { type: ["object", "null"] },
                  },
                },
              },
            },
          },
          "The questions",
        ),
      },
    },
  },
  "/api/ledger/entries": {
    get: {
      operationId: "ledgerEntries",
      summary: "Every record of the ledger, in order, with its hashes",
      responses: {
        "200": ok(
          {
            type: "object",
            required: ["head", "records"],
            properties: { head, records: { type: "array", items: record } },
          },
          "The records",
        ),
      },
    },
  },
  "/api/ledger/scores": {
    get: {
      operationId: "ledgerScores",
      summary:
        "Per forecaster: Brier score with Murphy's decomposition, log score, Brier skill score against the reference, a 10-bin calibration table (Wilson 90 %), and the mean CRPS on numeric questions",
      parameters: [
        {
          name: "by",
          in: "query",
          required: false,
          schema: { enum: ["forecaster", "model"], default: "forecaster" },
        },
        {
          name: "reference",
          in: "query",
          required: false,
          description: 'A forecaster\'s name, or "50%" (always 50 %)',
          schema: { type: "string", default: "50%" },
        },
      ],
      responses: {
        "200": ok(
          {
            type: "object",
            required: ["by", "reference", "questions", "groups"],
            properties: {
              by: { enum: ["forecaster", "model"] },
              reference: { type: "string" },
              questions: {
                type: "object",
                properties: { total: { type: "integer" }, resolved: { type: "integer" } },
              },
              groups: { type: "array", items: { type: "object" } },
            },
          },
          "The scores",
        ),
        "400": errors("Unknown reference forecaster or grouping"),
      },
    },
  },
  "/api/ledger/verify": {
    get: {
      operationId: "verifyLedger",
      summary: "Check the hash chain; names the first edited, deleted or reordered entry",
      responses: {
        "200": ok(
          {
            type: "object",
            required: ["ok", "entries", "head"],
            properties: {
              ok: { type: "boolean" },
              entries: { type: "integer" },
              head: { type: "string" },
              broken: {
                type: "object",
                properties: { seq: { type: "integer" }, reason: { type: "string" } },
              },
            },
          },
          "The verdict",
        ),
      },
    },
  },
  "/api/ledger/record": {
    post: {
      operationId: "recordForecasts",
      summary:
        "Simulate a stored scenario and record every question's probability per model, the sources' stated figures, and each issue's predictive distribution",
      security: writeSecurity,
      requestBody: body(
        {
          scenario: { type: "string", description: "A stored scenario's id" },
          revision: { type: "integer", minimum: 1, description: "Default: the latest" },
          samples: { type: "integer", minimum: 1, default: 10000 },
          seed: { type: "integer", minimum: 0, default: 42 },
          date,
          calibration: { enum: ["default", "none"], default: "default" },
          questions: {
            type: "array",
            items: { type: "string" },
            description: "Only these question or issue ids",
          },
        },
        ["scenario"],
      ),
      responses: {
        "201": ok(
          { type: "object", properties: { recorded: { type: "integer" }, head } },
          "Recorded",
        ),
        "404": errors("No such scenario or revision"),
        ...writeErrors,
      },
    },
  },
  "/api/ledger/resolutions": {
    post: {
      operationId: "resolveQuestion",
      summary: "Record what happened; a second resolution of a question supersedes the first",
      security: writeSecurity,
      requestBody: body(
        {
          question: {
            type: "string",
            description: "Its id, or the part after the scenario id when unique",
          },
          outcome: { oneOf: [{ enum: ["yes", "no"] }, { type: "boolean" }, { type: "number" }] },
          date,
          source: { type: "string", minLength: 1 },
          note: { type: "string" },
        },
        ["question", "outcome", "source"],
      ),
      responses: {
        "201": ok(record, "The new record"),
        "404": errors("No such question in the ledger"),
        ...writeErrors,
      },
    },
  },
  "/api/ledger/forecasts": {
    post: {
      operationId: "addForecast",
      summary: "Record a named analyst's probability for a question already in the ledger",
      security: writeSecurity,
      requestBody: body(
        {
          question: { type: "string" },
          forecaster: { type: "string", minLength: 1 },
          probability: { type: "number", minimum: 0, maximum: 1 },
          date,
          note: { type: "string" },
          text: { type: "string" },
        },
        ["question", "forecaster", "probability"],
      ),
      responses: {
        "201": ok(record, "The new record"),
        "404": errors("No such question in the ledger"),
        ...writeErrors,
      },
    },
  },
};

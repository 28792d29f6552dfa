import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChatServer } from "../../../../test/support/chat-server.ts";
import { openSqliteStore } from "../store/sqlite-store.ts";
import type { Store } from "../store/store.ts";
import { callApi } from "./call-api.ts";
import { createApp, type EntenteApp } from "./create-app.ts";

let store: Store;
let app: EntenteApp;

beforeAll(async () => {
  store = await openSqliteStore(":memory:");
  app = createApp({ store, webDir: false });
});

afterAll(async () => {
  await app.close();
  await store.close();
});

/** Every route the app answers, as "METHOD /path/{param}" (the web UI's catch-all aside). */
function appRoutes(): string[] {
  const routes = app.routes
    .filter((r) => r.method !== "ALL" && !r.path.includes("*"))
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
  return [...new Set(routes)].sort();
}

/** Every operation the document describes, as "METHOD /path". */
function documented(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document describing exactly the app's routes", async () => {
    const answer = await callApi(app, "GET", "/openapi.json");
    expect(answer.status).toBe(200);
    const doc = answer.body;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: "0.1.0" });
    expect(appRoutes().length).toBeGreaterThanOrEqual(16);
    expect(documented(doc)).toEqual(appRoutes());
  });

  it("gives every operation an id and responses, and resolves every $ref", async () => {
    const doc = (await callApi(app, "GET", "/openapi.json")).body;
    const ids = new Set<string>();
    for (const ops of Object.values(doc.paths) as Array<Record<string, Record<string, unknown>>>) {
      for (const op of Object.values(ops)) {
        expect(typeof op.operationId).toBe("string");
        expect(ids.has(op.operationId as string)).toBe(false);
        ids.add(op.operationId as string);
        expect(Object.keys(op.responses as object).length).toBeGreaterThan(0);
      }
    }
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const pointer = (JSON.parse(`{${ref}}`) as { $ref: string }).$ref;
      const target = pointer
        .slice(2)
        .split("/")
        .reduce((node: Record<string, unknown> | undefined, key) => node?.[key] as never, doc);
      expect([pointer, target === undefined]).toEqual([pointer, false]);
    }
  });

  it("describes the scenario with the core's own schema", async () => {
    const doc = (await callApi(app, "GET", "/openapi.json")).body;
    const scenario = doc.components.schemas.Scenario;
    expect(scenario.required).toEqual(expect.arrayContaining(["id", "title", "actors"]));
    expect(scenario.$schema).toBeUndefined();
  });

  it("describes request bodies and queries with their fields' types, from the schemas that check them", async () => {
    const doc = (await callApi(app, "GET", "/openapi.json")).body;
    const body = (path: string) =>
      doc.paths[path].post.requestBody.content["application/json"].schema;
    const simulate = body("/api/scenarios/{id}/simulate");
    expect(simulate.additionalProperties).toBe(false);
    expect(simulate.properties.samples).toEqual({
      type: "integer",
      minimum: 1,
      maximum: 1_000_000,
      default: 10_000,
    });
    expect(simulate.properties.distribution).toMatchObject({
      type: "string",
      enum: ["triangular", "uniform"],
      default: "triangular",
    });
    expect(body("/api/scenarios/{id}/run").required).toEqual(["model"]);
    const limit = doc.paths["/api/runs"].get.parameters.find(
      (p: { name: string }) => p.name === "limit",
    );
    expect(limit).toMatchObject({
      in: "query",
      required: false,
      schema: { type: "integer", minimum: 1, maximum: 1000 },
    });
  });

  it("refuses a bad body or query with the message its documented schema gives", async () => {
    const doc = (await callApi(app, "GET", "/openapi.json")).body;
    const forecast =
      doc.paths["/api/scenarios/{id}/forecast"].post.requestBody.content["application/json"].schema;
    // The body is checked before the scenario is looked up: no scenario is needed.
    const unknown = await callApi(app, "POST", "/api/scenarios/any/forecast", { model: "eum" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      {
        path: "model",
        message: `unknown field "model"; allowed: ${Object.keys(forecast.properties).join(", ")}`,
      },
    ]);
    expect(Object.keys(forecast.properties)).toEqual([
      "revision",
      "phases",
      "record",
      "calibration",
      "agreement",
    ]);
    const samples = await callApi(app, "POST", "/api/scenarios/any/simulate", {
      samples: 0,
      thresholds: { ceasefire: [50, "x"] },
    });
    expect(samples.status).toBe(400);
    expect(samples.body.errors).toEqual([
      { path: "samples", message: "expected a whole number from 1 to 1000000, got 0" },
      { path: "thresholds.ceasefire", message: 'expected a list of numbers, got [50,"x"]' },
    ]);
    const limit = await callApi(app, "GET", "/api/runs?limit=1001");
    expect(limit.status).toBe(400);
    expect(limit.body.errors).toEqual([
      { path: "limit", message: 'expected a whole number from 1 to 1000, got "1001"' },
    ]);
  });
});

/**
 * Checks an answer against the response schema the document gives for its operation and
 * status, with a JSON Schema 2020-12 validator (Ajv) independent of the zod schemas that
 * produced the document.
 */
function responseChecker(doc: { paths: Record<string, Record<string, OpenApiOperation>> }) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(doc as object, "openapi.json");
  return (method: string, path: string, answer: { status: number; body: unknown }) => {
    const op = doc.paths[path]?.[method.toLowerCase()];
    const response = op?.responses[String(answer.status)];
    const schema = response?.content?.["application/json"]?.schema;
    if (!schema) throw new Error(`${method} ${path} documents no JSON ${answer.status} answer`);
    const pointer = `openapi.json#/paths/${path.replaceAll("~", "~0").replaceAll("/", "~1")}/${method.toLowerCase()}/responses/${answer.status}/content/application~1json/schema`;
    const validate = ajv.getSchema(pointer);
    if (!validate) throw new Error(`no schema at ${pointer}`);
    const ok = validate(answer.body);
    return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

interface OpenApiOperation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe("the answers match the shapes the document gives them", () => {
  const budapest = readFileSync(
    new URL("../../../../scenarios/budapest-2025.yaml", import.meta.url),
    "utf8",
  );

  it("for reads, writes, analyses, runs and errors (validated against the document)", async () => {
    const doc = (await callApi(app, "GET", "/openapi.json")).body;
    const check = responseChecker(doc);
    const calls: [string, string, string, unknown?][] = [
      ["GET", "/api/health", "/api/health"],
      ["GET", "/api/models", "/api/models"],
      ["POST", "/api/scenarios", "/api/scenarios", { text: budapest }],
      ["POST", "/api/scenarios", "/api/scenarios", { text: budapest }],
      ["GET", "/api/scenarios", "/api/scenarios"],
      ["GET", "/api/scenarios/{id}", "/api/scenarios/budapest-2025"],
      ["GET", "/api/scenarios/{id}", "/api/scenarios/no-such-scenario"],
      ["GET", "/api/scenarios/{id}/revisions", "/api/scenarios/budapest-2025/revisions"],
      ["POST", "/api/scenarios/{id}/forecast", "/api/scenarios/budapest-2025/forecast"],
      ["POST", "/api/scenarios/{id}/run", "/api/scenarios/budapest-2025/run", { model: "eum" }],
      ["POST", "/api/scenarios/{id}/run", "/api/scenarios/budapest-2025/run", { model: "x y" }],
      ["POST", "/api/scenarios/{id}/deals", "/api/scenarios/budapest-2025/deals", {}],
      ["GET", "/api/runs", "/api/runs"],
      ["GET", "/api/ledger", "/api/ledger"],
      ["GET", "/api/draft-provider", "/api/draft-provider"],
      ["POST", "/api/drafts", "/api/drafts", { articles: [{ name: "a.txt", text: "Talks." }] }],
      ["POST", "/api/drafts", "/api/drafts", { articles: [] }],
      ["GET", "/api/drafts/{id}", "/api/drafts/no-such-draft"],
    ];
    const statuses: number[] = [];
    for (const [method, template, path, body] of calls) {
      const answer = await callApi(app, method, path, body);
      statuses.push(answer.status);
      expect([method, path, check(method, template, answer)]).toEqual([method, path, []]);
    }
    // Success, a conflict, not found, a bad request and no draft provider: each documented
    // shape was exercised.
    expect(statuses).toEqual([
      200, 200, 201, 409, 200, 200, 404, 200, 200, 200, 400, 200, 200, 200, 200, 503, 400, 404,
    ]);
  });

  it("for a draft from articles: started (202), then done with its scenario (200)", async () => {
    const fixtures = new URL("../../../../test/fixtures/draft/", import.meta.url);
    const read = (path: string) => readFileSync(new URL(path, fixtures), "utf8");
    const chat = await startChatServer(
      ["harbour-talks", "harbour-budget"].map((name) => ({
        content: JSON.parse(read(`responses/${name}.json`)),
      })),
    );
    const drafting = createApp({
      store,
      webDir: false,
      draftProvider: {
        baseUrl: chat.baseUrl,
        model: "scripted",
        apiKeyEnv: "ENTENTE_LLM_API_KEY",
        timeoutSeconds: 30,
        retries: 0,
      },
    });
    try {
      const doc = (await callApi(drafting, "GET", "/openapi.json")).body;
      const check = responseChecker(doc);
      const provider = await callApi(drafting, "GET", "/api/draft-provider");
      expect(check("GET", "/api/draft-provider", provider)).toEqual([]);
      const started = await callApi(drafting, "POST", "/api/drafts", {
        articles: [
          { name: "harbour-talks.md", text: read("articles/harbour-talks.md") },
          { name: "harbour-budget.html", text: read("articles/harbour-budget.html") },
        ],
      });
      expect(started.status).toBe(202);
      expect(check("POST", "/api/drafts", started)).toEqual([]);
      let job = started;
      while (job.body.status === "running") {
        await new Promise((resolve) => setTimeout(resolve, 10));
        job = await callApi(drafting, "GET", `/api/drafts/${started.body.id}`);
      }
      expect(job.body.status).toBe("done");
      expect(check("GET", "/api/drafts/{id}", job)).toEqual([]);
      // The scenario is checked against the core's schema: a stray field would be reported.
      const stray = { ...job, body: { ...job.body, scenario: { ...job.body.scenario, x: 1 } } };
      expect(check("GET", "/api/drafts/{id}", stray)).not.toEqual([]);
    } finally {
      await drafting.close();
      await chat.close();
    }
  });

  it("a checker that can fail: a renamed field or a wrong type is reported", async () => {
    const doc = (await callApi(app, "GET", "/openapi.json")).body;
    const check = responseChecker(doc);
    const models = (await callApi(app, "GET", "/api/models")).body;
    const [first, ...rest] = models.models;
    const { label, ...unlabelled } = first;
    expect(check("GET", "/api/models", { status: 200, body: models })).toEqual([]);
    expect(
      check("GET", "/api/models", { status: 200, body: { models: [unlabelled, ...rest] } }),
    ).toEqual(["/models/0 must have required property 'label'"]);
    expect(
      check("GET", "/api/models", { status: 200, body: { models: [{ ...first, label: 7 }] } }),
    ).toEqual(["/models/0/label must be string"]);
    expect(label).toBe("Compromise");
  });
});

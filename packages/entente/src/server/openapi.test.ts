import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});

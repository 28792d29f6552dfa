import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSimulationPools } from "../../pool/run-simulation.ts";
import { openSqliteStore } from "../../store/sqlite-store.ts";
import type { Store } from "../../store/store.ts";
import { callApi } from "../call-api.ts";
import { createApp, type EntenteApp } from "../create-app.ts";

const fixture = readFileSync(
  new URL("../../../../../test/fixtures/report/harbour-talks.yaml", import.meta.url),
  "utf8",
);

let store: Store;
let app: EntenteApp;
const get = (path: string) => callApi(app, "GET", path);

beforeAll(async () => {
  store = await openSqliteStore(":memory:");
  app = createApp({ store, webDir: false });
  expect((await callApi(app, "POST", "/api/scenarios", { text: fixture })).status).toBe(201);
});

afterAll(async () => {
  await app.close();
  await store.close();
  await closeSimulationPools();
});

describe("GET /api/scenarios/:id/report.*", () => {
  it("answers the report as HTML and Markdown", async () => {
    const html = await get("/api/scenarios/harbour-talks/report.html?samples=300&seed=3");
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.text).toContain("<h1>Harbour wage talks (test fixture)</h1>");
    expect(html.text).toContain("300 Monte Carlo samples, seed 3");
    const md = await get("/api/scenarios/harbour-talks/report.md?revision=1&samples=300");
    expect(md.status).toBe(200);
    expect(md.headers.get("content-disposition")).toContain(
      'filename="harbour-talks-r1-report.md"',
    );
    expect(md.text).toContain("### Wage rise\n\n**Most likely: ");
  });

  it("names the bad query parameter, the missing scenario and a missing Chromium", async () => {
    const samples = await get("/api/scenarios/harbour-talks/report.html?samples=0");
    expect(samples.status).toBe(400);
    expect(samples.body.errors[0].path).toBe("samples");
    const between = await get("/api/scenarios/harbour-talks/report.md?samples=100&between=port");
    expect(between.status).toBe(400);
    expect(between.body.errors[0].path).toBe("between");
    expect((await get("/api/scenarios/nowhere/report.html")).status).toBe(404);
    const saved = process.env.ENTENTE_CHROMIUM;
    process.env.ENTENTE_CHROMIUM = "/nonexistent/chromium";
    try {
      const pdf = await get("/api/scenarios/harbour-talks/report.pdf?samples=100");
      expect(pdf.status).toBe(501);
      expect(pdf.body.errors[0].message).toContain("a PDF needs Chromium");
    } finally {
      if (saved === undefined) delete process.env.ENTENTE_CHROMIUM;
      else process.env.ENTENTE_CHROMIUM = saved;
    }
  });
});

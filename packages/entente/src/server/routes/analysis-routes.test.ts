import { readFileSync } from "node:fs";
import { DEU3_CALIBRATION, getModel, prepareScenario, resolveParams } from "@entente/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "../../cli/program.ts";
import { forecastDocument } from "../../format/forecast.ts";
import { runDocument } from "../../format/run.ts";
import { readScenario } from "../../io/read-scenario.ts";
import { openSqliteStore } from "../../store/sqlite-store.ts";
import type { Store } from "../../store/store.ts";
import { callApi } from "../call-api.ts";
import { createApp, type EntenteApp } from "../create-app.ts";
import type { DealsHandler } from "../deals-extension.ts";

const root = new URL("../../../../../", import.meta.url);
const budapestFile = new URL("scenarios/budapest-2025.yaml", root).pathname;
const budapest = readFileSync(budapestFile, "utf8");

let store: Store;
let app: EntenteApp;

const open = async (deals?: DealsHandler | false) => {
  store = await openSqliteStore(":memory:");
  app = createApp({ store, webDir: false, ...(deals === undefined ? {} : { deals }) });
  const created = await callApi(app, "POST", "/api/scenarios", { text: budapest });
  expect(created.status).toBe(201);
};

afterEach(async () => {
  await app.close();
  await store.close();
});

const call = (method: string, path: string, body?: unknown) => callApi(app, method, path, body);

describe("POST /api/scenarios/:id/forecast", () => {
  beforeEach(() => open());

  it("gives every model's forecast table through the phases, as `entente forecast` does, and records it", async () => {
    const answer = await call("POST", "/api/scenarios/budapest-2025/forecast");
    expect(answer.status).toBe(200);
    const { scenario, data } = await readScenario(budapestFile);
    const expected = forecastDocument(scenario, data, {
      phases: true,
      calibration: DEU3_CALIBRATION,
      agreement: true,
    });
    expect(answer.body).toMatchObject({ scenarioId: "budapest-2025", revision: 1 });
    expect(answer.body.result).toEqual(JSON.parse(JSON.stringify(expected)));
    const run = await call("GET", `/api/runs/${answer.body.runId}`);
    expect(run.body).toMatchObject({
      kind: "forecast",
      status: "done",
      revision: 1,
      model: null,
      parameters: { phases: true, calibration: "default", agreement: true },
    });
    expect(run.body.started).not.toBeNull();
    expect(run.body.finished >= run.body.started).toBe(true);
    expect(run.body.result).toEqual(answer.body.result);
  });

  it("forecasts an older revision, without phases, without recording when asked", async () => {
    const saved = await call("GET", "/api/scenarios/budapest-2025");
    await call("PUT", "/api/scenarios/budapest-2025", {
      scenario: { ...saved.body.scenario, title: "Edited" },
      baseRevision: 1,
    });
    const answer = await call("POST", "/api/scenarios/budapest-2025/forecast", {
      revision: 1,
      phases: false,
      record: false,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ runId: null, revision: 1 });
    expect(answer.body.result.title).toBe("Trump–Putin summit in Budapest (October 2025)");
    expect(answer.body.result.phases).toEqual([]);
    expect((await call("GET", "/api/runs")).body.runs).toEqual([]);
  });

  it("refuses unknown fields and answers 404 for an unknown scenario", async () => {
    const bad = await call("POST", "/api/scenarios/budapest-2025/forecast", { model: "eum" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toEqual({
      path: "model",
      message: 'unknown field "model"; allowed: revision, phases, record, calibration, agreement',
    });
    const missing = await call("POST", "/api/scenarios/nope/forecast");
    expect(missing.status).toBe(404);
  });
});

describe("POST /api/scenarios/:id/run", () => {
  beforeEach(() => open());

  it("gives the `entente run` JSON document of one model, with rounds and preset", async () => {
    const answer = await call("POST", "/api/scenarios/budapest-2025/run", {
      model: "eum",
      rounds: 3,
    });
    expect(answer.status).toBe(200);
    const { data } = await readScenario(budapestFile);
    const model = getModel("eum");
    const options = { params: { rounds: 3 } };
    const resolved = { ...resolveParams(model, options) };
    const expected = runDocument(data, model.run(data, options), resolved, undefined);
    expect(answer.body.result).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(answer.body.result.issues[0].rounds).toHaveLength(4);
    const run = await call("GET", `/api/runs/${answer.body.runId}`);
    expect(run.body).toMatchObject({ kind: "run", model: "eum", status: "done" });
    expect(run.body.parameters.params.rounds).toBe(3);
  });

  it("runs a static model as round 0 on the input positions", async () => {
    const answer = await call("POST", "/api/scenarios/budapest-2025/run", {
      model: "compromise",
    });
    expect(answer.status).toBe(200);
    expect(answer.body.result.model).toBe("compromise");
    expect(answer.body.result.issues[0].rounds).toHaveLength(1);
  });

  it.each([
    ["no model", {}, "model", "missing: name the model to run (GET /api/models lists them)"],
    [
      "unknown model",
      { model: "astrology" },
      "model",
      /^unknown model "astrology"; known models: compromise, /,
    ],
    [
      "rounds on a static model",
      { model: "compromise", rounds: 3 },
      "rounds",
      'model "compromise" has no rounds; it is not dynamic',
    ],
    [
      "unknown preset",
      { model: "eum", preset: "nope" },
      "preset",
      /^model "eum" has no preset "nope"/,
    ],
    [
      "unknown parameter",
      { model: "eum", params: { speed: 1 } },
      "params",
      /^model "eum" has no parameter "speed"/,
    ],
    [
      "parameter not a value",
      { model: "eum", params: { rounds: [1] } },
      "params.rounds",
      "expected a number, true/false or text, got [1]",
    ],
  ])("refuses %s with 400", async (_name, body, path, message) => {
    const answer = await call("POST", "/api/scenarios/budapest-2025/run", body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors[0].path).toBe(path);
    if (typeof message === "string") expect(answer.body.errors[0].message).toBe(message);
    else expect(answer.body.errors[0].message).toMatch(message);
  });
});

describe("POST /api/scenarios/:id/deals", () => {
  it("gives the `entente deals --format json` document, recorded as a deals run", async () => {
    await open();
    let stdout = "";
    const code = await run(
      ["deals", budapestFile, "--ratify", "--between", "usa,ukraine", "--format", "json"],
      {
        stdout: (t) => {
          stdout += t;
        },
        stderr: () => {},
      },
    );
    expect(code).toBe(0);
    const answer = await call("POST", "/api/scenarios/budapest-2025/deals", {
      ratify: true,
      between: ["usa", "ukraine"],
    });
    expect(answer.status).toBe(200);
    const cli = JSON.parse(stdout);
    // The same document; only the hint names the API's field instead of the CLI's option.
    expect(cli.gridNote).toMatch(/--grid to choose$/);
    expect(answer.body.result.gridNote).toMatch(/set "grid" to choose$/);
    expect({ ...answer.body.result, gridNote: "" }).toEqual({ ...cli, gridNote: "" });
    const recorded = await call("GET", `/api/runs/${answer.body.runId}`);
    expect(recorded.body).toMatchObject({
      kind: "deals",
      status: "done",
      parameters: { ratify: true, between: ["usa", "ukraine"] },
    });
  });

  it.each([
    [
      "an unknown party",
      { between: ["usa", "mars"] },
      "between",
      /^expected two different parties, each one of usa, /,
    ],
    [
      "an unknown field",
      { depth: 3 },
      "depth",
      /^unknown field "depth"; allowed: between, ratify, grid, params, limit/,
    ],
    ["a bad grid", { grid: 1 }, "grid", /^expected a whole number from 2 to 101, got 1$/],
    ["an unknown parameter", { params: { speed: 1 } }, "params", /^deals has no parameter "speed"/],
    [
      "too many outcomes",
      { params: { maxOutcomes: 4_000_000_000 } },
      "params.maxOutcomes",
      /^the server enumerates at most/,
    ],
  ])("refuses deals with %s", async (_name, body, path, message) => {
    await open();
    const answer = await call("POST", "/api/scenarios/budapest-2025/deals", body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].path).toBe(path);
    expect(answer.body.errors[0].message).toMatch(message);
  });

  it("answers 501 when the app is built without deal-space search", async () => {
    await open(false);
    const answer = await call("POST", "/api/scenarios/budapest-2025/deals", {});
    expect(answer.status).toBe(501);
    expect(answer.body.errors).toEqual([
      {
        path: "(route)",
        message:
          "deal-space search is not available in this build of Entente; the other analyses (forecast, run, simulate) are",
      },
    ]);
  });

  it("runs a configured deals handler on the revision and records the run", async () => {
    const deals: DealsHandler = ({ data, body }) => {
      if (body.depth === 0) throw new RangeError("depth: expected ≥ 1, got 0");
      return { issues: data.issues.length, asked: body };
    };
    await open(deals);
    const answer = await call("POST", "/api/scenarios/budapest-2025/deals", { depth: 2 });
    expect(answer.status).toBe(200);
    const issues = prepareScenario(
      (await call("GET", "/api/scenarios/budapest-2025")).body.scenario,
    ).issues.length;
    expect(answer.body.result).toEqual({ issues, asked: { depth: 2 } });
    const run = await call("GET", `/api/runs/${answer.body.runId}`);
    expect(run.body).toMatchObject({ kind: "deals", parameters: { depth: 2 } });
    const bad = await call("POST", "/api/scenarios/budapest-2025/deals", { depth: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: "(body)", message: "depth: expected ≥ 1, got 0" }]);
  });
});

describe("GET /api/models and /api/health", () => {
  beforeEach(() => open());

  it("lists every model with its reference, parameters and presets", async () => {
    const answer = await call("GET", "/api/models");
    expect(answer.status).toBe(200);
    const eum = answer.body.models.find((m: { id: string }) => m.id === "eum");
    expect(eum).toMatchObject({ label: expect.any(String), dynamic: true });
    expect(eum.reference.length).toBeGreaterThan(10);
    expect(eum.params.some((p: { name: string }) => p.name === "rounds")).toBe(true);
    expect(Object.keys(eum.presets).length).toBeGreaterThan(0);
    expect(answer.body.models.map((m: { id: string }) => m.id)).toContain("compromise");
  });

  it("says it is up, with its version, database and where simulations run", async () => {
    const answer = await call("GET", "/api/health");
    expect(answer.body).toEqual({
      status: "ok",
      version: "0.1.0",
      store: "sqlite",
      queue: { kind: "in-process" },
    });
  });
});

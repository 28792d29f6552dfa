import {
  DEU3_CALIBRATION,
  getModel,
  type Model,
  ModelInputError,
  prepareScenario,
  type RunOptions,
  resolveParams,
  type Scenario,
  type ScenarioData,
} from "@entente/core";
import { type Context, Hono } from "hono";
import { forecastDocument } from "../../format/forecast.ts";
import { runDocument } from "../../format/run.ts";
import type { RunKind } from "../../store/records.ts";
import { ApiError, badRequest } from "../api-error.ts";
import type { AppDeps } from "../app-deps.ts";
import {
  onlyFields,
  optionalBoolean,
  optionalChoice,
  optionalInteger,
  optionalString,
  paramValues,
} from "../body-fields.ts";
import { DEALS_UNAVAILABLE } from "../deals-extension.ts";
import { readJsonObject } from "../request-body.ts";

/**
 * The synchronous analyses of one revision (the latest unless the body names `revision`):
 * every model's forecast table, one model's run document, and — when configured — deal-space
 * search. Each is recorded as a finished run unless the body says `"record": false`.
 */
export function analysisRoutes(deps: AppDeps): Hono {
  const { store } = deps;
  const app = new Hono();

  /** The revision the body asks for, prepared for the models. */
  const load = async (c: Context, body: Record<string, unknown>) => {
    const revision = optionalInteger(body.revision, "revision", 1);
    const saved = await store.getScenario(c.req.param("id") as string, revision);
    return { saved, data: prepareScenario(saved.scenario) };
  };

  /** Record a finished synchronous run (unless `record` is false) and build the response. */
  const respond = async (
    c: Context,
    body: Record<string, unknown>,
    run: {
      kind: RunKind;
      scenarioId: string;
      revision: number;
      model: string | null;
      parameters: Record<string, unknown>;
      started: string;
      result: unknown;
    },
  ) => {
    const record = optionalBoolean(body.record, "record", true);
    let runId: string | null = null;
    if (record) {
      const saved = await store.createRun({
        ...run,
        status: "done",
        finished: new Date().toISOString(),
      });
      runId = saved.id;
    }
    return c.json({
      runId,
      scenarioId: run.scenarioId,
      revision: run.revision,
      result: run.result,
    });
  };

  app.post("/scenarios/:id/forecast", async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, ["revision", "phases", "record", "calibration", "agreement"]);
    const usePhases = optionalBoolean(body.phases, "phases", true);
    const calibration =
      optionalChoice(body.calibration, "calibration", ["default", "none"]) ?? "default";
    const agreement = optionalBoolean(body.agreement, "agreement", true);
    optionalBoolean(body.record, "record", true);
    const started = new Date().toISOString();
    const { saved, data } = await load(c, body);
    const result = forecastDocument(saved.scenario, data, {
      phases: usePhases,
      calibration: calibration === "none" ? null : DEU3_CALIBRATION,
      agreement,
    });
    return respond(c, body, {
      kind: "forecast",
      scenarioId: saved.scenarioId,
      revision: saved.revision,
      model: null,
      parameters: { phases: usePhases, calibration, agreement },
      started,
      result,
    });
  });

  app.post("/scenarios/:id/run", async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, ["model", "preset", "params", "rounds", "revision", "record"]);
    if (body.model === undefined) {
      throw badRequest("model", "missing: name the model to run (GET /api/models lists them)");
    }
    const model = lookupModel(body.model);
    const preset = optionalString(body.preset, "preset", 100);
    const params = paramValues(body.params);
    const rounds = optionalInteger(body.rounds, "rounds", 1);
    if (rounds !== undefined) {
      if (!model.params.some((p) => p.name === "rounds")) {
        throw badRequest("rounds", `model "${model.id}" has no rounds; it is not dynamic`);
      }
      params.rounds = rounds;
    }
    optionalBoolean(body.record, "record", true);
    const options: RunOptions = { ...(preset === undefined ? {} : { preset }), params };
    let resolved: Record<string, unknown>;
    try {
      resolved = { ...resolveParams(model, options) };
    } catch (e) {
      if (e instanceof RangeError) {
        throw badRequest(
          preset !== undefined && /preset/.test(e.message) ? "preset" : "params",
          e.message,
        );
      }
      throw e;
    }
    const started = new Date().toISOString();
    const { saved, data } = await load(c, body);
    const result = runModel(model, data, options);
    return respond(c, body, {
      kind: "run",
      scenarioId: saved.scenarioId,
      revision: saved.revision,
      model: model.id,
      parameters: { ...(preset === undefined ? {} : { preset }), params: resolved },
      started,
      result: runDocument(data, result, resolved, preset),
    });
  });

  app.post("/scenarios/:id/deals", async (c) => {
    const handler = deps.deals;
    if (!handler) throw new ApiError(501, [{ path: "(route)", message: DEALS_UNAVAILABLE }]);
    const body = await readJsonObject(c);
    const started = new Date().toISOString();
    const { saved, data } = await load(c, body);
    const { revision: _revision, record: _record, ...rest } = body;
    let result: unknown;
    try {
      result = await handler({ scenario: saved.scenario as Scenario, data, body: rest });
    } catch (e) {
      if (e instanceof RangeError) throw badRequest("(body)", e.message);
      if (e instanceof ModelInputError)
        throw new ApiError(422, [{ path: "(scenario)", message: e.message }]);
      throw e;
    }
    return respond(c, body, {
      kind: "deals",
      scenarioId: saved.scenarioId,
      revision: saved.revision,
      model: null,
      parameters: rest,
      started,
      result,
    });
  });

  return app;
}

function lookupModel(id: unknown): Model {
  if (typeof id !== "string")
    throw badRequest("model", `expected a model id, got ${JSON.stringify(id)}`);
  try {
    return getModel(id);
  } catch (e) {
    throw badRequest("model", (e as Error).message);
  }
}

/** Run a model; a scenario that lacks its inputs is a 422, bad options a 400. */
function runModel(model: Model, data: ScenarioData, options: RunOptions) {
  try {
    return model.run(data, options);
  } catch (e) {
    if (e instanceof ModelInputError) {
      throw new ApiError(422, [{ path: "(scenario)", message: e.message }]);
    }
    if (e instanceof RangeError) throw badRequest("params", e.message);
    throw e;
  }
}

import {
  getModel,
  ModelInputError,
  prepareScenario,
  type RunOptions,
  resolveParams,
  type Scenario,
} from "@entente/core";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import type { ForecastDocument } from "../../format/forecast-document.ts";
import type { RunKind } from "../../store/records.ts";
import { ApiError, badRequest } from "../api-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { DEALS_UNAVAILABLE } from "../deals-extension.ts";
import { scenarioDeals } from "../deals-handler.ts";
import { fields, flag, paramValues, text, wholeNumber } from "../field-schemas.ts";
import { jsonObjectBody } from "../request-body.ts";
import {
  errorResponse,
  jsonBody,
  jsonResponse,
  modelId,
  outcomeFields,
  recordField,
  revisionField,
  ScenarioParams,
  writeErrors,
  writeSecurity,
} from "../schemas.ts";
import { analysisAnswer, DealsDocument, ForecastTable, RunDocument } from "./run-schemas.ts";

const revisionNotFound = errorResponse("No such scenario or revision");
const serverBusy = errorResponse(
  "Too many analyses are waiting for a thread; nothing was done: try again after Retry-After seconds",
);

/**
 * The synchronous analyses of one revision (the latest unless the body names `revision`):
 * every model's forecast table, one model's run document, and — when configured — deal-space
 * search. Each is recorded as a finished run unless the body says `"record": false`.
 */
export function analysisRoutes(deps: AppDeps): OpenAPIHono {
  const { store } = deps;
  const app = new OpenAPIHono();

  /** Record a finished synchronous run (unless `record` is false) and build the answer. */
  const respond = async <T>(
    record: boolean,
    run: {
      kind: RunKind;
      scenarioId: string;
      revision: number;
      model: string | null;
      parameters: Record<string, unknown>;
      started: string;
      result: T;
    },
  ) => {
    let runId: string | null = null;
    if (record) {
      const saved = await store.createRun({
        ...run,
        status: "done",
        finished: new Date().toISOString(),
      });
      runId = saved.id;
    }
    return { runId, scenarioId: run.scenarioId, revision: run.revision, result: run.result };
  };

  app.openapi(
    createRoute({
      method: "post",
      path: "/scenarios/{id}/forecast",
      operationId: "forecast",
      summary:
        "Every model's point forecast per issue (through the scenario's phases), with its calibrated outcome distribution and each phase's chance of agreement",
      security: writeSecurity,
      middleware: [jsonObjectBody],
      request: {
        params: ScenarioParams,
        body: jsonBody(
          fields({
            revision: revisionField,
            phases: flag().default(true).describe("Forecast through the scenario's phases"),
            record: recordField,
            ...outcomeFields,
          }),
        ),
      },
      responses: {
        200: jsonResponse(analysisAnswer(ForecastTable), "The forecast table"),
        400: errorResponse("Bad body"),
        404: revisionNotFound,
        503: serverBusy,
        ...writeErrors,
      },
    }),
    async (c) => {
      const { revision, phases, record, calibration, agreement } = c.req.valid("json");
      const started = new Date().toISOString();
      const saved = await store.getScenario(c.req.valid("param").id, revision);
      const result = (await deps.analyses.run({
        kind: "forecast",
        scenario: saved.scenario,
        phases,
        calibration,
        agreement,
      })) as ForecastDocument;
      const answer = await respond(record, {
        kind: "forecast",
        scenarioId: saved.scenarioId,
        revision: saved.revision,
        model: null,
        parameters: { phases, calibration, agreement },
        started,
        result,
      });
      return c.json(answer, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/scenarios/{id}/run",
      operationId: "runModel",
      summary: "One model on every issue: the `entente run` JSON document",
      security: writeSecurity,
      middleware: [jsonObjectBody],
      request: {
        params: ScenarioParams,
        body: jsonBody(
          fields({
            model: modelId,
            preset: text(100).optional(),
            params: paramValues().optional(),
            rounds: wholeNumber(1).optional().describe("Dynamic models only"),
            revision: revisionField,
            record: recordField,
          }),
          true,
        ),
      },
      responses: {
        200: jsonResponse(analysisAnswer(RunDocument), "The run document"),
        400: errorResponse("Unknown model, preset or parameter, or a bad value"),
        404: revisionNotFound,
        503: serverBusy,
        422: errorResponse("The scenario lacks an input the model needs"),
        ...writeErrors,
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const { preset, rounds, revision, record } = body;
      const model = getModel(body.model);
      const params = { ...body.params };
      if (rounds !== undefined) {
        if (!model.params.some((p) => p.name === "rounds")) {
          throw badRequest("rounds", `model "${model.id}" has no rounds; it is not dynamic`);
        }
        params.rounds = rounds;
      }
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
      const saved = await store.getScenario(c.req.valid("param").id, revision);
      const result = await analysed(
        deps.analyses.run({
          kind: "run",
          scenario: saved.scenario,
          model: model.id,
          options,
          resolved,
          preset,
        }),
        "params",
      );
      const answer = await respond(record, {
        kind: "run",
        scenarioId: saved.scenarioId,
        revision: saved.revision,
        model: model.id,
        parameters: { ...(preset === undefined ? {} : { preset }), params: resolved },
        started,
        result: result as z.output<typeof RunDocument>,
      });
      return c.json(answer, 200);
    },
  );

  const handler = deps.deals;
  const analysisFields = { revision: revisionField, record: recordField };
  app.openapi(
    createRoute({
      method: "post",
      path: "/scenarios/{id}/deals",
      operationId: "deals",
      summary:
        "Package deals between two actors, as `entente deals --format json` (501 when the server was built without it)",
      security: writeSecurity,
      middleware: [
        createMiddleware(async (_c, next) => {
          if (!handler) throw new ApiError(501, [{ path: "(route)", message: DEALS_UNAVAILABLE }]);
          await next();
        }),
        jsonObjectBody,
      ],
      request: {
        params: ScenarioParams,
        body: jsonBody(
          handler?.fields
            ? fields({ ...handler.fields, ...analysisFields })
            : z.looseObject(analysisFields),
        ),
      },
      responses: {
        200: jsonResponse(analysisAnswer(DealsDocument), "The deal analysis"),
        400: errorResponse("Unknown party, field or parameter, or a bad value"),
        404: revisionNotFound,
        503: serverBusy,
        501: errorResponse("Deal-space search is not available in this server"),
        ...writeErrors,
      },
    }),
    async (c) => {
      const { revision, record, ...rest } = c.req.valid("json");
      const started = new Date().toISOString();
      const saved = await store.getScenario(c.req.valid("param").id, revision);
      const scenario = saved.scenario as Scenario;
      // The built-in search runs on the analysis threads; another handler here, as given.
      const result = await analysed(
        handler === scenarioDeals
          ? deps.analyses.run({ kind: "deals", scenario, body: rest })
          : (async () => handler?.({ scenario, data: prepareScenario(scenario), body: rest }))(),
        "(body)",
      );
      const answer = await respond(record, {
        kind: "deals",
        scenarioId: saved.scenarioId,
        revision: saved.revision,
        model: null,
        parameters: rest,
        started,
        // As the configured handler returns it: the default one's is a DealsDocument.
        result: result as z.output<typeof DealsDocument>,
      });
      return c.json(answer, 200);
    },
  );

  return app;
}

/**
 * An analysis' result; a scenario that lacks an input a model needs is a 422, a bad option a
 * 400 at `path`.
 */
async function analysed(result: Promise<unknown>, path: string): Promise<unknown> {
  try {
    return await result;
  } catch (e) {
    if (e instanceof ModelInputError) {
      throw new ApiError(422, [{ path: "(scenario)", message: e.message }]);
    }
    if (e instanceof RangeError) throw badRequest(path, e.message);
    throw e;
  }
}

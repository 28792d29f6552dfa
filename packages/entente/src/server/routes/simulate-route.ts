import {
  compileSimulation,
  DEU3_CALIBRATION,
  defaultSimulationModels,
  type SimulationPlan,
} from "@entente/core";
import { getConnInfo } from "@hono/node-server/conninfo";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { defaultWorkers } from "../../pool/run-simulation.ts";
import { ApiError, badRequest } from "../api-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { asAWhole, choice, fields, flag, wholeNumber } from "../field-schemas.ts";
import { jsonObjectBody } from "../request-body.ts";
import {
  errorResponse,
  jsonBody,
  jsonResponse,
  modelId,
  outcomeFields,
  revisionField,
  ScenarioParams,
  writeErrors,
  writeSecurity,
} from "../schemas.ts";
import { RunRecord } from "./run-schemas.ts";

/** Samples when the body gives none (as `entente simulate`). */
export const DEFAULT_SAMPLES = 10_000;
/** Seed when the body gives none (as `entente simulate`). */
export const DEFAULT_SEED = 42;

/**
 * `POST /scenarios/:id/simulate`: check the plan, record a queued run and start it in the
 * background; answers 202 with the run and its `Location`. Progress and the result are at
 * `/api/runs/:id` and `/api/runs/:id/events`.
 */
export function simulateRoute(deps: AppDeps): OpenAPIHono {
  const { store, jobs } = deps;
  const app = new OpenAPIHono();
  app.openapi(
    createRoute({
      method: "post",
      path: "/scenarios/{id}/simulate",
      operationId: "simulate",
      summary: "Start a Monte Carlo simulation in the background",
      security: writeSecurity,
      middleware: [jsonObjectBody],
      request: {
        params: ScenarioParams,
        body: jsonBody(
          fields({
            samples: wholeNumber(1, deps.maxSamples).default(DEFAULT_SAMPLES),
            seed: wholeNumber(0).default(DEFAULT_SEED),
            models: z
              .array(modelId, {
                error: (issue) =>
                  `expected a non-empty list of model ids, got ${JSON.stringify(issue.input)}`,
              })
              .min(1)
              .default(defaultSimulationModels)
              .describe("Model ids (default: the registry's `simulateByDefault` models)"),
            workers: wholeNumber(1, deps.maxWorkers)
              .optional()
              .describe("Worker threads (default: the machine's cores)"),
            distribution: choice(["triangular", "uniform"]).default("triangular"),
            thresholds: z
              .record(
                z.string(),
                asAWhole(
                  z.array(z.number()),
                  (value) => `expected a list of numbers, got ${JSON.stringify(value)}`,
                ),
                {
                  error: (issue) =>
                    `expected { issueId: [numbers] }, got ${JSON.stringify(issue.input)}`,
                },
              )
              .default({})
              .describe("Extra P(outcome ≥ x) thresholds per issue id"),
            revision: revisionField,
            sensitivity: flag()
              .default(false)
              .describe(
                "Add one-at-a-time (tornado) and first-order Sobol sensitivity to the result",
              ),
            sensitivitySamples: wholeNumber(16, 4096)
              .default(128)
              .describe("Base samples N of the Sobol design (N·(inputs + 2) runs)"),
            ...outcomeFields,
          }),
        ),
      },
      responses: {
        202: {
          ...jsonResponse(
            RunRecord.extend({ links: z.object({ self: z.string(), events: z.string() }) }),
            "Queued; follow it at Location or its events",
          ),
          headers: z.object({ Location: z.string() }),
        },
        400: errorResponse("Bad plan (samples, seed, models, workers, thresholds)"),
        404: errorResponse("No such scenario or revision"),
        429: errorResponse(
          "This client already has as many simulations queued or running as the server allows (see Retry-After)",
        ),
        ...writeErrors,
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const { samples, seed, models, distribution, thresholds, revision } = body;
      const workers = body.workers ?? Math.min(defaultWorkers(), deps.maxWorkers);
      const { sensitivity: withSensitivity, sensitivitySamples, calibration, agreement } = body;
      const client = clientAddress(c);
      const active = jobs.activeFor(client);
      if (active >= jobs.perClient) {
        throw new ApiError(
          429,
          [
            {
              path: "(client)",
              message: `you already have ${active} simulations queued or running here (at most ${jobs.perClient} at once); wait for one to finish or cancel one`,
            },
          ],
          { "Retry-After": "10" },
        );
      }
      const saved = await store.getScenario(c.req.valid("param").id, revision);
      const plan: SimulationPlan = {
        scenario: saved.scenario,
        samples,
        seed,
        models,
        distribution,
        thresholds,
        calibration: calibration === "none" ? null : DEU3_CALIBRATION,
        agreement,
      };
      try {
        compileSimulation(plan);
      } catch (e) {
        if (e instanceof RangeError) throw badRequest("(plan)", e.message);
        throw e;
      }
      const run = await store.createRun({
        scenarioId: saved.scenarioId,
        revision: saved.revision,
        kind: "simulate",
        model: models.join(","),
        parameters: {
          samples,
          seed,
          models,
          workers,
          distribution,
          thresholds,
          calibration,
          agreement,
          ...(withSensitivity ? { sensitivitySamples } : {}),
        },
        seed,
        progressTotal: samples,
      });
      await jobs.submit(
        run,
        plan,
        workers,
        withSensitivity ? sensitivitySamples : undefined,
        client,
      );
      const self = `/api/runs/${run.id}`;
      c.header("Location", self);
      return c.json({ ...run, links: { self, events: `${self}/events` } }, 202);
    },
  );
  return app;
}

/** Who is asking, for the per-client limit: the peer's address ("" for in-process requests). */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "";
  } catch {
    return ""; // not over a socket (app.request in tests)
  }
}

import {
  compileSimulation,
  DEU3_CALIBRATION,
  getModel,
  models as registered,
  type SimulationPlan,
} from "@entente/core";
import { Hono } from "hono";
import { defaultWorkers } from "../../pool/run-simulation.ts";
import { badRequest } from "../api-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { onlyFields, optionalBoolean, optionalChoice, optionalInteger } from "../body-fields.ts";
import { readJsonObject } from "../request-body.ts";

/** Models simulated when the body names none (as `entente simulate`). */
export const DEFAULT_SIMULATION_MODELS = ["compromise", "weighted-median", "eum"];
/** Samples when the body gives none (as `entente simulate`). */
export const DEFAULT_SAMPLES = 10_000;
/** Seed when the body gives none (as `entente simulate`). */
export const DEFAULT_SEED = 42;

/**
 * `POST /scenarios/:id/simulate`: check the plan, record a queued run and start it in the
 * background; answers 202 with the run and its `Location`. Progress and the result are at
 * `/api/runs/:id` and `/api/runs/:id/events`.
 */
export function simulateRoute(deps: AppDeps): Hono {
  const { store, jobs } = deps;
  const app = new Hono();
  app.post("/scenarios/:id/simulate", async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, [
      "samples",
      "seed",
      "models",
      "workers",
      "distribution",
      "thresholds",
      "revision",
      "sensitivity",
      "sensitivitySamples",
      "calibration",
      "agreement",
    ]);
    const samples = optionalInteger(body.samples, "samples", 1, deps.maxSamples) ?? DEFAULT_SAMPLES;
    const seed = optionalInteger(body.seed, "seed", 0) ?? DEFAULT_SEED;
    const workers =
      optionalInteger(body.workers, "workers", 1, deps.maxWorkers) ??
      Math.min(defaultWorkers(), deps.maxWorkers);
    const distribution =
      optionalChoice(body.distribution, "distribution", ["triangular", "uniform"]) ?? "triangular";
    const models = modelIds(body.models);
    const thresholds = thresholdMap(body.thresholds);
    const revision = optionalInteger(body.revision, "revision", 1);
    const withSensitivity = optionalBoolean(body.sensitivity, "sensitivity", false);
    const sensitivitySamples =
      optionalInteger(body.sensitivitySamples, "sensitivitySamples", 16, 4096) ?? 128;
    const calibration =
      optionalChoice(body.calibration, "calibration", ["default", "none"]) ?? "default";
    const agreement = optionalBoolean(body.agreement, "agreement", true);
    const saved = await store.getScenario(c.req.param("id"), revision);
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
    jobs.submit(run, plan, workers, withSensitivity ? sensitivitySamples : undefined);
    const self = `/api/runs/${run.id}`;
    c.header("Location", self);
    return c.json({ ...run, links: { self, events: `${self}/events` } }, 202);
  });
  return app;
}

function modelIds(value: unknown): string[] {
  if (value === undefined) {
    return DEFAULT_SIMULATION_MODELS.filter((id) => registered.some((m) => m.id === id));
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw badRequest(
      "models",
      `expected a non-empty list of model ids, got ${JSON.stringify(value)}`,
    );
  }
  return value.map((id, i) => {
    if (typeof id !== "string")
      throw badRequest(`models.${i}`, `expected a model id, got ${JSON.stringify(id)}`);
    try {
      return getModel(id).id;
    } catch (e) {
      throw badRequest(`models.${i}`, (e as Error).message);
    }
  });
}

function thresholdMap(value: unknown): Record<string, number[]> {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw badRequest("thresholds", `expected { issueId: [numbers] }, got ${JSON.stringify(value)}`);
  }
  const out: Record<string, number[]> = {};
  for (const [issue, list] of Object.entries(value)) {
    if (!Array.isArray(list) || !list.every((x) => typeof x === "number" && Number.isFinite(x))) {
      throw badRequest(
        `thresholds.${issue}`,
        `expected a list of numbers, got ${JSON.stringify(list)}`,
      );
    }
    out[issue] = list as number[];
  }
  return out;
}

import { DEU3_CALIBRATION, ModelInputError } from "@entente/core";
import { Hono } from "hono";
import { defaultWorkers } from "../../pool/run-simulation.ts";
import { ChromiumMissingError } from "../../report/brief-pdf.ts";
import { REPORT_FORMATS, renderReport } from "../../report/render-report.ts";
import { principals } from "../../report/report-data.ts";
import { ApiError, badRequest } from "../api-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { optionalChoice, queryInteger } from "../body-fields.ts";
import { DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_SIMULATION_MODELS } from "./simulate-route.ts";

const TYPES = {
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  md: "text/markdown; charset=utf-8",
} as const;

/**
 * `GET /scenarios/:id/report.html` (and `.pdf`, `.md`): the report of `entente report` on a
 * stored revision (the latest unless `?revision=`), with `samples`, `seed`, `between=a,b` and
 * `calibration=default|none` in the query. Computed in the request; a PDF needs Chromium on the
 * server (501 without it).
 */
export function reportRoute(deps: AppDeps): Hono {
  const app = new Hono();
  for (const format of REPORT_FORMATS) {
    app.get(`/scenarios/:id/report.${format}`, async (c) => {
      const revision = queryInteger(c.req.query("revision"), "revision", 1);
      const samples =
        queryInteger(c.req.query("samples"), "samples", 1, deps.maxSamples) ?? DEFAULT_SAMPLES;
      const seed = queryInteger(c.req.query("seed"), "seed", 0) ?? DEFAULT_SEED;
      const calibration =
        optionalChoice(c.req.query("calibration"), "calibration", ["default", "none"]) ?? "default";
      const between = c.req
        .query("between")
        ?.split(",")
        .map((s) => s.trim());
      const saved = await deps.store.getScenario(c.req.param("id"), revision);
      try {
        principals(saved.scenario, between);
      } catch (e) {
        throw badRequest("between", (e as Error).message);
      }
      let body: string | Uint8Array;
      try {
        body = await renderReport(saved.scenario, format, {
          samples,
          seed,
          models: DEFAULT_SIMULATION_MODELS,
          between,
          calibration: calibration === "none" ? null : DEU3_CALIBRATION,
          workers: Math.min(defaultWorkers(), deps.maxWorkers),
          // A client that goes away stops the simulation.
          signal: c.req.raw.signal,
        });
      } catch (e) {
        if (e instanceof ChromiumMissingError) throw new ApiError(501, e.message);
        if (e instanceof RangeError || e instanceof ModelInputError) {
          throw new ApiError(422, [{ path: "(scenario)", message: e.message }]);
        }
        throw e;
      }
      const name = `${saved.scenarioId}-r${saved.revision}-report.${format}`;
      c.header("Content-Type", TYPES[format]);
      c.header(
        "Content-Disposition",
        `${format === "html" ? "inline" : "attachment"}; filename="${name}"`,
      );
      return c.body(typeof body === "string" ? body : (body as Uint8Array<ArrayBuffer>));
    });
  }
  return app;
}

import { DEU3_CALIBRATION, defaultSimulationModels, ModelInputError } from "@entente/core";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { defaultWorkers } from "../../pool/run-simulation.ts";
import { ChromiumMissingError } from "../../report/brief-pdf.ts";
import { REPORT_FORMATS, renderReport } from "../../report/render-report.ts";
import { principals } from "../../report/report-data.ts";
import { ApiError, badRequest } from "../api-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { queryNumber } from "../field-schemas.ts";
import { calibrationField, errorResponse, revisionQuery, ScenarioParams } from "../schemas.ts";
import { DEFAULT_SAMPLES, DEFAULT_SEED } from "./simulate-route.ts";

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
export function reportRoute(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono();
  const query = z.object({
    revision: revisionQuery,
    samples: queryNumber(1, deps.maxSamples)
      .default(DEFAULT_SAMPLES)
      .describe("Monte Carlo samples"),
    seed: queryNumber(0).default(DEFAULT_SEED).describe("Random seed"),
    between: z
      .string()
      .optional()
      .describe("The two principals for the deal space, `a,b` (default: the two most capable)"),
    calibration: calibrationField,
  });
  for (const format of REPORT_FORMATS) {
    const type = TYPES[format].split(";")[0] as string;
    app.openapi(
      createRoute({
        method: "get",
        path: `/scenarios/{id}/report.${format}`,
        operationId: `report${format[0]?.toUpperCase()}${format.slice(1)}`,
        summary: `The report of \`entente report\` as ${format === "md" ? "Markdown" : format.toUpperCase()}: summary, each issue's outlook with charts, phases, questions, deal space, offers, sensitivity, the models' record on DEU III and the sources`,
        request: { params: ScenarioParams, query },
        responses: {
          200: {
            description: "The report",
            content: {
              [type]: {
                schema: format === "pdf" ? z.string().openapi({ format: "binary" }) : z.string(),
              },
            },
          },
          400: errorResponse("Bad query parameter"),
          404: errorResponse("No such scenario or revision"),
          422: errorResponse("A model cannot run on this scenario"),
          ...(format === "pdf"
            ? { 501: errorResponse("Chromium is not installed on the server") }
            : {}),
        },
      }),
      async (c) => {
        const { revision, samples, seed, calibration, between: pair } = c.req.valid("query");
        const between = pair?.split(",").map((s) => s.trim());
        const saved = await deps.store.getScenario(c.req.valid("param").id, revision);
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
            models: defaultSimulationModels(),
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
      },
    );
  }
  return app;
}

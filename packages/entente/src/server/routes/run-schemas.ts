/**
 * The runs' wire: a run as the store records it, and the documents analyses produce (as the
 * CLI's `--format json` writes them).
 * @module
 */
import { z } from "@hono/zod-openapi";
import { RUN_KINDS, RUN_STATUSES } from "../../store/records.ts";
import { choice } from "../field-schemas.ts";

/** Where a run is in its life: queued → running → done | failed | cancelled. */
export const RunStatus = choice(RUN_STATUSES).openapi("RunStatus");

/** A recorded run. */
export const RunRecord = z
  .object({
    id: z.string(),
    scenarioId: z.string(),
    revision: z.int(),
    kind: z.enum(RUN_KINDS),
    model: z.string().nullable(),
    parameters: z.record(z.string(), z.unknown()),
    seed: z.int().nullable(),
    status: RunStatus,
    progressDone: z.int(),
    progressTotal: z.int(),
    result: z
      .unknown()
      .describe(
        "ForecastTable, RunDocument, SimulationDocument or DealsDocument once done; null before, and in listings",
      ),
    error: z.string().nullable(),
    created: z.iso.datetime(),
    started: z.iso.datetime().nullable(),
    finished: z.iso.datetime().nullable(),
  })
  .openapi("RunRecord");

/** What a forecast or simulation says about its uncertainty. */
const uncertaintySettings = {
  calibration: z
    .string()
    .nullable()
    .describe("The calibration behind model error and the ranges, in one line; null for none"),
  agreement: z.boolean().describe("Whether phases were checked for agreement"),
};

/** Every model's forecast table, as `entente forecast --format json`. */
export const ForecastTable = z
  .object({
    scenario: z.string(),
    title: z.string(),
    models: z.array(z.object({})),
    phases: z.array(z.string()),
    issues: z.array(z.object({})),
    ...uncertaintySettings,
    outcomes: z
      .object({
        phases: z.array(z.object({})),
        unchecked: z.array(z.object({})),
        issues: z.array(z.object({})),
      })
      .describe(
        "Per phase, the chance it ends in an agreement; phases that cannot be checked, with the reason; per issue and model, the outcome distribution (median, 50/80/95 % intervals, named-outcome bands, P(status quo holds))",
      ),
  })
  .openapi("ForecastTable", { description: "As `entente forecast --format json`" });

/** One model's run, as `entente run --format json`. */
export const RunDocument = z
  .object({
    scenario: z.string(),
    model: z.string(),
    preset: z.string().optional(),
    params: z.record(z.string(), z.unknown()),
    issues: z.array(z.object({})),
  })
  .openapi("RunDocument", { description: "As `entente run --format json`" });

/** A deal-space search, as `entente deals --format json`. */
export const DealsDocument = z
  .object({
    source: z.string(),
    parties: z.array(z.string()),
    grid: z.int().optional(),
    gridNote: z.string().optional(),
    packages: z.int(),
    frontierPoints: z.int(),
    frontier: z.array(z.array(z.number())).optional(),
    rationalPackages: z.int().optional(),
    hasStatusQuo: z.boolean(),
    reservations: z.array(z.number()),
    nash: z.object({}).optional(),
    kalaiSmorodinsky: z.object({}).optional(),
    maxWelfare: z.object({}).optional(),
    offers: z.object({}),
    path: z.array(z.object({})),
    winSet: z.object({}).optional(),
    notes: z.array(z.string()),
  })
  .openapi("DealsDocument", { description: "As `entente deals --format json`" });

/** A simulation's result, as `entente simulate --format json`. */
export const SimulationDocument = z
  .object({
    scenario: z.string(),
    scenarioHash: z.int(),
    samples: z.int(),
    seed: z.int(),
    models: z.array(z.string()),
    distribution: z.string(),
    ...uncertaintySettings,
    report: z
      .object({})
      .describe(
        "Per issue and model the distribution of its forecast over the sampled inputs (mean, sd, quantiles, histogram) and of the `outcome` (median, 50/80/95 % intervals, P(≥ marks), named-outcome bands, P(status quo holds)); `phases` with P(agreement) ± se; `questions` with each model's probability ± se; shocks",
      ),
  })
  .openapi("SimulationDocument", {
    description: "As `entente simulate --format json`: the result of a simulate run",
  });

/** The answer of a synchronous analysis: the recorded run's id and the `result` document. */
export function analysisAnswer<T extends z.ZodType>(result: T) {
  return z.object({
    runId: z.string().nullable().describe("null when record is false"),
    scenarioId: z.string(),
    revision: z.int(),
    result,
  });
}

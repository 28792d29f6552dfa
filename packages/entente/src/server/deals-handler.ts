import {
  DEFAULT_MAX_OUTCOMES,
  dealAnalysis,
  dealOptions,
  resolveParams,
  show,
} from "@entente/core";
import { z } from "@hono/zod-openapi";
import { dealParties, dealsDocument, scenarioDealGrid } from "../deals/deals-document.ts";
import { badRequest } from "./api-error.ts";
import type { DealsHandler } from "./deals-extension.ts";
import { flag, paramValues, wholeNumber } from "./field-schemas.ts";

/** The fields of a deals body (besides `revision` and `record`), as the CLI's options. */
const DEALS_FIELDS = {
  between: z
    .union([z.array(z.string()), z.string()], {
      error: (issue) => `expected two actors, as [a, b] or "a,b", got ${show(issue.input)}`,
    })
    .optional()
    .describe('The two actors, as [a, b] or "a,b" (default: the two most capable)'),
  ratify: flag().default(false).describe("Also compute the win-set under the scenario's ratifiers"),
  grid: wholeNumber(2, 101).optional().describe("Points per issue"),
  params: paramValues()
    .optional()
    .describe("loss, ks, ksUtopia, winSetScope, maxOutcomes, statusQuoOnGrid"),
  limit: wholeNumber(1, 100).default(5),
};

/**
 * Deal-space search on a scenario, as `entente deals <scenario> --format json`: between two
 * actors (`between: [a, b]`, default the two most capable), the Pareto frontier, the Nash,
 * Kalai–Smorodinsky and welfare packages, what each can offer the other, the path from the
 * status quo and, with `ratify: true`, the win-set under the scenario's ratifiers. `grid`,
 * `limit` and `params` (loss, ks, ksUtopia, winSetScope, maxOutcomes, statusQuoOnGrid) as the
 * CLI's options; `maxOutcomes` cannot exceed the default (memory). The route checks the body
 * against {@link DEALS_FIELDS}.
 */
export const scenarioDeals: DealsHandler = Object.assign(
  ({ scenario, data, body }: Parameters<DealsHandler>[0]) => {
    const {
      between,
      ratify,
      grid,
      params: given,
      limit,
    } = body as z.output<z.ZodObject<typeof DEALS_FIELDS>>;
    const params = { ...given };
    if (grid !== undefined) params.gridPoints = grid;
    let options: ReturnType<typeof dealOptions>;
    try {
      options = dealOptions(resolveParams(dealAnalysis, { params }));
    } catch (e) {
      throw badRequest("params", (e as Error).message.replace('model "deals"', "deals"));
    }
    if (options.maxOutcomes > DEFAULT_MAX_OUTCOMES) {
      throw badRequest(
        "params.maxOutcomes",
        `the server enumerates at most ${DEFAULT_MAX_OUTCOMES} packages, got ${options.maxOutcomes}`,
      );
    }
    const built = scenarioDealGrid(data, options, {
      ratify,
      gridChosen: grid !== undefined,
      gridOption: 'set "grid"',
    });
    const ids = built.utilities.map((u) => u.id);
    let parties: [number, number];
    try {
      parties = dealParties(
        typeof between === "string" ? between.split(",").map((x) => x.trim()) : between,
        ids,
        scenario,
      );
    } catch (e) {
      throw badRequest("between", (e as Error).message);
    }
    return dealsDocument({
      space: built.space,
      utilities: built.utilities,
      parties,
      options,
      limit,
      source: `${scenario.title} [${scenario.id}]`,
      scenario,
      data,
      ratifiers: ratify ? built.ratifiers : undefined,
      grid: built.grid,
      gridNote: built.gridNote,
    });
  },
  { fields: DEALS_FIELDS },
);

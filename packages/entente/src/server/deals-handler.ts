import { DEFAULT_MAX_OUTCOMES, dealAnalysis, dealOptions, resolveParams } from "@entente/core";
import { dealParties, dealsDocument, scenarioDealGrid } from "../deals/deals-document.ts";
import { badRequest } from "./api-error.ts";
import { onlyFields, optionalBoolean, optionalInteger, paramValues } from "./body-fields.ts";
import type { DealsHandler } from "./deals-extension.ts";

/** Fields the deals body accepts (besides `revision` and `record`). */
export const DEALS_FIELDS = ["between", "ratify", "grid", "params", "limit"] as const;

/**
 * Deal-space search on a scenario, as `entente deals <scenario> --format json`: between two
 * actors (`between: [a, b]`, default the two most capable), the Pareto frontier, the Nash,
 * Kalai–Smorodinsky and welfare packages, what each can offer the other, the path from the
 * status quo and, with `ratify: true`, the win-set under the scenario's ratifiers. `grid`,
 * `limit` and `params` (loss, ks, ksUtopia, winSetScope, maxOutcomes, statusQuoOnGrid) as the
 * CLI's options; `maxOutcomes` cannot exceed the default (memory).
 */
export const scenarioDeals: DealsHandler = ({ scenario, data, body }) => {
  onlyFields(body, DEALS_FIELDS);
  const ratify = optionalBoolean(body.ratify, "ratify", false);
  const limit = optionalInteger(body.limit, "limit", 1, 100) ?? 5;
  const grid = optionalInteger(body.grid, "grid", 2, 101);
  const params = paramValues(body.params);
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
  let between: string[] | undefined;
  if (typeof body.between === "string") between = body.between.split(",").map((x) => x.trim());
  else if (Array.isArray(body.between)) between = body.between.map(String);
  else if (body.between !== undefined) between = [JSON.stringify(body.between)];
  let parties: [number, number];
  try {
    parties = dealParties(between, ids, scenario);
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
    ratifiers: ratify ? built.ratifiers : undefined,
    grid: built.grid,
    gridNote: built.gridNote,
  });
};

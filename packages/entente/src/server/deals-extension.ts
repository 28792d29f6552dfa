import type { Scenario, ScenarioData } from "@entente/core";
import type { z } from "zod";

/**
 * The extension point for deal-space search (`POST /api/scenarios/:id/deals`). Given the
 * revision's scenario and the request body, it returns the result document; a RangeError
 * becomes a 400 naming the problem. `createApp` uses `scenarioDeals` (deals-handler.ts, the
 * `entente deals` analysis) unless given another one, or `deals: false` (then the route
 * answers 501).
 */
export type DealsHandler = ((input: {
  scenario: Scenario;
  data: ScenarioData;
  body: Record<string, unknown>;
}) => unknown | Promise<unknown>) & {
  /**
   * The body fields it takes besides `revision` and `record`, which the route checks (refusing
   * any other) and documents; without them, the body's other fields are passed on unchecked.
   */
  readonly fields?: z.ZodRawShape;
};

/** What the deals route says when the app was created with `deals: false`. */
export const DEALS_UNAVAILABLE =
  "deal-space search is not available in this build of Entente; the other analyses (forecast, run, simulate) are";

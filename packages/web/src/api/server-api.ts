/**
 * What `entente serve` says about itself: its health (version, database, queue) and the models
 * it runs.
 * @module
 */
import type { ModelInfo, ModelList, ServerHealth } from "entente/wire-types";
import { request } from "./request.ts";

/**
 * The server's own endpoints, relative to the page's origin.
 * @example
 * const models = await serverApi.models();
 */
export const serverApi = {
  /** `GET /api/health`: whether the server is up, its version, its database and its queue. */
  async health(): Promise<ServerHealth> {
    return request("GET", "/api/health");
  },

  /** `GET /api/models`: every model the server runs, in its registry's order. */
  async models(): Promise<ModelInfo[]> {
    return (await request<ModelList>("GET", "/api/models")).models;
  },
};

/**
 * Drafting a scenario from articles on `entente serve`: whether a language-model provider is
 * configured, start a draft job, and read its progress and result. Failures are
 * {@link ApiRequestError}s (a 503 when no provider is configured, its message saying how).
 * @module
 */
import type { DraftJob, DraftProviderInfo, DraftRequestBody } from "entente/wire-types";
import { ApiRequestError } from "./api-request-error.ts";
import { request } from "./request.ts";

/**
 * The draft endpoints, relative to the page's origin.
 * @example
 * const job = await draftApi.start({ articles: [{ name: "talks.md", text }] });
 * const later = await draftApi.job(job.id);
 */
export const draftApi = {
  /** Whether the server has a language-model provider, and which. */
  async provider(): Promise<DraftProviderInfo> {
    return request("GET", "/api/draft-provider");
  },

  /** Start drafting; answers at once with the running job. */
  async start(body: DraftRequestBody): Promise<DraftJob> {
    return request("POST", "/api/drafts", body);
  },

  /** A draft job's progress, and its scenario once done (or its error once failed). */
  async job(id: string): Promise<DraftJob> {
    return request("GET", `/api/drafts/${encodeURIComponent(id)}`);
  },
};

/** The readable part of a failed request's message: the server's problems, without the status. */
export function failureText(e: unknown): string {
  if (e instanceof ApiRequestError) {
    const listed = e.errors.map((x) => x.message ?? "").filter((m) => m !== "");
    return listed.length > 0 ? listed.join("\n") : e.message.replace(/^\d{3}: /, "");
  }
  return e instanceof Error ? e.message : String(e);
}

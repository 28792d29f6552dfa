import OpenAI from "openai";
import { DraftError } from "./draft-error.ts";
import { type ProviderConfig, publicBaseUrl } from "./provider-config.ts";

/**
 * A failed request in words an analyst can act on, after the client's own retries: what the
 * provider did, how often it was tried, and what to change. Configuration problems (a refused
 * key, an unknown model, a rejected request) exit 2; the rest exit 1.
 */
export function providerFailure(e: unknown, where: string, config: ProviderConfig): DraftError {
  const url = publicBaseUrl(config.baseUrl);
  const tries = `${config.retries + 1} attempt${config.retries === 0 ? "" : "s"}`;
  const detail = (x: InstanceType<typeof OpenAI.APIError>) => {
    const m = x.message.replace(/^\d{3}\s*/, "").trim();
    return m && m !== "status code (no body)" ? ` (${m.slice(0, 300)})` : "";
  };
  if (e instanceof OpenAI.APIUserAbortError) return new DraftError(`${where}: cancelled`);
  if (e instanceof OpenAI.APIConnectionTimeoutError) {
    return new DraftError(
      `${where}: the provider at ${url} did not answer within ${config.timeoutSeconds} s (${tries}); try a longer --timeout or a faster model`,
    );
  }
  if (e instanceof OpenAI.APIConnectionError) {
    const cause = (e as { cause?: { cause?: { code?: string }; message?: string } }).cause;
    const code = cause?.cause?.code ?? cause?.message ?? "connection failed";
    return new DraftError(
      `${where}: could not reach the provider at ${url} (${code}, ${tries}); is the server running and the URL right?`,
    );
  }
  if (e instanceof OpenAI.RateLimitError) {
    return new DraftError(
      `${where}: the provider refused with 429 Too Many Requests on all ${tries}${detail(e)}; wait, then run again`,
    );
  }
  if (e instanceof OpenAI.AuthenticationError || e instanceof OpenAI.PermissionDeniedError) {
    const key =
      config.apiKey === undefined
        ? `no key is set in ${config.apiKeyEnv}`
        : `the key in ${config.apiKeyEnv} was refused`;
    return new DraftError(`${where}: the provider answered ${e.status}: ${key}${detail(e)}`, 2);
  }
  if (e instanceof OpenAI.NotFoundError) {
    return new DraftError(
      `${where}: the provider answered 404: no model "${config.model}" or no chat-completions endpoint under ${url}${detail(e)}`,
      2,
    );
  }
  if (e instanceof OpenAI.BadRequestError || e instanceof OpenAI.UnprocessableEntityError) {
    return new DraftError(
      `${where}: the provider rejected the request (${e.status})${detail(e)}; the model may not support structured (JSON-schema) output`,
      2,
    );
  }
  if (e instanceof OpenAI.APIError) {
    return new DraftError(
      `${where}: the provider failed with ${e.status ?? "an error"} on all ${tries}${detail(e)}`,
    );
  }
  throw e;
}

/**
 * The language model a server drafts scenarios with: read once from the environment at start
 * (`ENTENTE_LLM_BASE_URL`, `ENTENTE_LLM_MODEL`, the key in `ENTENTE_LLM_API_KEY`), and shown
 * to people (the start line, `GET /api/draft-provider`) without its key or any credentials.
 * @module
 */
import {
  HOW_TO_CONFIGURE,
  PROVIDER_ENV,
  type ProviderConfig,
  providerConfig,
  publicBaseUrl,
} from "../draft/provider-config.ts";

/** What the environment says about drafting: a provider, none (maybe with a warning), or a bad setting. */
export type ServerDraftProvider =
  | { ok: true; config: ProviderConfig | undefined; warning?: string }
  | { ok: false; message: string };

/**
 * The provider `entente serve` drafts with, from `env`. Neither variable set: none (drafting
 * answers 503 with how to configure it). Only one of base URL and model: none, with a warning
 * naming the missing one. A bad value (a base URL that is not http(s)): `ok: false`, the
 * message naming the variable and the value.
 */
export function serverDraftProvider(
  env: Readonly<Record<string, string | undefined>>,
): ServerDraftProvider {
  const found = providerConfig({}, env);
  if (found.ok) return { ok: true, config: found.config };
  if (found.message !== HOW_TO_CONFIGURE) {
    return { ok: false, message: found.message.replace("--base-url", PROVIDER_ENV.baseUrl) };
  }
  const baseUrl = env[PROVIDER_ENV.baseUrl];
  const model = env[PROVIDER_ENV.model];
  if (!baseUrl && !model) return { ok: true, config: undefined };
  const missing = baseUrl ? PROVIDER_ENV.model : PROVIDER_ENV.baseUrl;
  const given = baseUrl ? PROVIDER_ENV.baseUrl : PROVIDER_ENV.model;
  return {
    ok: true,
    config: undefined,
    warning: `${given} is set but ${missing} is not: drafting from articles is off until both are`,
  };
}

/** Drafting as the start line tells it: with which model and where, or off (never the key). */
export function draftingNote(config: ProviderConfig | undefined): string {
  return config === undefined
    ? `drafting from articles off (set ${PROVIDER_ENV.baseUrl} and ${PROVIDER_ENV.model})`
    : `drafting from articles with ${config.model} at ${publicBaseUrl(config.baseUrl)}`;
}

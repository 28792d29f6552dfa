/** Where `entente draft` sends articles: an OpenAI-compatible chat-completions endpoint. */
export interface ProviderConfig {
  /** Base URL of the API, e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`. */
  baseUrl: string;
  model: string;
  /** The API key, read from the environment; undefined for local servers that need none. */
  apiKey?: string | undefined;
  /** Name of the environment variable the key was read from (for error messages). */
  apiKeyEnv: string;
  /** Seconds to wait for one answer. */
  timeoutSeconds: number;
  /** How many times a failed request (timeout, rate limit, server error, malformed answer) is retried. */
  retries: number;
}

/** The environment variables `draft` and `serve` read the provider from. */
export const PROVIDER_ENV = {
  baseUrl: "ENTENTE_LLM_BASE_URL",
  model: "ENTENTE_LLM_MODEL",
  apiKey: "ENTENTE_LLM_API_KEY",
} as const;

/** How to configure a provider, for the error shown when none is. */
export const HOW_TO_CONFIGURE = [
  "no language-model provider is configured, so nothing was sent anywhere.",
  "Configure an OpenAI-compatible chat-completions endpoint with its base URL and model, e.g.",
  `  hosted:    export ${PROVIDER_ENV.baseUrl}=https://api.openai.com/v1 ${PROVIDER_ENV.model}=gpt-4o-mini ${PROVIDER_ENV.apiKey}=…`,
  `  Ollama:    export ${PROVIDER_ENV.baseUrl}=http://localhost:11434/v1 ${PROVIDER_ENV.model}=llama3.1`,
  "  llama.cpp: --base-url http://localhost:8080/v1 --model any; vLLM: --base-url http://localhost:8000/v1 --model <served name>",
  `(--base-url and --model override the variables; the key is read only from ${PROVIDER_ENV.apiKey}, or the variable named by --api-key-env)`,
].join("\n");

/** Options as given on the command line or to the server; undefined falls back to the environment. */
export interface ProviderOptions {
  provider?: string | undefined;
  baseUrl?: string | undefined;
  model?: string | undefined;
  apiKeyEnv?: string | undefined;
  timeout?: number | undefined;
  retries?: number | undefined;
}

/**
 * The provider from options and the environment, or a message saying what is missing and how
 * to configure it (no provider is ever assumed: without one, nothing leaves the machine).
 */
export function providerConfig(
  options: ProviderOptions,
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; config: ProviderConfig } | { ok: false; message: string } {
  const provider = options.provider ?? "openai-compatible";
  if (provider !== "openai-compatible") {
    return {
      ok: false,
      message: `unknown provider "${provider}"; the one provider is "openai-compatible" (any chat-completions endpoint)`,
    };
  }
  const baseUrl = options.baseUrl ?? env[PROVIDER_ENV.baseUrl];
  const model = options.model ?? env[PROVIDER_ENV.model];
  if (!baseUrl || !model) return { ok: false, message: HOW_TO_CONFIGURE };
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("protocol");
  } catch {
    return {
      ok: false,
      message: `expected --base-url to be an http(s) URL such as http://localhost:11434/v1, got "${baseUrl}"`,
    };
  }
  const apiKeyEnv = options.apiKeyEnv ?? PROVIDER_ENV.apiKey;
  const timeoutSeconds = options.timeout ?? 120;
  if (!(timeoutSeconds > 0))
    return {
      ok: false,
      message: `expected --timeout to be a number of seconds > 0, got ${timeoutSeconds}`,
    };
  const retries = options.retries ?? 3;
  if (!Number.isInteger(retries) || retries < 0 || retries > 10) {
    return {
      ok: false,
      message: `expected --retries to be a whole number from 0 to 10, got ${retries}`,
    };
  }
  const apiKey = env[apiKeyEnv] || undefined;
  return {
    ok: true,
    config: {
      baseUrl: baseUrl.replace(/\/+$/, ""),
      model,
      apiKey,
      apiKeyEnv,
      timeoutSeconds,
      retries,
    },
  };
}

/** `url` without a user name or password in it, for showing. */
export function publicBaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = "";
    u.password = "";
    return u.toString().replace(/\/+$/, "");
  } catch {
    return url;
  }
}

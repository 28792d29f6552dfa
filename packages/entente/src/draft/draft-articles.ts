import {
  assembleDraft,
  type DraftArticle,
  type DraftResponse,
  draftFrame,
  draftMessages,
  draftResponseJsonSchema,
  parseDraftResponse,
  type Scenario,
  validateScenario,
} from "@entente/core";
import OpenAI from "openai";
import { DraftError } from "./draft-error.ts";
import { type ProviderConfig, publicBaseUrl } from "./provider-config.ts";
import { providerFailure } from "./provider-failure.ts";

/** Progress of a draft: articles answered so far, and what is happening now. */
export interface DraftProgress {
  done: number;
  total: number;
  note: string;
}

/** The scenario's own fields; `asOf` defaults to the latest article date, else today. */
export interface DraftRequest {
  id: string;
  title: string;
  asOf?: string | undefined;
}

/** First wait before asking again after a malformed answer; doubles each time, at most 8 s. */
const BACKOFF_MS = 500;

/**
 * Draft a scenario from articles with the configured model: one structured-output request per
 * article, in order, each given the frame of ids the earlier answers established; then the
 * answers are grounded and merged by `assembleDraft`. Timeouts, rate limits and server errors
 * are retried by the client with exponential backoff (honouring `retry-after`); malformed
 * answers are asked for again here, with the same backoff. Any failure throws a
 * {@link DraftError} and no partial scenario is returned.
 */
export async function draftArticles(
  articles: readonly DraftArticle[],
  config: ProviderConfig,
  request: DraftRequest,
  options: {
    onProgress?: ((p: DraftProgress) => void) | undefined;
    signal?: AbortSignal | undefined;
    now?: Date | undefined;
  } = {},
): Promise<Scenario> {
  if (articles.length === 0) throw new DraftError("no articles to draft from", 2);
  const client = new OpenAI({
    baseURL: config.baseUrl,
    apiKey: config.apiKey ?? "no-key",
    timeout: config.timeoutSeconds * 1000,
    maxRetries: config.retries,
  });
  const schema = draftResponseJsonSchema();
  const responses: DraftResponse[] = [];
  const total = articles.length;
  for (const [k, article] of articles.entries()) {
    const where = `article ${k + 1} of ${total} (${article.locator})`;
    options.onProgress?.({ done: k, total, note: `asking about ${article.locator}` });
    const messages = draftMessages(article, draftFrame(responses));
    for (let attempt = 0; ; attempt++) {
      let content: string;
      let cutOff = false;
      try {
        const completion = await client.chat.completions.create(
          {
            model: config.model,
            messages,
            temperature: 0,
            response_format: {
              type: "json_schema",
              json_schema: { name: "entente_draft", strict: true, schema },
            },
          },
          { signal: options.signal },
        );
        const choice = completion.choices?.[0];
        content = choice?.message?.content ?? choice?.message?.refusal ?? "";
        cutOff = choice?.finish_reason === "length";
      } catch (e) {
        throw providerFailure(e, where, config);
      }
      const parsed = parseDraftResponse(content);
      if (parsed.ok) {
        responses.push(parsed.response);
        break;
      }
      const problem = `${cutOff ? "cut off at the model's output limit, " : ""}${parsed.problem}`;
      if (attempt >= config.retries) {
        throw new DraftError(
          `${where}: the model's answer was malformed ${attempt + 1} time${attempt === 0 ? "" : "s"}; last: ${problem}`,
        );
      }
      options.onProgress?.({
        done: k,
        total,
        note: `malformed answer, asking again (${problem.slice(0, 80)})`,
      });
      await sleep(Math.min(BACKOFF_MS * 2 ** attempt, 8000), options.signal);
    }
  }
  options.onProgress?.({ done: total, total, note: "grounding quotes" });
  const now = options.now ?? new Date();
  const scenario = assembleDraft(articles, responses, {
    id: request.id,
    title: request.title,
    asOf: request.asOf,
    today: now.toISOString().slice(0, 10),
    model: config.model,
    provider: publicBaseUrl(config.baseUrl),
    createdAt: now.toISOString(),
  });
  if (scenario.stances.length === 0) {
    throw new DraftError(
      `no drafted stance survived the grounding check (${scenario.draft?.dropped.length ?? 0} numbers dropped); the model's quotes were not found in the articles`,
    );
  }
  const checked = validateScenario(scenario);
  if (!checked.ok) {
    const first = checked.issues[0];
    throw new DraftError(
      `the draft does not validate (a bug in entente draft): ${first?.path.join(".")}: ${first?.message}`,
    );
  }
  return scenario;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DraftError("cancelled"));
    const abort = () => {
      clearTimeout(t);
      reject(new DraftError("cancelled"));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", abort, { once: true });
  });
}

import { readFileSync } from "node:fs";
import { draftItems, groundingText, quoteIsGrounded, type Scenario } from "@entente/core";
import { afterEach, describe, expect, it } from "vitest";
import {
  type ChatServer,
  type ChatStep,
  startChatServer,
} from "../../../../../test/support/chat-server.ts";
import { articleText } from "../../draft/article-text.ts";
import { HOW_TO_CONFIGURE, type ProviderConfig } from "../../draft/provider-config.ts";
import { openSqliteStore } from "../../store/sqlite-store.ts";
import type { Store } from "../../store/store.ts";
import { type ApiAnswer, callApi } from "../call-api.ts";
import { createApp, type EntenteApp } from "../create-app.ts";

// Two invented articles and the answers a model could give to them, in this order (one quote of
// the second is not in its article): test/fixtures/draft/.
const fixtures = new URL("../../../../../test/fixtures/draft/", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, fixtures), "utf8");
const talks = { name: "harbour-talks.md", text: read("articles/harbour-talks.md") };
const budget = { name: "harbour-budget.html", text: read("articles/harbour-budget.html") };
const answer = (name: string): ChatStep => ({
  content: JSON.parse(read(`responses/${name}.json`)),
});
const GOOD = [answer("harbour-talks"), answer("harbour-budget")];

let store: Store | undefined;
let app: EntenteApp | undefined;
let chat: ChatServer | undefined;

afterEach(async () => {
  await app?.close();
  await store?.close();
  await chat?.close();
  app = store = chat = undefined;
});

/** An app over an empty store, drafting with a scripted chat server when given `steps`. */
async function start(steps?: ChatStep[]): Promise<EntenteApp> {
  store = await openSqliteStore(":memory:");
  let draftProvider: ProviderConfig | undefined;
  if (steps !== undefined) {
    chat = await startChatServer(steps);
    draftProvider = {
      baseUrl: chat.baseUrl,
      model: "scripted",
      apiKey: undefined,
      apiKeyEnv: "ENTENTE_LLM_API_KEY",
      timeoutSeconds: 30,
      retries: 1,
    };
  }
  app = createApp({ store, webDir: false, ...(draftProvider ? { draftProvider } : {}) });
  return app;
}

const call = (method: string, path: string, body?: unknown) =>
  callApi(app as EntenteApp, method, path, body);

/** GET the draft every few ms until it has finished. */
async function finished(id: string): Promise<ApiAnswer> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const got = await call("GET", `/api/drafts/${id}`);
    if (got.status !== 200 || got.body.status !== "running") return got;
    if (Date.now() > deadline) throw new Error(`draft ${id} still running: ${got.text}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("without a provider", () => {
  it("says drafting is not configured, and refuses a draft with 503 and how to configure one", async () => {
    await start();
    const provider = await call("GET", "/api/draft-provider");
    expect(provider.status).toBe(200);
    expect(provider.body).toEqual({ configured: false, help: HOW_TO_CONFIGURE });
    const refused = await call("POST", "/api/drafts", { articles: [talks] });
    expect(refused.status).toBe(503);
    expect(refused.body.errors).toEqual([{ path: "(provider)", message: HOW_TO_CONFIGURE }]);
  });
});

describe("drafting from the harbour articles", () => {
  it("answers 202 with the job, then the scenario: grounded quotes, the dropped number, two structured requests", async () => {
    await start(GOOD);
    const provider = await call("GET", "/api/draft-provider");
    expect(provider.body).toEqual({
      configured: true,
      model: "scripted",
      baseUrl: chat?.baseUrl,
    });
    expect(provider.text).not.toContain("apiKey");

    const started = await call("POST", "/api/drafts", {
      articles: [talks, budget],
      title: "Velmora harbour",
      id: "velmora",
      asOf: "2026-03-01",
    });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: "running",
      done: 0,
      total: 2,
      note: expect.any(String),
    });
    expect(started.headers.get("location")).toBe(`/api/drafts/${started.body.id}`);

    const done = await finished(started.body.id);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      id: started.body.id,
      status: "done",
      done: 2,
      total: 2,
      note: expect.stringContaining("4 actors, 1 issue, 4 stances"),
    });
    expect(done.body.error).toBeUndefined();
    const scenario = done.body.scenario as Scenario;
    expect(scenario).toMatchObject({ id: "velmora", title: "Velmora harbour", asOf: "2026-03-01" });
    expect([scenario.actors.length, scenario.issues.length, scenario.stances.length]).toEqual([
      4, 1, 4,
    ]);
    expect(scenario.draft).toMatchObject({ model: "scripted", provider: chat?.baseUrl });
    expect(scenario.draft?.dropped).toEqual([
      expect.objectContaining({
        source: "harbour-budget",
        item: "position of union on automation",
        quote: "the union will never accept any pause short of 2030",
      }),
    ]);

    const articles = new Map([
      ["harbour-talks", groundingText(articleText(talks.text, "markdown").text)],
      ["harbour-budget", groundingText(articleText(budget.text, "html").text)],
    ]);
    expect(scenario.sources.map((s) => [s.id, s.locator])).toEqual([
      ["harbour-talks", "harbour-talks.md"],
      ["harbour-budget", "harbour-budget.html"],
    ]);
    const kept = draftItems(scenario).map((item) => item.estimate);
    expect(kept).toHaveLength(15);
    for (const e of kept) {
      const article = articles.get(e.source);
      expect([e.source, e.quote, article && quoteIsGrounded(e.quote ?? "", article)]).toEqual([
        e.source,
        e.quote,
        true,
      ]);
    }

    const requests = chat?.requests ?? [];
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect((request.response_format as { type: string }).type).toBe("json_schema");
    }
    // Asking again changes nothing: the finished draft is kept.
    expect((await call("GET", `/api/drafts/${started.body.id}`)).body).toEqual(done.body);
  });

  it("waits out a rate limit (429 with retry-after-ms) and still ends done", async () => {
    await start([{ status: 429, headers: { "retry-after-ms": "5" } }, ...GOOD]);
    const started = await call("POST", "/api/drafts", { articles: [talks, budget] });
    expect(started.status).toBe(202);
    const done = await finished(started.body.id);
    expect(done.body.status).toBe("done");
    expect(done.body.scenario).toMatchObject({ id: "draft", title: "Draft from 2 articles" });
    expect(chat?.requests).toHaveLength(3);
  });

  it("ends failed, saying so, when every answer is malformed JSON", async () => {
    const malformed = { content: '{"source": {"title": "Harbour' };
    await start([malformed, malformed, malformed, malformed]);
    const started = await call("POST", "/api/drafts", { articles: [talks] });
    expect(started.status).toBe(202);
    const failed = await finished(started.body.id);
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ status: "failed", total: 1 });
    expect(failed.body.error).toMatch(/malformed/);
    expect(failed.body.scenario).toBeUndefined();
    expect(chat?.requests).toHaveLength(2); // the first try and one retry (retries: 1)
  });

  it("refuses a fifth draft at once with 503 busy, and close() cancels the running ones", async () => {
    const slow = { delayMs: 20_000, content: "{}" };
    await start([slow, slow, slow, slow]);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const started = await call("POST", "/api/drafts", { articles: [talks] });
      expect(started.status).toBe(202);
      ids.push(started.body.id);
    }
    const busy = await call("POST", "/api/drafts", { articles: [talks] });
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("10");
    expect(busy.body.errors[0].message).toMatch(/^busy: 4 drafts are running/);
    expect(new Set(ids).size).toBe(4);

    await app?.close();
    for (const id of ids) {
      const job = await call("GET", `/api/drafts/${id}`);
      expect(job.body).toMatchObject({
        status: "failed",
        error: expect.stringMatching(/cancelled/),
      });
    }
  });
});

describe("bad requests", () => {
  it("refuses a bad body with 400 naming the field, and sends nothing", async () => {
    await start(GOOD);
    const refused = async (body: unknown) => {
      const answer = await call("POST", "/api/drafts", body);
      expect(answer.status).toBe(400);
      return answer.body.errors;
    };
    expect(await refused({})).toEqual([
      { path: "articles", message: "expected a list of articles ({ name, text }), got nothing" },
    ]);
    expect(await refused({ articles: [] })).toEqual([
      { path: "articles", message: "expected at least one article, got none" },
    ]);
    expect(await refused({ articles: Array.from({ length: 21 }, () => talks) })).toEqual([
      { path: "articles", message: "expected at most 20 articles, got 21" },
    ]);
    expect(await refused({ articles: [talks, { name: "empty.txt", text: "" }] })).toEqual([
      { path: "articles.1.text", message: "expected the article's text, got an empty text" },
    ]);
    expect(await refused({ articles: [talks], model: "gpt" })).toEqual([
      { path: "model", message: 'unknown field "model"; allowed: articles, title, id, asOf' },
    ]);
    expect(await refused({ articles: [{ ...talks, url: "x" }] })).toEqual([
      { path: "articles.0.url", message: 'unknown field "url"; allowed: name, text' },
    ]);
    expect(await refused({ articles: [talks], id: "9 lives", asOf: "2026-02-30" })).toEqual([
      {
        path: "id",
        message: `expected an id: a letter, then up to 63 letters, digits, '_', '-' or '.', got "9 lives"`,
      },
      { path: "asOf", message: 'expected a date written YYYY-MM-DD, got "2026-02-30"' },
    ]);
    expect(await refused({ articles: [{ name: "big.txt", text: "é".repeat(500_001) }] })).toEqual([
      {
        path: "articles.0.text",
        message: "expected an article of at most 1000000 bytes, got 1000002",
      },
    ]);
    // Text that is all markup has nothing to read once the markup is gone.
    expect(
      await refused({
        articles: [talks, { name: "empty.html", text: "<script>var x = 1;</script><p> </p>" }],
      }),
    ).toEqual([
      { path: "articles.1.text", message: 'no readable text in "empty.html" (read as html)' },
    ]);
    expect(chat?.requests).toEqual([]);
  });

  it("answers 404 for a draft it does not have", async () => {
    await start();
    const missing = await call("GET", "/api/drafts/no-such-draft");
    expect(missing.status).toBe(404);
    expect(missing.body.errors).toEqual([
      { path: "(draft)", message: expect.stringContaining('no draft "no-such-draft"') },
    ]);
  });

  it("needs the token to start a draft when the server has one", async () => {
    store = await openSqliteStore(":memory:");
    app = createApp({ store, webDir: false, token: "a-long-token" });
    const refused = await call("POST", "/api/drafts", { articles: [talks] });
    expect(refused.status).toBe(401);
    expect((await call("GET", "/api/draft-provider")).status).toBe(200);
  });
});

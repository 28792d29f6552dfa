import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { groundingText, quoteIsGrounded, type Scenario, type SourceEstimate } from "@entente/core";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type ChatServer,
  type ChatStep,
  chatScript,
  startChatServer,
} from "../../../../test/support/chat-server.ts";
import { entente, spawnEntente } from "../../../../test/support/cli.ts";
import { articleText } from "../draft/article-text.ts";

// Two invented articles and the scripted answers a model could give to them (one of whose quotes
// is not in its article): test/fixtures/draft/.
const fixtures = new URL("../../../../test/fixtures/draft/", import.meta.url).pathname;
const talks = join(fixtures, "articles/harbour-talks.md");
const budget = join(fixtures, "articles/harbour-budget.html");
const GOOD = chatScript("harbour");

const dir = mkdtempSync(join(tmpdir(), "entente-draft-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let chat: ChatServer | undefined;
afterEach(async () => {
  await chat?.close();
  chat = undefined;
});
let n = 0;
async function draft(steps: ChatStep[], ...extra: string[]) {
  chat = await startChatServer(steps);
  const out = join(dir, `draft-${++n}.yaml`);
  const r = await entente(
    "draft",
    talks,
    budget,
    "-o",
    out,
    "--base-url",
    chat.baseUrl,
    "--model",
    "scripted",
    ...extra,
  );
  return { ...r, out, chat };
}

describe("entente draft", () => {
  it("drafts a scenario that validates, every kept quote found in its article", async () => {
    process.env.ENTENTE_TEST_KEY = "sk-test-secret";
    const r = await draft(GOOD, "--api-key-env", "ENTENTE_TEST_KEY", "--as-of", "2026-03-01");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /drafted 4 actors, 1 issues, 4 stances from 2 articles with scripted; 15 numbers kept with their quotes, 1 dropped/,
    );
    const text = readFileSync(r.out, "utf8");
    expect(text).toMatch(
      /^# yaml-language-server: \$schema=.*\n# Machine draft by `entente draft` with scripted: NOT REVIEWED\./,
    );
    expect(text).not.toContain("sk-test-secret");
    expect(r.chat.authorizations).toEqual(["Bearer sk-test-secret", "Bearer sk-test-secret"]);
    expect((await entente("validate", r.out)).code).toBe(0);

    const scenario = parse(text) as Scenario;
    const articles = new Map([
      ["harbour-talks", articleText(readFileSync(talks, "utf8"), "markdown").text],
      ["harbour-budget", articleText(readFileSync(budget, "utf8"), "html").text],
    ]);
    const list = (e: unknown) => e as SourceEstimate[];
    const kept = [
      ...scenario.actors.flatMap((a) => list(a.capability)),
      ...scenario.stances.flatMap((s) => [...list(s.position), ...list(s.salience)]),
      ...(scenario.shocks ?? []).flatMap((s) => list(s.probability)),
    ];
    expect(kept).toHaveLength(15);
    for (const e of kept) {
      expect(quoteIsGrounded(e.quote ?? "", groundingText(articles.get(e.source) ?? ""))).toBe(
        true,
      );
    }
    expect(scenario.draft?.dropped).toEqual([
      {
        source: "harbour-budget",
        item: "position of union on automation",
        value: 100,
        quote: "the union will never accept any pause short of 2030",
        reason: "quote not found in the source (after white-space and quote-mark normalisation)",
      },
    ]);
    // Disagreeing sources keep their own estimates.
    expect(scenario.actors.find((a) => a.id === "city")?.capability).toMatchObject([
      { value: 70, source: "harbour-talks" },
      { value: 50, source: "harbour-budget" },
    ]);
    expect(scenario.asOf).toBe("2026-03-01");

    const request = r.chat.requests[1] as {
      model: string;
      response_format: { type: string; json_schema: { strict: boolean } };
      messages: { content: string }[];
    };
    expect(request.model).toBe("scripted");
    expect(request.response_format.type).toBe("json_schema");
    expect(request.response_format.json_schema.strict).toBe(true);
    // The second article is asked with the frame of ids the first established.
    expect(request.messages[1]?.content).toContain('"id": "port-authority"');
    expect(request.messages[1]?.content).toContain("a start, not a deal"); // HTML entities decoded
    expect(request.messages[1]?.content).not.toContain("Say nothing"); // scripts left out
  });

  it("without a provider exits 2, says how to configure one, and sends nothing", async () => {
    const saved = { ...process.env };
    delete process.env.ENTENTE_LLM_BASE_URL;
    delete process.env.ENTENTE_LLM_MODEL;
    try {
      const out = join(dir, "none.yaml");
      const r = await entente("draft", talks, "-o", out);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        "no language-model provider is configured, so nothing was sent anywhere",
      );
      expect(r.stderr).toContain("ENTENTE_LLM_BASE_URL");
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
      const flagOnly = await entente(
        "draft",
        talks,
        "-o",
        out,
        "--base-url",
        "http://127.0.0.1:9/v1",
      );
      expect(flagOnly.code).toBe(2);
      const badUrl = await entente(
        "draft",
        talks,
        "-o",
        out,
        "--base-url",
        "localhost:11434",
        "--model",
        "m",
      );
      expect(badUrl.stderr).toContain(
        'expected --base-url to be an http(s) URL such as http://localhost:11434/v1, got "localhost:11434"',
      );
    } finally {
      process.env = saved;
    }
  });

  it("retries a 429 after the provider's retry-after and a malformed answer with backoff", async () => {
    const r = await draft(chatScript("flaky"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.chat.requests).toHaveLength(5);
    expect(r.chat.remaining()).toBe(0);
  });

  it("ends a run of timeouts in a clear error and writes nothing, even after a good answer", async () => {
    const started = Date.now();
    const r = await draft(chatScript("slow"), "--timeout", "0.3", "--retries", "1");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `entente: article 2 of 2 (harbour-budget.html): the provider at ${r.chat.baseUrl} did not answer within 0.3 s (2 attempts); try a longer --timeout or a faster model; nothing was written\n`,
    );
    expect(existsSync(r.out)).toBe(false);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("gives up on answers that stay malformed, and on a refused key with exit 2", async () => {
    const bad = await draft(chatScript("malformed"), "--retries", "1");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^entente: article 1 of 2 \(harbour-talks\.md\): the model's answer was malformed 2 times; last: not the requested shape: source: /,
    );
    expect(existsSync(bad.out)).toBe(false);
    await chat?.close();
    const refused = await draft(chatScript("refused-key"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "the provider answered 401: no key is set in ENTENTE_LLM_API_KEY",
    );
    await chat?.close();
    const limited = await draft(chatScript("rate-limited"), "--retries", "1");
    expect(limited.stderr).toContain(
      "the provider refused with 429 Too Many Requests on all 2 attempts",
    );
  });

  it("refuses to replace an existing file without --force and sends nothing", async () => {
    const out = join(dir, "kept.yaml");
    writeFileSync(out, "my notes");
    chat = await startChatServer(GOOD);
    const r = await entente(
      "draft",
      talks,
      budget,
      "-o",
      out,
      "--base-url",
      chat.baseUrl,
      "--model",
      "m",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("already exists; use --force to replace it");
    expect(readFileSync(out, "utf8")).toBe("my notes");
    expect(chat.requests).toHaveLength(0);
    const missing = await entente(
      "draft",
      join(dir, "nope.txt"),
      "-o",
      join(dir, "x.yaml"),
      "--base-url",
      chat.baseUrl,
      "--model",
      "m",
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.txt:1:1 (file): no such file");
  });

  it("shows progress per article as its own process", async () => {
    chat = await startChatServer(GOOD);
    const child = spawnEntente(["draft", talks, budget, "-o", join(dir, "progress.yaml")], {
      env: {
        ...process.env,
        ENTENTE_PROGRESS: "plain",
        ENTENTE_LLM_BASE_URL: chat.baseUrl,
        ENTENTE_LLM_MODEL: "scripted",
      },
    });
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(stderr).toContain("entente: draft: 0 of 2 articles (asking about harbour-talks.md)");
    expect(stderr).toContain("entente: draft: 2 of 2 articles (grounding quotes)");
  });
});

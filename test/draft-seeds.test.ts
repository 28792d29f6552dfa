// Acceptance for `entente draft` on the five seed articles of the built-in scenario, copied
// byte for byte from the team's ../shared/seeds into test/fixtures/draft/seeds/articles/, and
// answered by the scripted model answers in test/fixtures/draft/seeds/ (hand-written). The
// README there gives the articles' provenance and sha256, and the answers' deliberate faults.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { groundingText, quoteIsGrounded, type Scenario, type SourceEstimate } from "@entente/core";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { startChatServer } from "./support/chat-server.ts";
import { entente, REPO_ROOT } from "./support/cli.ts";

const SEEDS = join(REPO_ROOT, "test/fixtures/draft/seeds/articles");
const NOT_FOUND = "quote not found in the source (after white-space and quote-mark normalisation)";

const dir = mkdtempSync(join(tmpdir(), "entente-draft-seeds-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("entente draft on the five seed articles", () => {
  it("validates, keeps only quotes found in their sources, and lists the dropped numbers with reasons", async () => {
    const texts = new Map(
      readdirSync(SEEDS)
        .sort()
        .map((name) => [
          `source-${name.replace(/\.txt$/, "")}`,
          readFileSync(join(SEEDS, name), "utf8"),
        ]),
    );
    expect(texts.size).toBe(5);
    const answers = ["000", "001", "002", "003", "004"].map((k) => ({
      content: JSON.parse(
        readFileSync(join(REPO_ROOT, `test/fixtures/draft/seeds/${k}.json`), "utf8"),
      ),
    }));
    const chat = await startChatServer(answers);
    const out = join(dir, "budapest-draft.yaml");
    try {
      const r = await entente(
        "draft",
        SEEDS,
        "-o",
        out,
        "--base-url",
        chat.baseUrl,
        "--model",
        "scripted",
      );
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(chat.requests).toHaveLength(5);
    } finally {
      await chat.close();
    }
    const validated = await entente("validate", out);
    expect(validated.stderr).toBe("");
    expect(validated.stdout).toBe(`${out}: ok (8 actors, 8 issues, 34 stances)\n`);

    const scenario = parse(readFileSync(out, "utf8")) as Scenario;
    expect(scenario.sources.map((s) => s.id)).toEqual([...texts.keys()]);
    const kept: SourceEstimate[] = [
      ...scenario.actors.flatMap((a) => a.capability as SourceEstimate[]),
      ...scenario.issues.flatMap((i) => (i.statusQuo ?? []) as SourceEstimate[]),
      ...scenario.stances.flatMap((s) => [s.position, s.salience] as SourceEstimate[][]).flat(),
      ...(scenario.shocks ?? []).flatMap((s) => s.probability as SourceEstimate[]),
    ];
    expect(kept.length).toBeGreaterThan(100);
    const missing = kept.filter(
      (e) => !quoteIsGrounded(e.quote ?? "", groundingText(texts.get(e.source) ?? "")),
    );
    expect(missing).toEqual([]);
    expect(kept.every((e) => (e.quote ?? "").length <= 200)).toBe(true);

    expect(scenario.draft?.dropped.map((d) => [d.source, d.item, d.reason])).toEqual([
      ["source-001_ca44b55acec6b2df", "position of usa on territory", NOT_FOUND],
      ["source-002_ce73dfbfefde9489", "salience of russia on energy", NOT_FOUND],
      [
        "source-003_1803129768fa26cc",
        "salience of ukraine on territory",
        "value 140 outside the allowed range, 0 to 100",
      ],
      [
        "source-004_986d94a6304fe5f0",
        "position of iran on new-start",
        "unknown actor iran: no article defines it",
      ],
      [
        "source-004_986d94a6304fe5f0",
        "salience of iran on new-start",
        "unknown actor iran: no article defines it",
      ],
    ]);
    // Where the articles disagree, each keeps its own estimate (not an average).
    const usa = scenario.stances.find((s) => s.actor === "usa" && s.issue === "territory");
    expect(
      ((usa?.position ?? []) as SourceEstimate[]).map((e) => [e.source.slice(7, 10), e.value]),
    ).toEqual([
      ["000", 62],
      ["002", 60],
      ["004", 20],
    ]);
    // The draft forecasts like any scenario.
    const forecast = await entente("forecast", out, "--format", "json");
    expect(forecast.code).toBe(0);
  });
});

// Acceptance for `entente draft` on the five seed articles of the built-in scenario
// (../shared/seeds, beside the repository as in CI), answered by the scripted model answers in
// test/fixtures/draft/seeds/ (hand-written; provenance and deliberate faults in its README).
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { groundingText, quoteIsGrounded, type Scenario, type SourceEstimate } from "@entente/core";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { startChatServer } from "./support/chat-server.ts";
import { entente, REPO_ROOT } from "./support/cli.ts";

const SEEDS = join(REPO_ROOT, "../shared/seeds");
/** The seed articles the answers were written for (sha256 of each file). */
const ARTICLES: Record<string, string> = {
  "000_8e747aaa07c9f6c4.txt": "357f26fdb4a425c269553f0c4a9e9ef802e5e30fdd6b01b508ec3415b2ce7a26",
  "001_ca44b55acec6b2df.txt": "16eac90980fd73f8d34a2bb368934edb10815a36e96a7e4f1b871765cb95baea",
  "002_ce73dfbfefde9489.txt": "a274ce6cbfefc87ec112914d8022ae565edd3eab7fe33432ed7b0226ce6b5400",
  "003_1803129768fa26cc.txt": "f578e4abb9b96032f05986b6c96d918af9ad687af6543931133d7b50e02b5358",
  "004_986d94a6304fe5f0.txt": "042ecabab313c19590f36ee571f034f8b0b9931ceacf8ef4e474b22ffecfa4cf",
};
const NOT_FOUND = "quote not found in the source (after white-space and quote-mark normalisation)";

const dir = mkdtempSync(join(tmpdir(), "entente-draft-seeds-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("entente draft on the five seed articles", () => {
  it("validates, keeps only quotes found in their sources, and lists the dropped numbers with reasons", async () => {
    const names = readdirSync(SEEDS).sort();
    expect(names).toEqual(Object.keys(ARTICLES));
    const texts = new Map<string, string>();
    for (const name of names) {
      const bytes = readFileSync(join(SEEDS, name));
      expect(createHash("sha256").update(bytes).digest("hex"), name).toBe(ARTICLES[name]);
      texts.set(`source-${name.replace(/\.txt$/, "")}`, bytes.toString("utf8"));
    }
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

// Drafting a scenario from articles in the workbench, end to end: the built UI served by the real
// `entente serve`, whose language model is a scripted chat-completions server in this process
// (test/support/chat-server.ts), driven in Debian's chromium at 1280×800. The analyst uploads two
// articles, drafts, reviews each number beside its quote, edits one, accepts the rest, saves, and
// the new scenario forecasts. Screenshots go to test-results/e2e/draft-*.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatServer, startChatServer } from "../support/chat-server.ts";
import { type ServeProcess, startServe } from "../support/serve-process.ts";
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, shots } from "./workbench-session.ts";

const fixture = (path: string) =>
  fileURLToPath(new URL(`../fixtures/draft/${path}`, import.meta.url));
const TALKS = "Harbour talks open in Velmora";

describe.skipIf(!hasChromium)("drafting a scenario from articles in the workbench", () => {
  let chat: ChatServer | undefined;
  let server: ServeProcess | undefined;
  let browser: Browser | undefined;
  let dataDir = "";
  let base = "";
  let page: Page;
  const pageErrors: string[] = [];
  const offsite: string[] = [];

  beforeAll(async () => {
    chat = await startChatServer([
      { content: readFileSync(fixture("responses/harbour-talks.json"), "utf8") },
      // The second answer takes a moment, so that the progress can be seen.
      { content: readFileSync(fixture("responses/harbour-budget.json"), "utf8"), delayMs: 1500 },
    ]);
    mkdirSync(shots, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), "entente-e2e-draft-"));
    server = await startServe(["--data-dir", dataDir], {
      ENTENTE_LLM_BASE_URL: chat.baseUrl,
      ENTENTE_LLM_MODEL: "scripted",
    });
    base = server.url;
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("request", (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith("data:")) offsite.push(r.url());
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (server && server.child.exitCode === null) {
      server.child.kill("SIGTERM");
      await server.exited;
    }
    await chat?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  const shot = (name: string) =>
    page.screenshot({ path: join(shots, `draft-${name}.png`), fullPage: true });
  /** Whether the page is wider than the window (a layout that breaks at 1280 px). */
  const overflows = async () =>
    ((await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")) as number) >
    0;

  it("drafts two uploaded articles with the scripted model, grounding every quote", async () => {
    await page.goto(base);
    await page.getByRole("button", { name: "Draft from articles", exact: true }).click();
    await page.getByRole("heading", { name: "Draft from articles", level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId("draft-provider").textContent()).toContain("scripted");

    await page
      .getByLabel("Article files")
      .setInputFiles([
        fixture("articles/harbour-talks.md"),
        fixture("articles/harbour-budget.html"),
      ]);
    const list = page.getByRole("list", { name: "Articles to draft from" });
    await expect
      .poll(() => list.getByRole("listitem").allTextContents())
      .toEqual([
        expect.stringMatching(/^harbour-talks\.md /),
        expect.stringMatching(/^harbour-budget\.html /),
      ]);
    expect(await overflows()).toBe(false);
    await shot("1-articles");

    await page.getByRole("button", { name: "Draft", exact: true }).click();
    await expect
      .poll(() => page.getByTestId("draft-progress").textContent())
      .toBe("article 2 of 2 · asking about harbour-budget.html");
    await page.getByRole("heading", { name: "2. Review" }).waitFor({ timeout: 30_000 });
    expect(chat?.requests.length).toBe(2);

    // A drafted number beside the quote the server found in its article.
    const value = page.getByLabel(`position of port-authority on automation from ${TALKS}`, {
      exact: true,
    });
    expect(await value.inputValue()).toBe("40");
    const row = page.getByRole("row").filter({ has: value });
    expect(await row.locator("blockquote").textContent()).toBe(
      "it will accept no more than a two-year pause",
    );
    // The union's position from the budget article quoted words that are not in it.
    const dropped = page.getByRole("region", { name: /^Not in the draft/ });
    const refused = dropped.getByRole("row").filter({ hasText: "position of union on automation" });
    expect(await refused.count()).toBe(1);
    expect(await refused.textContent()).toContain("quote not found");
    expect(await refused.textContent()).toContain("Velmora budget row spills into harbour talks");
    expect(await overflows()).toBe(false);
    await shot("2-review");
  });

  it("saves the reviewed draft, with one value edited, as a scenario that forecasts", async () => {
    const value = page.getByLabel(`position of port-authority on automation from ${TALKS}`, {
      exact: true,
    });
    await value.fill("35");
    const save = page.getByRole("button", { name: "Save as new scenario" });
    expect(await save.isDisabled()).toBe(true);
    await page.getByRole("button", { name: /^Accept all \d+ undecided$/ }).click();
    await expect
      .poll(() => page.getByTestId("review-count").textContent())
      .toMatch(/^(\d+) of \1 numbers decided: \1 accepted, 0 rejected\.$/);
    await page.getByLabel("Scenario id", { exact: true }).fill("harbour");
    await page.getByLabel("Scenario title", { exact: true }).fill("Harbour talks in Velmora");
    const accept = page.getByRole("button", {
      name: `Accept position of port-authority on automation from ${TALKS}`,
    });
    expect(await accept.getAttribute("aria-pressed")).toBe("true");
    await shot("3-accepted");
    await save.click();

    await page.waitForURL(/#\/scenarios\/harbour\/issues$/);
    const table = page.getByTestId("forecast-table");
    const cell = table
      .getByRole("row")
      .filter({ hasText: "Pause on new cranes" })
      .locator("td[data-model]")
      .first();
    await expect.poll(() => cell.textContent(), { timeout: 30_000 }).toMatch(/^\d+\.\d$/);
    // The browser's forecast of the saved revision is the server's.
    await expect
      .poll(() => table.locator("caption").textContent(), { timeout: 30_000 })
      .toContain("matching the server's forecast");
    expect(await overflows()).toBe(false);
    await shot("4-forecast");

    // Stored as reviewed: the edited value, the quotes kept as evidence, no draft block.
    const stored = (await (await fetch(`${base}/api/scenarios/harbour`)).json()) as {
      scenario: {
        title: string;
        draft?: unknown;
        stances: { actor: string; position: { value: number; quote?: string }[] }[];
      };
    };
    expect(stored.scenario.title).toBe("Harbour talks in Velmora");
    expect(stored.scenario.draft).toBeUndefined();
    const authority = stored.scenario.stances.find((s) => s.actor === "port-authority");
    expect(authority?.position).toEqual([
      expect.objectContaining({ value: 35, quote: "it will accept no more than a two-year pause" }),
    ]);

    expect(chat?.requests.length).toBe(2);
    expect(pageErrors).toEqual([]);
    expect(offsite).toEqual([]);
  }, 60_000);
});

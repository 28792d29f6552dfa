// The workbench's forecast ledger end to end: the built UI served by the real `entente serve`
// process, driven in Debian's chromium through playwright-core. Records the built-in Budapest
// scenario's forecasts, resolves two yes/no questions from the page and checks the scores and
// the reliability diagram. Screenshots go to test-results/e2e/ (gitignored).
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, openWorkbench, type WorkbenchSession } from "./workbench-session.ts";

if (!hasChromium) {
  console.warn(
    `skipping the ledger end-to-end tests: /usr/bin/chromium is missing (install it with apt-get install -y chromium)`,
  );
}

const COOPERATION = "Do the talks open concrete US–Russia cooperation beyond the war?";
const SUMMIT = "Does the Budapest summit end in an agreement?";
const STRAIN =
  "Does the outcome cut across what European capitals want, straining US–EU relations?";

describe.skipIf(!hasChromium)("the ledger page against the real server", () => {
  let session: WorkbenchSession | undefined;
  let base = "";
  let page: Page;
  let offsite: string[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openWorkbench();
    ({ base, page, offsite, pageErrors } = session);
  }, 90_000);

  afterAll(async () => {
    await session?.close();
  }, 30_000);

  const shot = (name: string) => session?.shot(name);
  const diagram = () => page.getByTestId("reliability-diagram");
  const diagramSvg = () => diagram().locator('svg[aria-label^="Reliability diagram"]');
  const scoreCell = (forecaster: string | RegExp, col: string) =>
    page
      .getByTestId("ledger-scores")
      .locator("tbody tr", {
        has: page.getByRole("rowheader", {
          name: forecaster,
          exact: typeof forecaster === "string",
        }),
      })
      .locator(`td[data-col="${col}"]`);

  /** Resolve a yes/no question from its card, and wait until the card shows the resolution. */
  async function resolve(text: string, outcome: "Yes" | "No", source: string): Promise<Locator> {
    const card = page.getByRole("article", { name: text });
    await card.getByText("Resolve this question").click();
    const form = card.getByRole("form", { name: `Resolve “${text}”` });
    await form.getByLabel(outcome, { exact: true }).check();
    await form.getByLabel("Source").fill(source);
    await form.getByRole("button", { name: "Resolve", exact: true }).click();
    const resolution = card.getByTestId("resolution");
    await resolution.waitFor();
    return resolution;
  }

  it("opens the empty ledger from the header, after storing the built-in Budapest scenario", async () => {
    await page.goto(base);
    await page.getByRole("button", { name: "New from the built-in Budapest scenario" }).click();
    await page.waitForURL(/#\/scenarios\/budapest-2025\//);
    await page
      .getByRole("navigation", { name: "Pages" })
      .getByRole("link", { name: "Ledger" })
      .click();
    await page.getByRole("heading", { name: "Forecast ledger", level: 1 }).waitFor();
    await page
      .getByTestId("chain-status")
      .filter({ hasText: "Chain intact: the ledger is empty." })
      .waitFor();
    await page.getByTestId("reliability-empty").waitFor();
    expect(await page.getByTestId("reliability-empty").textContent()).toMatch(
      /^No resolved questions yet/,
    );
    expect(await diagramSvg().count()).toBe(0);
  });

  it("records the scenario's forecasts: every question with each model's and source's figure", async () => {
    await page.getByLabel("Scenario", { exact: true }).selectOption("budapest-2025");
    await page.getByLabel("Samples").fill("500");
    await page.getByRole("button", { name: "Record forecasts" }).click();
    const status = page.getByTestId("record-status").getByText(/^Recorded \d+ forecasts/);
    await status.waitFor({ timeout: 60_000 });
    const recorded = Number(/^Recorded (\d+)/.exec((await status.textContent()) ?? "")?.[1]);
    // 12 questions × 3 models, the sources' 9 figures, 8 issues × 3 models.
    expect(recorded).toBe(12 * 3 + 9 + 8 * 3);
    await page
      .getByTestId("chain-status")
      .filter({ hasText: `Chain intact: ${recorded} entries, head ` })
      .waitFor();

    expect(await page.getByTestId("ledger-question").count()).toBe(12 + 8);
    const summit = page.getByRole("article", { name: SUMMIT });
    const rows = summit.locator("tbody tr");
    expect(
      await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-forecaster"))),
    ).toEqual(["compromise", "weighted-median", "eum", "seed-001", "seed-000"]);
    for (const cell of await summit.getByTestId("latest").allTextContents()) {
      expect(cell).toMatch(/^(\d+(\.\d)? %|< 0\.1 %|> 99\.9 %)$/);
    }
    // Nothing is resolved, so there is nothing to score and no diagram.
    await page.getByTestId("no-scores").waitFor();
    expect(await diagramSvg().count()).toBe(0);
    await shot("ledger-1-recorded");
  }, 90_000);

  it("resolves two questions from the page; the scores and the reliability diagram follow", async () => {
    const first = await resolve(SUMMIT, "No", "e2e: the summit did not take place");
    expect(await first.textContent()).toMatch(
      /^Resolved: no on \d{4}-\d{2}-\d{2} \(e2e: the summit did not take place\)$/,
    );
    await page.locator('[data-testid="reliability-diagram"][data-resolved="1"]').waitFor();
    await diagramSvg().waitFor();
    await expect.poll(() => scoreCell("compromise", "n").textContent()).toBe("1");
    const before = await diagramSvg().evaluate((svg) => svg.outerHTML);
    expect(await diagramSvg().locator('g[aria-label="dot"] path').count()).toBeGreaterThan(0);

    await resolve(STRAIN, "Yes", "e2e: Brussels objected");
    await page.locator('[data-testid="reliability-diagram"][data-resolved="2"]').waitFor();
    await expect.poll(() => scoreCell("compromise", "n").textContent()).toBe("2");
    expect(await scoreCell("eum", "n").textContent()).toBe("2");
    expect(Number(await scoreCell("compromise", "brier").textContent())).toBeGreaterThanOrEqual(0);
    await expect.poll(() => diagramSvg().evaluate((svg) => svg.outerHTML)).not.toBe(before);
    expect(
      await page.getByRole("article", { name: STRAIN }).getByText("Resolve this question").count(),
    ).toBe(0);
    await shot("ledger-2-resolved");

    // By model (and calibration): only the models, each still scored on both questions.
    await page.getByLabel("Model and calibration").check();
    await page.getByTestId("ledger-scores").getByText("Model · calibration").waitFor();
    await expect.poll(() => scoreCell(/^compromise · /, "n").textContent()).toBe("2");
    expect(
      await page
        .getByTestId("ledger-scores")
        .locator("td", { hasText: /^source$/ })
        .count(),
    ).toBe(0);
  }, 60_000);

  it("records again with another seed; each question shows its forecasts' history", async () => {
    await page.getByLabel("Seed").fill("7");
    await page.getByRole("button", { name: "Record forecasts" }).click();
    // The sources' figures stand unchanged, so only the models' forecasts are new.
    const status = page.getByTestId("record-status").getByText(/^Recorded 60 forecasts/);
    await status.waitFor({ timeout: 60_000 });
    await page
      .getByTestId("chain-status")
      .filter({ hasText: `Chain intact: ${71 + 60} entries, head ` })
      .waitFor();
    const card = page.getByRole("article", { name: COOPERATION });
    const history = card.locator('tr[data-forecaster="compromise"] td.history');
    await expect.poll(() => history.textContent()).toMatch(/^\d+ % → \d+ %$/);
    expect(await card.locator('tr[data-forecaster="seed-003"] td.history').textContent()).toMatch(
      /^\d+ %$/,
    );
    const chart = card.locator(`svg[aria-label="Forecast history of “${COOPERATION}”"]`);
    await chart.waitFor();
    // One line per forecaster: three models through two forecasts each, and the source's one.
    expect(await chart.locator('g[aria-label="dot"] circle').count()).toBe(3 * 2 + 1);
    await shot("ledger-3-history");
  }, 90_000);

  it("made no requests beyond its own server and raised no page errors", () => {
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

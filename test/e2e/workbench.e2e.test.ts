// The web workbench end to end: the built UI served by the real `entente serve` process, driven
// in Debian's chromium through playwright-core. Screenshots go to test-results/e2e/ (gitignored);
// UPDATE_DOCS_SCREENSHOT=1 also refreshes docs/workbench.png.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  centreOf,
  hasChromium,
  openWorkbench,
  type WorkbenchSession,
} from "./workbench-session.ts";

if (!hasChromium) {
  console.warn(
    `skipping the workbench end-to-end tests: /usr/bin/chromium is missing (install it with apt-get install -y chromium)`,
  );
}

const TERRITORY = "Territorial settlement and line of contact";
const RUSSIA = "Russian Federation (Putin)";

describe.skipIf(!hasChromium)("the workbench against the real server", () => {
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
  const forecast = async (model: string) =>
    Number(await page.getByTestId(`forecast-${model}`).textContent());

  it("opens the built-in Budapest scenario with its forecast table and issue plot", async () => {
    await page.goto(base);
    await page.getByRole("button", { name: "New from the built-in Budapest scenario" }).click();
    const table = page.getByTestId("forecast-table");
    await table.waitFor();
    // The browser's forecast (worker) and the server's (POST /forecast) are the same numbers.
    await expect
      .poll(() => table.locator("caption").textContent())
      .toContain("matching the server's forecast");
    expect(await table.locator("tbody tr").count()).toBe(8);
    expect(
      await table.locator('td[data-issue="security"][data-model="compromise"]').textContent(),
    ).toBe("53.0");

    const plot = page.getByTestId("issue-plot");
    await plot.locator("circle[data-actor]").first().waitFor();
    expect(await plot.locator("g.actors circle").count()).toBe(6);
    // The scale's end labels under the axis (Plot wraps them into one tspan per line).
    const words = (selector: string) =>
      plot
        .locator(selector)
        .evaluate(
          (g) =>
            [...g.querySelectorAll("tspan")].map((t) => t.textContent).join(" ") || g.textContent,
        );
    expect(await words("g.end-label-min")).toBe(
      "0: Russia withdraws to Ukraine's internationally recognised borders, Crimea included",
    );
    expect(await words("g.end-label-max")).toMatch(/^100: Ukraine hands over the parts of Donbas/);
    expect(await page.getByTestId("forecast-status-quo").textContent()).toBe("48.0");
    // The plain line an analyst can quote, and each phase's chance of agreement.
    await expect
      .poll(() => page.getByTestId("headline").textContent())
      .toMatch(
        /^Territorial settlement and line of contact: Most likely: .+ \(\d+ %; 80 %: \d+–\d+\); no agreement, status quo holds: \d+ %/,
      );
    expect(await page.getByTestId("agreement").textContent()).toMatch(
      /Leaders' summit in Budapest, hosted by Hungary \d+ %/,
    );
    await shot("1-issues");
    // "Download report": the saved revision's brief from the server (fewer samples here).
    const href = await page.getByTestId("download-report").getAttribute("href");
    expect(href).toMatch(/^\/api\/scenarios\/[^/]+\/report\.html\?revision=1$/);
    const report = await page.request.get(`${base}${href}&samples=500`);
    expect(report.status()).toBe(200);
    expect(await report.text()).toContain("<h1>Trump–Putin summit in Budapest (October 2025)</h1>");
    if (process.env.UPDATE_DOCS_SCREENSHOT === "1") {
      await page.screenshot({
        path: new URL("../../docs/workbench.png", import.meta.url).pathname,
        fullPage: true,
      });
    }
  });

  it("drags Russia's dot and redraws every fast model's forecast within 100 ms, without the server", async () => {
    const before = await forecast("compromise");
    const apiCalls: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().includes("/api/")) apiCalls.push(r.url());
    };
    page.on("request", onRequest);
    const dot = page.locator('circle[data-actor="russia"]');
    const { x, y } = await centreOf(dot);
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 24; i++) {
      await page.mouse.move(x - i * 12, y);
      await page.waitForTimeout(16);
    }
    await expect.poll(() => forecast("compromise")).not.toBe(before);
    const status = page.getByTestId("drag-status");
    await expect.poll(() => status.getAttribute("data-last-ms")).not.toBeNull();
    page.off("request", onRequest);
    expect(apiCalls).toEqual([]); // the preview never asked the server
    const ms = async (what: string) => Number(await status.getAttribute(`data-${what}-ms`));
    const [last, median, worst] = [await ms("last"), await ms("median"), await ms("worst")];
    console.log(`drag → redraw: ${await status.textContent()}`);
    expect(last).toBeGreaterThan(0);
    // The median and the last frame carry the target; a single frame can be slowed by other
    // work on a shared CI machine, so the worst is reported (above) but not asserted.
    expect(median).toBeLessThanOrEqual(100);
    expect(last).toBeLessThanOrEqual(100);
    expect(worst).toBeGreaterThanOrEqual(median);
    await shot("2-dragging");
    await page.mouse.up();
    const after = await forecast("compromise");
    expect(after).toBeLessThan(before); // Russia moved towards 0, so the compromise follows
    // A drag explores: it is not an edit of the draft until the analyst keeps it.
    const whatIf = page.getByTestId("what-if");
    await whatIf.waitFor();
    expect(await whatIf.textContent()).toContain("not part of the draft");
    expect(await page.locator(".badge", { hasText: "unsaved changes" }).count()).toBe(0);

    // The keyboard does the same through the sliders.
    await page.getByText("Move actors with the keyboard").click();
    const hungary = page.getByLabel("Hungary (Orbán government)", { exact: true });
    await hungary.focus();
    const compromise0 = await forecast("compromise");
    for (let i = 0; i < 20; i++) await hungary.press("ArrowRight");
    await expect.poll(() => forecast("compromise")).toBeGreaterThan(compromise0);
    expect(Number(await hungary.inputValue())).toBe(60);
    await expect.poll(() => status.getAttribute("data-last-ms")).not.toBeNull();
    expect(await ms("median")).toBeLessThanOrEqual(100);
    // Reset drops the what-if; the moves are made again and kept as edits this time.
    await whatIf.getByRole("button", { name: "Reset the what-if" }).click();
    await expect.poll(() => forecast("compromise")).toBe(before);
    for (let i = 0; i < 20; i++) await hungary.press("ArrowRight");
    await expect.poll(() => forecast("compromise")).toBeGreaterThan(compromise0);
    // The chart redraws as the forecast arrives: centreOf waits for the dot to settle.
    const at = await centreOf(dot);
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    for (let i = 1; i <= 24; i++) await page.mouse.move(at.x - i * 12, at.y);
    await page.mouse.up();
    await whatIf.getByRole("button", { name: "Keep as edits" }).click();
    await page.locator(".badge", { hasText: "unsaved changes" }).waitFor();
    expect(await page.getByTestId("what-if").count()).toBe(0);
  });

  it("saves the draft as revision 2, reloads it, and opens revision 1 from the history", async () => {
    await page.getByRole("tab", { name: "Editor" }).click();
    const position = page.getByLabel(`${RUSSIA} position on ${TERRITORY}`);
    const moved = await position.inputValue();
    expect(Number(moved)).toBeLessThan(90);

    await page.getByRole("button", { name: "Save as new revision" }).click();
    await page.getByTestId("save-status").filter({ hasText: "Saved as revision 2." }).waitFor();
    await page.reload();
    await page.getByTestId("revision").filter({ hasText: "revision 2" }).waitFor();
    expect(await page.getByLabel(`${RUSSIA} position on ${TERRITORY}`).inputValue()).toBe(moved);
    await shot("3-saved-reloaded");

    await page.getByRole("button", { name: "Open revision 1" }).click();
    await page.getByTestId("revision").filter({ hasText: "revision 1 of 2" }).waitFor();
    await expect
      .poll(() => page.getByLabel(`${RUSSIA} position on ${TERRITORY}`).inputValue())
      .toBe("90"); // as shipped: value 90, range 80–100
    await page.getByRole("button", { name: "Open revision 2" }).click();
    await page
      .getByTestId("revision")
      .filter({ hasText: /^revision 2$/ })
      .waitFor();
  });

  it("shows a 409 clearly when someone else saved in between", async () => {
    // Someone else saves revision 3 through the API while this page still has revision 2.
    const current = (await (await fetch(`${base}/api/scenarios/budapest-2025`)).json()) as {
      scenario: { title: string };
    };
    const put = await fetch(`${base}/api/scenarios/budapest-2025`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        scenario: { ...current.scenario, title: `${current.scenario.title} (colleague)` },
        baseRevision: 2,
      }),
    });
    expect(put.status).toBe(200);

    await page.getByLabel(`${RUSSIA} salience on ${TERRITORY}`).fill("90");
    await page.getByRole("button", { name: "Save as new revision" }).click();
    const conflict = page.getByTestId("conflict");
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain("revision 3 was saved while you edited");
    await shot("4-conflict");
    await conflict.getByRole("button", { name: "Open revision 3 (discard my draft)" }).click();
    await page
      .getByTestId("revision")
      .filter({ hasText: /^revision 3$/ })
      .waitFor();
    expect(await page.locator("#scenario-title").textContent()).toContain("(colleague)");
  });

  it("flags a salience of 130 beside the cell and in the list, and blocks saving", async () => {
    const salience = page.getByLabel(`${RUSSIA} salience on ${TERRITORY}`);
    await salience.fill("130");
    expect(await salience.getAttribute("aria-invalid")).toBe("true");
    const inline = page.locator(`#${await salience.getAttribute("aria-describedby")}`);
    expect(await inline.textContent()).toMatch(/stances\.\d+\.salience.*130/);
    // The salience has a range (85–100), so the list also says the range no longer holds it.
    const list = page.getByRole("region", { name: "2 problems in the draft" });
    const items = await list.getByRole("listitem").allTextContents();
    expect(items).toEqual([
      expect.stringMatching(
        /^stances\.\d+\.salience\.value: expected a salience from 0 to 100, got 130$/,
      ),
      expect.stringMatching(
        /^stances\.\d+\.salience\.high: expected high ≥ value \(130\), got 100$/,
      ),
    ]);
    expect(await page.getByRole("button", { name: "Save as new revision" }).isDisabled()).toBe(
      true,
    );
    await shot("5-invalid-salience");
    await salience.fill("95");
    await page.getByTestId("validation-ok").waitFor();
  });

  it("shows positions over rounds, a simulation's distributions, and the deal space", async () => {
    const failed: string[] = [];
    const onResponse = (r: { status(): number; url(): string }) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    };
    page.on("response", onResponse);
    await page.getByRole("tab", { name: "Dynamics" }).click();
    await page.getByTestId("dynamics-eum").locator("svg").first().waitFor();
    await page.getByTestId("dynamics-smp").locator("svg").first().waitFor();
    // The exchange model draws its round and lists the exchanges that moved the issue shown.
    const exchange = page.getByTestId("dynamics-exchange");
    await exchange.locator("svg").first().waitFor();
    const trades = exchange.getByTestId("exchange-trades");
    expect(await trades.locator("li").count()).toBeGreaterThan(0);
    expect(await trades.locator("li").first().textContent()).toMatch(
      / yields on .+ for .+ yielding on /,
    );
    // The axis is explained in words, and no request fails on a visit.
    expect(await page.getByTestId("dynamics-eum").textContent()).toContain(
      "Up the chart: each actor's position on the issue's scale",
    );
    page.off("response", onResponse);
    expect(failed).toEqual([]);
    await shot("6-dynamics");

    await page.getByRole("tab", { name: "Uncertainty" }).click();
    await page.getByLabel("Samples").fill("300");
    await page.getByRole("button", { name: "Start simulation" }).click();
    await page.getByTestId("distribution-plot").locator("svg").first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("sim-status").textContent()).toContain("Done: 300 samples");
    expect(await page.getByTestId("sim-headline").textContent()).toMatch(/^Most likely: /);
    expect(await page.getByTestId("phases").locator("tr").count()).toBe(4);
    const questions = page.getByTestId("questions");
    expect(await questions.locator("tbody tr").count()).toBe(12);
    expect(await questions.textContent()).toContain("seed-003: 40 %");
    expect(await page.getByTestId("bands").locator("tbody tr").count()).toBe(5);
    // Every issue at a glance; thresholds by their mark text; the tornado in names, not ids.
    expect(await page.getByTestId("all-issues").locator("tbody tr").count()).toBe(8);
    expect(
      await page.getByTestId("thresholds").locator("tbody th").first().textContent(),
    ).not.toMatch(/^\d/);
    const tornado = page.locator('[data-testid^="tornado-"]').first();
    await tornado.locator("svg").waitFor();
    expect(await tornado.locator("svg").textContent()).toContain(RUSSIA.slice(0, 20));
    await shot("7-uncertainty");
    // A finished run stays: after a reload it is reopened from the server.
    await page.reload();
    await page.getByTestId("distribution-plot").locator("svg").first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("sim-status").textContent()).toContain("Done: 300 samples");
    expect(await page.getByTestId("past-runs").textContent()).toContain("Past simulations");

    await page.getByRole("tab", { name: "Deals" }).click();
    const deals = page.getByTestId("deals-result");
    await deals.waitFor({ timeout: 30_000 });
    await page.getByTestId("deal-chart").locator("svg").waitFor();
    const packages = page.getByTestId("deal-packages");
    expect(await packages.locator("thead th").allTextContents()).toEqual([
      "Issue",
      "Nash",
      "Kalai–Smorodinsky",
      "Max welfare",
    ]);
    expect(await packages.locator("tbody tr").count()).toBe(8 + 2); // issues, then utilities
    // The exchange model's own account of what the two trade.
    expect(await deals.getByTestId("exchange-trades").locator("li").count()).toBeGreaterThan(0);
    // The frontier is drawn; with the ratifiers, the win-set and its most robust package too.
    const chart = page.getByTestId("deal-chart");
    expect(await chart.locator("svg path").count()).toBeGreaterThan(2);
    await page.getByLabel("Win-set under the ratifiers").check();
    await page.getByRole("button", { name: "Search the deal space" }).click();
    await page.getByTestId("robust-package").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("robust-package").locator("li").count()).toBe(8);
    expect(await chart.locator("svg").textContent()).toContain("most robust (win-set)");
    await shot("8-deals");
  }, 60_000);

  it("made no requests beyond its own server and raised no page errors", () => {
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

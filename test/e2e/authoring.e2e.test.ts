// Writing a negotiation from nothing in the workbench, end to end: the built UI served by the real
// `entente serve`, driven in Debian's chromium. A new user builds a 3-actor, 2-issue scenario,
// cites a source, saves, reloads, forecasts, changes one number, saves again and reads the diff;
// then imports KTAB's dummyData_3Dim CSV by file upload and forecasts it; and every page fits a
// 390 px wide phone without horizontal scrolling. Screenshots go to test-results/e2e/authoring-*.
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, openWorkbench, type WorkbenchSession } from "./workbench-session.ts";

const dummyCsv = fileURLToPath(new URL("../fixtures/import/dummyData_3Dim.csv", import.meta.url));

describe.skipIf(!hasChromium)("writing a scenario from scratch in the workbench", () => {
  let session: WorkbenchSession | undefined;
  let base = "";
  let page: Page;
  let pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  /** What the next prompt() is answered with (its default when unset). */
  let promptAnswer: string | undefined;

  beforeAll(async () => {
    session = await openWorkbench();
    ({ base, page, pageErrors } = session);
    // Confirmations (leaving with unsaved edits, deleting) are answered yes.
    page.on("dialog", (d) => {
      const answer = d.type() === "prompt" ? (promptAnswer ?? d.defaultValue()) : undefined;
      promptAnswer = undefined;
      void d.accept(answer);
    });
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
  }, 90_000);

  afterAll(async () => {
    await session?.close();
  }, 30_000);

  const shot = (name: string) => session?.shot(`authoring-${name}`);
  const record = (n: number) => page.locator("fieldset.record").nth(n);
  const part = (name: string) => page.getByRole("button", { name: new RegExp(`^${name}`) }).click();

  it("builds a 3-actor, 2-issue scenario from nothing, cites a source and creates it", async () => {
    await page.goto(base);
    await page.getByRole("button", { name: "New scenario", exact: true }).click();
    await page.getByRole("heading", { name: "New scenario" }).waitFor();
    expect(await page.getByRole("button", { name: "Create scenario" }).isDisabled()).toBe(true);

    await page.getByLabel(/^Id \(a letter/).fill("trade-talks");
    await page.getByLabel("Title", { exact: true }).fill("Trade talks");

    await part("Sources");
    await page.getByRole("button", { name: "Add source" }).click();
    await record(0).getByLabel("Title", { exact: true }).fill("Analyst notes");
    await record(0).getByLabel("File, URL or DOI").fill("notes.txt");

    await part("Actors");
    for (const [i, name, cap] of [
      [0, "Alpha", "40"],
      [1, "Beta", "30"],
      [2, "Gamma", "20"],
    ] as const) {
      await page.getByRole("button", { name: "Add actor" }).click();
      await record(i).getByLabel("Name", { exact: true }).fill(name);
      await record(i).getByLabel("Capability", { exact: true }).fill(cap);
    }
    // Renaming an id: typed, then applied where it is used when the field is left.
    const id0 = record(0).getByLabel("Id", { exact: true });
    await id0.fill("alpha");
    await id0.press("Enter");
    expect(await id0.inputValue()).toBe("alpha");

    await part("Issues");
    for (const [i, title] of [
      [0, "Tariff"],
      [1, "Quota"],
    ] as const) {
      await page.getByRole("button", { name: "Add issue" }).click();
      await record(i).getByLabel("Title", { exact: true }).fill(title);
    }

    await part("Positions");
    const stances: Array<[string, string, string, string]> = [
      ["Alpha", "Tariff", "20", "80"],
      ["Beta", "Tariff", "30", "50"],
      ["Gamma", "Tariff", "90", "60"],
      ["Alpha", "Quota", "70", "40"],
      ["Beta", "Quota", "10", "70"],
      ["Gamma", "Quota", "50", "30"],
    ];
    for (const [actor, issue, pos, sal] of stances) {
      await page.getByRole("button", { name: `Add a stance for ${actor} on ${issue}` }).click();
      await page.getByLabel(`${actor} position on ${issue}`).fill(pos);
      await page.getByLabel(`${actor} salience on ${issue}`).fill(sal);
    }
    // Cite the source on Alpha's tariff position, with a range.
    await page
      .getByRole("button", { name: "Details of Alpha on Tariff: range and sources" })
      .click();
    const detail = page.locator(".stance-detail");
    await detail.getByLabel("Position (0–100): form").selectOption("sourced");
    await detail.getByLabel("Position (0–100): lowest plausible").fill("10");
    await detail.getByLabel("Position (0–100): highest plausible").fill("35");
    await detail.getByRole("checkbox", { name: "Analyst notes" }).first().check();
    await shot("1-new");

    const create = page.getByRole("button", { name: "Create scenario" });
    await expect.poll(() => create.isEnabled()).toBe(true);
    await create.click();
    await page
      .getByTestId("revision")
      .filter({ hasText: /^revision 1$/ })
      .waitFor();
    expect(await page.locator("#scenario-title").textContent()).toBe("Trade talks");
  });

  it("reloads the saved scenario as written, with the cited source", async () => {
    await page.reload();
    await page
      .getByTestId("revision")
      .filter({ hasText: /^revision 1$/ })
      .waitFor();
    const saved = (await (await fetch(`${base}/api/scenarios/trade-talks`)).json()) as {
      format: string;
      text: string;
      scenario: { actors: Array<{ id: string }>; stances: Array<Record<string, unknown>> };
    };
    expect(saved.format).toBe("yaml");
    expect(saved.scenario.actors.map((a) => a.id)).toEqual(["alpha", "actor-2", "actor-3"]);
    expect(saved.scenario.stances[0]).toMatchObject({
      actor: "alpha",
      issue: "issue",
      position: { value: 20, low: 10, high: 35, sources: ["source"] },
    });
    expect(await page.getByLabel("Alpha position on Tariff").inputValue()).toBe("20");
  });

  it("forecasts it with every model", async () => {
    await page.getByRole("tab", { name: "Forecast & issues" }).click();
    const table = page.getByTestId("forecast-table");
    await table.waitFor();
    await expect
      .poll(() => table.locator("caption").textContent())
      .toContain("matching the server's forecast");
    expect(await table.locator("tbody tr").count()).toBe(2);
    const cell = await table.locator('td[data-model="compromise"]').first().textContent();
    expect(Number(cell)).toBeGreaterThan(0);
    expect(Number(cell)).toBeLessThan(100);
    const smp = await table.locator('td[data-model="smp"]').first().textContent();
    expect(Number.isFinite(Number(smp))).toBe(true);
    await shot("2-forecast");
  });

  it("changes one number, saves revision 2 with a message, and shows the diff", async () => {
    await page.getByRole("tab", { name: "Editor" }).click();
    await page.getByLabel("Beta position on Tariff").fill("45");
    await page.getByLabel("What changed (saved with the revision)").fill("Beta softens on tariffs");
    await page.getByRole("button", { name: "Save as new revision" }).click();
    await page.getByTestId("save-status").filter({ hasText: "Saved as revision 2." }).waitFor();
    const diff = page.getByTestId("diff");
    await diff.waitFor();
    expect(await diff.locator("caption").textContent()).toBe("1 change from #1 to #2");
    const row = diff.locator("tbody tr");
    expect(await row.locator("th").textContent()).toBe("Beta on Tariff · position");
    expect(await row.locator("td").allTextContents()).toEqual(["30", "45"]);
    const history = page.locator(".revisions");
    expect(await history.textContent()).toContain("Beta softens on tariffs");
    // The YAML written at creation was edited in place: only that number's line changed.
    const texts = await Promise.all(
      [1, 2].map(async (r) => {
        const res = await fetch(`${base}/api/scenarios/trade-talks?revision=${r}`);
        return ((await res.json()) as { text: string }).text.split("\n");
      }),
    );
    const changed = (texts[1] ?? []).filter((line, i) => line !== texts[0]?.[i]);
    expect(changed).toEqual(["    position: 45"]);
    await shot("3-diff");
  });

  it("undoes and redoes an edit in the session", async () => {
    const gamma = page.getByLabel("Gamma salience on Quota");
    await gamma.fill("55");
    await page.locator(".badge", { hasText: "unsaved changes" }).waitFor();
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await expect.poll(() => gamma.inputValue()).toBe("30");
    expect(await page.locator(".badge", { hasText: "unsaved changes" }).count()).toBe(0);
    await page.getByRole("button", { name: "Redo", exact: true }).click();
    await expect.poll(() => gamma.inputValue()).toBe("55");
    await page.getByRole("button", { name: "Undo", exact: true }).click();
  });

  it("adds a question with a nested condition and a source's probability", async () => {
    await part("Questions");
    await page.getByRole("button", { name: "Add question" }).click();
    const q = record(0);
    await q
      .getByLabel("The question, as asked")
      .fill("Do tariffs end below 40 or quotas above 60?");
    await q.getByLabel("The answer is yes when: form").selectOption("any");
    await q.getByLabel("condition 1: at least").fill("");
    await q.getByLabel("condition 1: at most").fill("40");
    await q.getByRole("button", { name: "+ add a condition" }).click();
    await q.getByLabel("condition 2: issue").selectOption({ label: "Quota" });
    await q.getByLabel("condition 2: at least").fill("60");
    await q.getByRole("button", { name: "+ Add source's probability" }).click();
    await q.getByLabel("Probability (0–1)").fill("0.3");
    expect(await page.getByText("✓ The draft is valid.").count()).toBe(1);
    await page.getByRole("button", { name: "Save as new revision" }).click();
    await page.getByTestId("save-status").filter({ hasText: "Saved as revision 3." }).waitFor();
    const saved = (await (await fetch(`${base}/api/scenarios/trade-talks`)).json()) as {
      scenario: { questions: unknown[] };
    };
    expect(saved.scenario.questions).toEqual([
      {
        id: "question",
        title: "Do tariffs end below 40 or quotas above 60?",
        when: {
          any: [
            { issue: "issue", atMost: 40 },
            { issue: "issue-2", atLeast: 60 },
          ],
        },
        estimates: [{ probability: 0.3, source: "source" }],
      },
    ]);
    await shot("4-question");
  });

  it("imports KTAB's dummyData_3Dim CSV by file upload and forecasts it", async () => {
    await page.goto(base);
    await page.getByTestId("import-zone").waitFor();
    await page.getByLabel("File to import").setInputFiles(dummyCsv);
    const table = page.getByTestId("forecast-table");
    await table.waitFor();
    await expect.poll(() => table.locator("tbody tr").count()).toBe(3);
    await expect
      .poll(() => table.locator("caption").textContent())
      .toContain("matching the server's forecast");
    const values = await table.locator('td[data-model="compromise"]').allTextContents();
    expect(values.every((v) => Number.isFinite(Number(v)))).toBe(true);
    await shot("4-imported");
    // A file that is no scenario: its problem with line and column, nothing created.
    await page.goto(base);
    await page.getByLabel("File to import").setInputFiles({
      name: "notes.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("a,b\n1,2\n"),
    });
    const error = page.getByTestId("import-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/notes\.csv:1:1.*cannot tell the format/);
  });

  it("copies, renames, deletes and restores scenarios from the list", async () => {
    await page.goto(base);
    const row = (title: string) => page.locator("tr", { hasText: title });
    await row("Trade talks").first().waitFor();
    await page.getByRole("button", { name: "Copy Trade talks" }).click();
    await page
      .getByTestId("revision")
      .filter({ hasText: /^revision 1$/ })
      .waitFor();
    expect(page.url()).toContain("#/scenarios/trade-talks-copy/");
    const copied = (await (await fetch(`${base}/api/scenarios/trade-talks-copy`)).json()) as {
      message: string;
    };
    expect(copied.message).toBe("Copied from trade-talks revision 3");

    await page.goto(base);
    promptAnswer = "Trade talks (copy)";
    await row("trade-talks-copy").getByRole("button", { name: "Rename Trade talks" }).click();
    await page.getByText("Renamed “Trade talks” to “Trade talks (copy)”").waitFor();
    const renamed = (await (await fetch(`${base}/api/scenarios/trade-talks-copy`)).json()) as {
      revision: number;
      message: string;
    };
    expect(renamed).toMatchObject({ revision: 2, message: "Renamed from “Trade talks”" });

    await page.getByRole("button", { name: "Delete Trade talks (copy)" }).click();
    await page.getByText("Deleted scenarios (1)").click();
    await expect.poll(() => row("Trade talks (copy)").count()).toBe(1); // only in the deleted list
    await page.getByRole("button", { name: "Restore" }).click();
    await page.getByText("Restored “Trade talks (copy)”.").waitFor();
    await expect.poll(() => page.getByText("Deleted scenarios").count()).toBe(0);
    await shot("5-list");
  });

  it("fits every page into 390 px without horizontal scrolling", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = () =>
      page.evaluate("document.documentElement.scrollWidth - window.innerWidth") as Promise<number>;
    const pages: Array<[string, string]> = [
      ["list", "#/"],
      ["new", "#/new"],
      ["ledger", "#/ledger"],
    ];
    for (const tab of ["issues", "editor", "dynamics", "uncertainty", "deals"]) {
      pages.push([`scenario-${tab}`, `#/scenarios/trade-talks/${tab}`]);
    }
    for (const [name, hash] of pages) {
      await page.goto(`${base}/${hash}`);
      await page.locator("main").waitFor();
      await page.waitForTimeout(400);
      const over = await overflow();
      if (over > 0) await shot(`390-${name}`);
      // On failure, name the outermost elements that stick out.
      const culprits =
        over > 0
          ? await page.evaluate(`[...document.querySelectorAll("body *")]
              .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5 &&
                (el.parentElement?.getBoundingClientRect().right ?? 0) <= innerWidth + 0.5)
              .map((el) => el.tagName + "." + el.className + " " + (el.textContent ?? "").slice(0, 40))`)
          : [];
      expect({ page: name, overflow: over, culprits }).toEqual({
        page: name,
        overflow: 0,
        culprits: [],
      });
    }
    await shot("6-390-editor");
  });

  it("raised no page errors", () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors.filter((m) => !m.includes("409") && !m.includes("400"))).toEqual([]);
  });
});

// End-to-end: the report of the built-in Budapest scenario (10,000 samples, as `entente report`
// writes it by default) opened in Debian's chromium through playwright-core, and printed to PDF
// and read back with pdftotext. The first screen, the phone view and the PDF go to
// test-results/e2e/ (gitignored), kept as artefacts.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DEU3_CALIBRATION } from "@entente/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readScenario } from "../../packages/entente/src/io/read-scenario.ts";
import { closeSimulationPools } from "../../packages/entente/src/pool/run-simulation.ts";
import { type Brief, plainText } from "../../packages/entente/src/report/brief.ts";
import { briefHtml } from "../../packages/entente/src/report/brief-html.ts";
import { htmlToPdf } from "../../packages/entente/src/report/brief-pdf.ts";
import { buildBrief } from "../../packages/entente/src/report/build-brief.ts";
import { reportData } from "../../packages/entente/src/report/report-data.ts";
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, shots } from "./workbench-session.ts";

const hasPdftotext = spawnSync("pdftotext", ["-v"]).error === undefined;
if (!hasChromium || !hasPdftotext) {
  console.warn(
    "skipping the report end-to-end tests: they need /usr/bin/chromium and pdftotext (apt-get install -y chromium poppler-utils)",
  );
}

const budapest = new URL("../../scenarios/budapest-2025.yaml", import.meta.url).pathname;

describe.skipIf(!hasChromium || !hasPdftotext)(
  "the Budapest report in a browser and as a PDF",
  () => {
    let brief: Brief;
    let file = "";
    let pdfFile = "";
    let browser: Browser | undefined;

    beforeAll(async () => {
      mkdirSync(shots, { recursive: true });
      const { scenario } = await readScenario(budapest);
      const data = await reportData(scenario, {
        samples: 10_000,
        seed: 42,
        models: ["compromise", "weighted-median", "eum"],
        calibration: DEU3_CALIBRATION,
        workers: 2,
      });
      await closeSimulationPools();
      brief = buildBrief(data, "0.1.0");
      const html = briefHtml(brief);
      file = join(shots, "report.html");
      writeFileSync(file, html);
      pdfFile = join(shots, "report.pdf");
      writeFileSync(pdfFile, await htmlToPdf(html));
      const { chromium } = await import("playwright-core");
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
    });

    const open = async (width: number) => {
      if (!browser) throw new Error("no browser");
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      return { page, problems, requests };
    };

    it("opens with no console error, fetches nothing, and every chart has marks", async () => {
      const { page, problems, requests } = await open(1280);
      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(file).href]);
      const charts = await page.locator("figure.chart").evaluateAll((figures) =>
        figures.map((f) => ({
          id: f.id,
          svgs: f.querySelectorAll("svg").length,
          // Plot labels each mark's group; count the shapes drawn in them.
          shapes: f.querySelectorAll("svg g[aria-label] :is(circle, rect, path, line, text)")
            .length,
        })),
      );
      // 8 issues × (actors chart + distributions), the deal frontier, and a tornado per issue.
      expect(charts.length).toBeGreaterThanOrEqual(8 * 2 + 1);
      for (const c of charts) {
        expect(c.svgs, c.id).toBeGreaterThan(0);
        expect(c.shapes, c.id).toBeGreaterThan(0);
      }
      await page.screenshot({ path: join(shots, "report-first-screen.png") });
      await page.close();
    });

    it("fits a 390 px phone screen: nothing overflows horizontally", async () => {
      const { page, problems } = await open(390);
      const widths = await page.locator("html").evaluate((root) => {
        const viewport = (root.ownerDocument.defaultView as { innerWidth: number }).innerWidth;
        // Elements whose right edge passes the viewport (a scrolling table box may hold wider content).
        const over = [
          ...root.querySelectorAll("main > *, section, p, figure, h1, h2, h3, nav, ul, ol"),
        ]
          .filter((e) => e.getBoundingClientRect().right > viewport + 0.5)
          .map((e) => `${e.tagName}#${e.id}`);
        return { page: root.scrollWidth as number, viewport, over };
      });
      expect(problems).toEqual([]);
      expect(widths.over).toEqual([]);
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      await page.screenshot({ path: join(shots, "report-phone.png") });
      await page.close();
    });

    it("prints to a PDF with every section and every issue's headline in its text", () => {
      const text = spawnSync("pdftotext", ["-enc", "UTF-8", pdfFile, "-"], { encoding: "utf8" });
      expect(text.status).toBe(0);
      const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();
      const pdf = flat(text.stdout);
      for (const s of brief.sections) expect(pdf, s.title).toContain(flat(s.title));
      expect(pdf).toContain("Sources");
      const headlines = brief.sections
        .flatMap((s) => s.sections ?? [])
        .flatMap((s) => s.blocks)
        .filter((b) => b.kind === "p" && b.role === "headline")
        .map((b) => (b.kind === "p" ? flat(plainText(b.text, brief.sources)) : ""));
      expect(headlines).toHaveLength(8);
      for (const h of headlines) expect(pdf).toContain(h);
      // A4 pages with page numbers "n / N" in the footer.
      const info = spawnSync("pdfinfo", [pdfFile], { encoding: "utf8" }).stdout;
      expect(info).toMatch(
        /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)|Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/,
      );
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThan(5);
      for (const n of [1, 2, pages]) {
        expect(pdf).toMatch(new RegExp(`(^| )${n} / ${pages}( |$)`));
      }
    });
  },
);

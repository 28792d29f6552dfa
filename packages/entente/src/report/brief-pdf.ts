/**
 * A report's HTML printed to PDF by headless Chromium (playwright-core driving the system's
 * Chromium, e.g. Debian's `chromium`; nothing is downloaded): A4, page numbers in the footer,
 * charts kept whole by the page's print CSS, text extractable.
 * @module
 */
import { statSync } from "node:fs";

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() === true;

/** Where Chromium is looked for when ENTENTE_CHROMIUM is not set. */
const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

/** Chromium is needed and not found; the message says how to install it. */
export class ChromiumMissingError extends Error {}

/** The Chromium executable: $ENTENTE_CHROMIUM, else the first of the usual system paths. */
export function findChromium(): string {
  const chosen = process.env.ENTENTE_CHROMIUM;
  if (chosen) {
    if (isFile(chosen)) return chosen;
    throw new ChromiumMissingError(
      `a PDF needs Chromium, and ENTENTE_CHROMIUM=${chosen} is not a file; point it at a Chromium or Chrome executable, or write HTML (-o brief.html) or Markdown (-o brief.md), which need no browser`,
    );
  }
  const found = CANDIDATES.find(isFile);
  if (found) return found;
  throw new ChromiumMissingError(
    `a PDF needs Chromium, which is not installed (looked for ${CANDIDATES.join(", ")}); install it (Debian/Ubuntu: apt-get install chromium) or set ENTENTE_CHROMIUM to its path, or write HTML (-o brief.html) or Markdown (-o brief.md), which need no browser`,
  );
}

const FOOTER = `<div style="font: 8px system-ui, sans-serif; color: #4a5260; width: 100%; padding: 0 12mm; display: flex; justify-content: space-between;"><span class="title"></span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;

/** Print a self-contained HTML page to an A4 PDF with page numbers. */
export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const executablePath = findChromium();
  const { chromium } = await import("playwright-core");
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({
      executablePath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
  } catch (e) {
    const first = String((e as Error).message).split("\n")[0];
    throw new ChromiumMissingError(
      `a PDF needs Chromium, and ${executablePath} did not start (${first}); set ENTENTE_CHROMIUM to a working Chromium, or write HTML (-o brief.html) or Markdown (-o brief.md), which need no browser`,
    );
  }
  try {
    const page = await browser.newPage();
    // The page has no external resources; block any request so that printing never waits on one.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: FOOTER,
      margin: { top: "14mm", bottom: "16mm", left: "12mm", right: "12mm" },
      preferCSSPageSize: false,
    });
  } finally {
    await browser.close();
  }
}

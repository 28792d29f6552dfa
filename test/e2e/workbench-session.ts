// Test support for the end-to-end tests: the built web UI served by the real `entente serve`
// process on a throwaway data directory, and Debian's chromium driven through playwright-core.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { type ServeProcess, startServe } from "../support/serve-process.ts";

/** Debian's chromium and the flags the tests run it with. */
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const root = new URL("../../", import.meta.url).pathname;
/** Where screenshots go (gitignored). */
export const shots = join(root, "test-results", "e2e");

/** Whether Debian's chromium is installed; the end-to-end tests are skipped without it. */
export const hasChromium = existsSync(CHROMIUM);

/** A running server and browser page, and what the page did that a test should check. */
export interface WorkbenchSession {
  base: string;
  page: Page;
  /** Requests the page made to anywhere but the server. */
  offsite: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
  /** A full-page screenshot to `test-results/e2e/<name>.png`. */
  shot: (name: string) => Promise<unknown>;
  /** Close the browser, stop the server, remove the data directory. */
  close: () => Promise<void>;
}

/**
 * Start `entente serve --port 0` on a fresh data directory (with `preload` modules imported
 * first, see `startServe`), serving the web UI that test/support/build-web.ts built once for
 * the run, and open chromium.
 */
export async function openWorkbench(preload: readonly string[] = []): Promise<WorkbenchSession> {
  mkdirSync(shots, { recursive: true });

  const dataDir = mkdtempSync(join(tmpdir(), "entente-e2e-"));
  let server: ServeProcess | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    if (server && server.child.exitCode === null) {
      server.child.kill("SIGTERM");
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startServe(["--data-dir", dataDir], undefined, preload);
    const base = server.url;
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(15_000);
    const offsite: string[] = [];
    const pageErrors: string[] = [];
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(base) && !url.startsWith("data:") && !url.startsWith("blob:")) {
        offsite.push(url);
      }
    });
    page.on("pageerror", (e) => pageErrors.push(e.message));
    const shot = (name: string) =>
      page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    return { base, page, offsite, pageErrors, shot, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * The centre of `target` on screen, to press the mouse on: scrolled into view first, and read
 * once its box has stopped moving (a chart redraws as forecasts arrive). Lines added above a
 * chart move it; this makes no assumption about the layout.
 */
export async function centreOf(target: Locator): Promise<{ x: number; y: number }> {
  let last = "";
  for (let attempt = 0; attempt < 50; attempt++) {
    // A redraw replaces the element: the locator finds the new one on the next try.
    const box = await target
      .scrollIntoViewIfNeeded({ timeout: 2_000 })
      .then(() => target.boundingBox())
      .catch(() => null);
    const key = JSON.stringify(box);
    if (box && key === last) return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    last = key;
    await target.page().waitForTimeout(100);
  }
  throw new Error(`${target} did not settle in view`);
}

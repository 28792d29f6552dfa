// Adding a model is one file plus one registration line: a throwaway model (`midrange`,
// test/fixtures/throwaway-model/) registered as a plug-in is picked up by the model contract,
// the chart colours, the `entente` binary, the HTTP API and the workbench (in Chromium)
// without touching any other file.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { modelColor, UNKNOWN_MODEL_COLOR } from "@entente/charts";
import { models } from "@entente/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contractCases,
  describeModelContract,
} from "../../packages/core/src/models/model.contract.ts";
import { hasChromium, openWorkbench, type WorkbenchSession } from "./workbench-session.ts";
import "../fixtures/throwaway-model/register.ts";
import { ENTENTE_ARGV, REPO_ROOT } from "../support/cli.ts";
import { type ServeProcess, startServe } from "../support/serve-process.ts";

const REGISTER = new URL("../fixtures/throwaway-model/register.ts", import.meta.url).pathname;
const BUDAPEST = "scenarios/budapest-2025.yaml";

/** `entente …args` as its own process with the throwaway model preloaded (`node --import`). */
async function entente(...args: string[]): Promise<string> {
  const [conditions, importFlag, tsx, main] = ENTENTE_ARGV;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [conditions, importFlag, tsx, "--import", REGISTER, main, ...args],
    { cwd: REPO_ROOT, maxBuffer: 64 << 20 },
  );
  return stdout;
}

// Budapest's territory issue: the actors' positions run from 8 (Ukraine) to 90 (Russia), and
// every actor cares, so the midrange is 49 (by hand, not by the fixture's code).
const TERRITORY_MIDRANGE = 49;

describeModelContract(contractCases().filter(([, m]) => m.id === "midrange"));

describe("a model registered as a plug-in", () => {
  it("is in the registry after the built-in models, with a colour no other model has", () => {
    expect(models.at(-1)?.id).toBe("midrange");
    const colours = models.map((m) => modelColor(m.id));
    expect(new Set(colours).size).toBe(colours.length);
    expect(modelColor("midrange")).not.toBe(UNKNOWN_MODEL_COLOR);
  });

  it("runs from the `entente` binary: models, run, forecast and simulate", async () => {
    expect(await entente("models")).toMatch(/^midrange — Midrange$/m);
    const run = JSON.parse(await entente("run", "--model", "midrange", BUDAPEST, "-f", "json"));
    expect(run.issues[0]).toMatchObject({ issue: "territory", forecast: TERRITORY_MIDRANGE });
    const forecast = JSON.parse(await entente("forecast", BUDAPEST, "-f", "json"));
    expect(forecast.models.map((m: { id: string }) => m.id)).toContain("midrange");
    expect(forecast.issues[0].forecasts.midrange).toBe(TERRITORY_MIDRANGE);
    const table = await entente("forecast", BUDAPEST);
    expect(table).toMatch(/^ {2}Midrange \([A-Z0-9]\) +49\.0 /m);
    // Simulated on worker threads: the preload registers it there too.
    const simulated = JSON.parse(
      await entente("simulate", BUDAPEST, "--models", "midrange", "-n", "300", "-f", "json"),
    );
    expect(simulated.models).toEqual(["midrange"]);
    const [territory] = simulated.report.issues;
    expect(territory.models[0]).toMatchObject({ model: "midrange", n: 300, failed: 0 });
  }, 60_000);

  describe("over the HTTP API", () => {
    let server: ServeProcess;
    const dataDir = mkdtempSync(join(tmpdir(), "entente-throwaway-"));
    beforeAll(async () => {
      server = await startServe(["--data-dir", dataDir], undefined, [REGISTER]);
    }, 40_000);
    afterAll(async () => {
      server.child.kill("SIGTERM");
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("lists it and forecasts with it", async () => {
      const listed = (await (await fetch(`${server.url}/api/models`)).json()) as {
        models: { id: string }[];
      };
      expect(listed.models.at(-1)).toMatchObject({ id: "midrange", label: "Midrange" });
      const text = readFileSync(`${REPO_ROOT}${BUDAPEST}`, "utf8");
      const created = await fetch(`${server.url}/api/scenarios`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text }),
      });
      expect(created.status).toBe(201);
      const answer = await fetch(`${server.url}/api/scenarios/budapest-2025/forecast`, {
        method: "POST",
      });
      expect(answer.status).toBe(200);
      const { result } = (await answer.json()) as {
        result: { issues: { forecasts: Record<string, number> }[] };
      };
      expect(result.issues[0]?.forecasts.midrange).toBe(TERRITORY_MIDRANGE);
    });
  });

  describe.skipIf(!hasChromium)("in the workbench", () => {
    let session: WorkbenchSession | undefined;
    beforeAll(async () => {
      session = await openWorkbench([REGISTER]);
    }, 90_000);
    afterAll(async () => {
      await session?.close();
    }, 30_000);

    it("shows its forecast in the forecast table, in a colour of its own", async () => {
      const { page, base } = session as WorkbenchSession;
      await page.goto(base);
      await page.getByRole("button", { name: "New from the built-in Budapest scenario" }).click();
      const table = page.getByTestId("forecast-table");
      const header = table.locator("th", { hasText: "Midrange" });
      await header.waitFor();
      expect(
        await table.locator('td[data-issue="territory"][data-model="midrange"]').textContent(),
      ).toBe("49.0");
      const swatches = await table
        .locator("thead th .swatch")
        .evaluateAll((els) => els.map((e) => e.getAttribute("style")));
      expect(new Set(swatches).size).toBe(swatches.length);
      const rgb = (hex: string) =>
        `rgb(${[1, 3, 5].map((k) => Number.parseInt(hex.slice(k, k + 2), 16)).join(", ")})`;
      expect(await header.locator(".swatch").getAttribute("style")).toContain(
        rgb(modelColor("midrange")),
      );
      // The browser runs the bundle's models live; a plug-in only the server has shows the
      // saved revision's server forecast, and the caption still compares the common models.
      await expect
        .poll(() => table.locator("caption").textContent())
        .toContain("matching the server's forecast");
      await session?.shot("throwaway-model");
      expect(session?.pageErrors).toEqual([]);
    }, 60_000);
  });
});

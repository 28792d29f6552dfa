import { ModelInputError, type Scenario } from "@entente/core";
import { afterEach, describe, expect, it } from "vitest";
import { readScenario } from "../io/read-scenario.ts";
import { AnalysisPool } from "./analysis-pool.ts";
import type { AnalysisTask } from "./analysis-worker.ts";
import { ApiError } from "./api-error.ts";

const root = new URL("../../../../", import.meta.url);
const { scenario } = await readScenario(new URL("scenarios/budapest-2025.yaml", root).pathname);
const forecast = (s: Scenario, agreement = true): AnalysisTask => ({
  kind: "forecast",
  scenario: s,
  phases: true,
  calibration: "default",
  agreement,
});

let pool: AnalysisPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("AnalysisPool", () => {
  it("computes on worker threads the same document as in this thread", async () => {
    pool = new AnalysisPool({ threads: 1 });
    const here = new AnalysisPool({ threads: 0 });
    expect(await pool.run(forecast(scenario))).toEqual(await here.run(forecast(scenario)));
  });

  it("caches by content: the same scenario and parameters are computed once, others again", async () => {
    pool = new AnalysisPool({ threads: 0 });
    const a = await pool.run(forecast(scenario));
    expect(await pool.run(forecast(structuredClone(scenario)))).toBe(a);
    expect(await pool.run(forecast(scenario, false))).not.toBe(a);
    const edited = structuredClone(scenario);
    (edited.actors[0] as { capability: number }).capability = 42;
    expect(await pool.run(forecast(edited))).not.toBe(a);
  });

  it("shares one computation between identical requests in flight", async () => {
    pool = new AnalysisPool({ threads: 1 });
    const answers = await Promise.all([...Array(20)].map(() => pool?.run(forecast(scenario))));
    expect(new Set(answers).size).toBe(1);
  });

  it("refuses work beyond its queue with 503 and Retry-After", async () => {
    pool = new AnalysisPool({ threads: 1, maxQueue: 2, cacheSize: 0 });
    const tasks = [...Array(8)].map((_, i) => {
      const s = structuredClone(scenario);
      s.title = `copy ${i}`; // a distinct content each: no sharing
      return forecast(s);
    });
    const settled = await Promise.allSettled(tasks.map((t) => pool?.run(t)));
    const refused = settled.filter((r) => r.status === "rejected");
    expect(settled.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(3);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) {
      const e = (r as PromiseRejectedResult).reason as ApiError;
      expect(e).toBeInstanceOf(ApiError);
      expect(e.status).toBe(503);
      expect(e.headers).toEqual({ "Retry-After": "1" });
      expect(e.errors[0]?.message).toMatch(/^the server is busy: \d+ analyses are waiting/);
    }
  });

  it("gives back the errors a computation in this thread would throw", async () => {
    pool = new AnalysisPool({ threads: 1 });
    const run: AnalysisTask = {
      kind: "run",
      scenario,
      model: "eum",
      options: { params: { rounds: -1 } },
      resolved: {},
      preset: undefined,
    };
    await expect(pool.run(run)).rejects.toBeInstanceOf(RangeError);
    const noStatusQuo = structuredClone(scenario);
    for (const issue of noStatusQuo.issues) delete (issue as { statusQuo?: number }).statusQuo;
    const needsStatusQuo: AnalysisTask = {
      ...run,
      model: "nash",
      scenario: noStatusQuo,
      options: {},
    };
    await expect(pool.run(needsStatusQuo)).rejects.toBeInstanceOf(ModelInputError);
  });
});

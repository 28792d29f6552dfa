import { modelSteps, models, phaseData, prepareScenario } from "@entente/core";
import { afterAll, describe, expect, it } from "vitest";
import { readScenario } from "../io/read-scenario.ts";
import { runModels } from "./run-models.ts";
import { closeSimulationPools } from "./run-simulation.ts";

const root = new URL("../../../../", import.meta.url).pathname;

afterAll(closeSimulationPools);

describe("runModels", () => {
  it("runs every model on worker threads with the same bits as in this thread, and reports progress", async () => {
    const { scenario } = await readScenario(`${root}scenarios/budapest-2025.yaml`);
    const data = prepareScenario(scenario);
    const phases = phaseData(scenario.phases, data);
    const seen: number[] = [];
    const pooled = await runModels(data, phases, models, {
      workers: 2,
      onProgress: (done, total, running) => {
        seen.push(done);
        expect(total).toBe(models.length);
        expect(running).toHaveLength(total - done);
      },
    });
    const here = models.map((m) => modelSteps(m, data, phases));
    expect(pooled.map((r) => r.model)).toEqual(models.map((m) => m.id));
    expect(pooled).toEqual(here);
    // SMP runs on the built-in scenario (partial stances take no part in a dimension).
    expect(pooled.find((r) => r.model === "smp")?.unavailable).toBeUndefined();
    expect(seen).toEqual([0, ...models.map((_, i) => i + 1)]);
    // In this thread, the same progress from 0.
    const inThread: number[] = [];
    await runModels(data, phases, models, {
      workers: 0,
      onProgress: (done) => inThread.push(done),
    });
    expect(inThread).toEqual(seen);
  });
});

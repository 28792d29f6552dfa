import { describe, expect, it } from "vitest";
import { DEU3_CALIBRATION } from "../calibration/deu3-calibration.ts";
import type { Scenario } from "../scenario/schema.ts";
import { validateScenario } from "../scenario/validate.ts";
import { compileSimulation } from "./compile-simulation.ts";
import { simulationReport } from "./report.ts";
import { runShard, SHARD_SIZE, shardCount } from "./simulate.ts";
import type { SimulationPlan } from "./simulation-plan.ts";
import { mergeSummaries, missingShards } from "./summary.ts";

const scenario = (() => {
  const r = validateScenario({
    id: "mc",
    title: "MC",
    asOf: "2025-01-01",
    sources: [{ id: "s", title: "S", locator: "s" }],
    actors: [
      { id: "a", name: "A", capability: { value: 2, low: 1, high: 3 } },
      { id: "b", name: "B", capability: 1 },
      { id: "c", name: "C", capability: 1 },
    ],
    issues: [
      {
        id: "i",
        title: "I",
        scale: { minLabel: "lo", maxLabel: "hi", marks: [{ at: 50, label: "half" }] },
        statusQuo: 20,
      },
    ],
    stances: [
      { actor: "a", issue: "i", position: { value: 30, low: 10, high: 50 }, salience: 60 },
      {
        actor: "b",
        issue: "i",
        position: [
          { value: 70, source: "s" },
          { value: 90, source: "s" },
        ],
        salience: 50,
      },
      { actor: "c", issue: "i", position: 55, salience: 40 },
    ],
    shocks: [
      {
        id: "hard",
        title: "Hardening",
        probability: 0.3,
        effects: [{ kind: "shift-position", actors: ["a"], by: 20 }],
      },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario as Scenario;
})();

const plan: SimulationPlan = {
  scenario,
  samples: 1000,
  seed: 42,
  models: ["compromise", "weighted-median"],
};

const runAll = (p: SimulationPlan, order: (n: number) => number[]) => {
  const sim = compileSimulation(p);
  return mergeSummaries(order(shardCount(p)).map((i) => runShard(sim, i)));
};

describe("Monte Carlo simulation", () => {
  it("gives bit-identical summaries whatever the shard order or grouping", () => {
    const inOrder = runAll(plan, (n) => [...Array(n).keys()]);
    const reversed = runAll(plan, (n) => [...Array(n).keys()].reverse());
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(inOrder));
    // Group shards into two parts first, then merge the parts (as two machines would).
    const sim = compileSimulation(plan);
    const n = shardCount(plan);
    const part1 = mergeSummaries([0, 2].map((i) => runShard(sim, i)));
    const part2 = mergeSummaries([3, 1].filter((i) => i < n).map((i) => runShard(sim, i)));
    expect(JSON.stringify(mergeSummaries([part2, part1]))).toBe(JSON.stringify(inOrder));
    expect(JSON.parse(JSON.stringify(inOrder))).toEqual(inOrder);
  });

  it("covers every sample once and reports missing or repeated shards", () => {
    const sim = compileSimulation(plan);
    expect(shardCount(plan)).toBe(Math.ceil(1000 / SHARD_SIZE));
    const partial = mergeSummaries([runShard(sim, 0), runShard(sim, 2)]);
    expect(missingShards(partial, shardCount(plan))).toEqual([1, 3]);
    expect(() => mergeSummaries([runShard(sim, 1), runShard(sim, 1)])).toThrow(
      /more than one part/,
    );
  });

  it("changes with the seed and reproduces with the same seed", () => {
    const a = runAll(plan, (n) => [...Array(n).keys()]);
    const b = runAll({ ...plan, seed: 43 }, (n) => [...Array(n).keys()]);
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });

  it("reports distributions, threshold probabilities and shock effects that agree with the inputs", () => {
    const report = simulationReport(
      runAll({ ...plan, samples: 4000 }, (n) => [...Array(n).keys()]),
    );
    const [issue] = report.issues;
    const compromise = issue?.models[0];
    expect(compromise?.n).toBe(4000);
    expect(compromise?.quantiles.p10).toBeLessThan(compromise?.quantiles.p90 as number);
    expect(compromise?.outcome.atLeast[0]?.threshold).toBe(50);
    const shock = report.shocks[0];
    expect(shock?.frequency).toBeGreaterThan(0.27);
    expect(shock?.frequency).toBeLessThan(0.33);
    // Moving actor a up by 20 moves the compromise up: a's weight share is ≈ 0.5 → ≈ +10.
    const shift = shock?.effect.find((e) => e.model === "compromise")?.shift as number;
    expect(shift).toBeGreaterThan(6);
    expect(shift).toBeLessThan(13);
  });

  it("counts the samples in which both parties have a package they prefer to no deal", () => {
    const withDeal: SimulationPlan = {
      ...plan,
      samples: 600,
      deal: { between: ["a", "b"], grid: 3 },
    };
    const summary = runAll(withDeal, (n) => [...Array(n).keys()]);
    const reversed = runAll(withDeal, (n) => [...Array(n).keys()].reverse());
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(summary));
    const report = simulationReport(summary);
    expect(report.deal?.between).toEqual(["a", "b"]);
    // Known answer. On grid 3 the packages are 0, 50 and 100; b (70 or 90) prefers 50 and 100
    // to the status quo 20, so a deal exists exactly when a prefers 50 to 20: a's position
    // > 35. a is triangular(10, 30, 50), +20 under the shock (p 0.3):
    // P = 0.7·(50−35)²/(40·20) + 0.3·(1 − (15−10)²/(40·20)) = 0.4875.
    const p = 0.7 * (15 ** 2 / 800) + 0.3 * (1 - 5 ** 2 / 800);
    const sd = Math.sqrt((p * (1 - p)) / 600);
    expect(Math.abs((report.deal?.probability as number) - p)).toBeLessThan(4 * sd);
    expect(summary.dealExists).toBe(Math.round((report.deal?.probability as number) * 600));
    expect(() => compileSimulation({ ...plan, deal: { between: ["a", "zz"] } })).toThrow(
      /deal: expected two different actors/,
    );
  });

  it("reads quantiles off the values actually seen: discrete forecasts give held positions", () => {
    // The weighted median is 7 or 10 here, depending on whether c's capability beats a + b's.
    const r = validateScenario({
      id: "flip",
      title: "F",
      asOf: "2025-01-01",
      actors: [
        { id: "a", name: "A", capability: 1 },
        { id: "b", name: "B", capability: 1 },
        { id: "c", name: "C", capability: { value: 2, low: 1, high: 3 } },
      ],
      issues: [{ id: "i", title: "I", scale: { min: 4, max: 10, minLabel: "lo", maxLabel: "hi" } }],
      stances: [
        { actor: "a", issue: "i", position: 4, salience: 50 },
        { actor: "b", issue: "i", position: 7, salience: 50 },
        { actor: "c", issue: "i", position: 10, salience: 50 },
      ],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const report = simulationReport(
      runAll({ scenario: r.scenario, samples: 1000, seed: 9, models: ["weighted-median"] }, (n) => [
        ...Array(n).keys(),
      ]),
    );
    const m = report.issues[0]?.models[0];
    expect(m?.min).toBe(7);
    expect(m?.max).toBe(10);
    expect([m?.quantiles.p10, m?.quantiles.p90]).toEqual([7, 10]);
    expect([7, 10]).toContain(m?.quantiles.p25);
    expect([7, 10]).toContain(m?.quantiles.p75);
  });

  it("does not mix up samples where a model could not run with a shock's effect", () => {
    const r = validateScenario({
      id: "gone",
      title: "G",
      asOf: "2025-01-01",
      actors: [
        { id: "a", name: "A", capability: 1 },
        { id: "b", name: "B", capability: 1 },
      ],
      issues: [
        { id: "i", title: "I", scale: { minLabel: "lo", maxLabel: "hi" } },
        { id: "j", title: "J", scale: { minLabel: "lo", maxLabel: "hi" } },
      ],
      stances: [
        { actor: "a", issue: "i", position: { value: 40, low: 20, high: 60 }, salience: 50 },
        { actor: "b", issue: "j", position: 70, salience: 50 },
      ],
      shocks: [
        {
          id: "a-leaves",
          title: "A leaves",
          probability: 0.5,
          effects: [{ kind: "remove-actor", actors: ["a"] }],
        },
        {
          id: "nothing",
          title: "Nothing",
          probability: 0.5,
          effects: [{ kind: "scale-capability", factor: 1 }],
        },
      ],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const summary = runAll(
      { scenario: r.scenario, samples: 2000, seed: 3, models: ["compromise"] },
      (n) => [...Array(n).keys()],
    );
    const report = simulationReport(summary);
    // Issue i has no forecast whenever a leaves (no status quo): those samples are "failed".
    const i = report.issues[0]?.models[0];
    expect(i?.failed).toBe(summary.shockCount[0]);
    const shift = (shock: number, issue: string) =>
      report.shocks[shock]?.effect.find((e) => e.issue === issue)?.shift as number;
    expect(shift(0, "i")).toBeNaN(); // never observed with the shock
    expect(Math.abs(shift(1, "i"))).toBeLessThan(3); // a shock that does nothing moves nothing
    expect(Math.abs(shift(1, "j"))).toBeLessThan(1e-9);
  });

  it("rejects bad plans with messages naming the value", () => {
    expect(() => compileSimulation({ ...plan, samples: 0 })).toThrow(
      /samples: expected a whole number ≥ 1, got 0/,
    );
    expect(() => compileSimulation({ ...plan, seed: -1 })).toThrow(/seed/);
    expect(() => compileSimulation({ ...plan, models: ["nope"] })).toThrow(/unknown model "nope"/);
    expect(() => compileSimulation({ ...plan, thresholds: { zz: [3] } })).toThrow(
      /unknown issue "zz"/,
    );
  });
});

describe("outcome distributions (review cases)", () => {
  /** Three actors, each at `at` on one issue in one phase, status quo `sq`. */
  const agreed = (at: number, sq: number, marks: Array<{ at: number; label: string }> = []) => {
    const r = validateScenario({
      id: "same",
      title: "Same",
      asOf: "2025-01-01",
      actors: ["a", "b", "c"].map((id) => ({ id, name: id, capability: 1 })),
      issues: [
        { id: "x", title: "X", scale: { minLabel: "lo", maxLabel: "hi", marks }, statusQuo: sq },
      ],
      stances: ["a", "b", "c"].map((actor) => ({ actor, issue: "x", position: at, salience: 50 })),
      phases: [{ id: "p", title: "P", actors: ["a", "b", "c"], issues: ["x"] }],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.scenario as Scenario;
  };
  const report = (scenario: Scenario) =>
    simulationReport(
      runAll({ scenario, samples: 2000, seed: 7, models: ["compromise"] }, (n) => [
        ...Array(n).keys(),
      ]),
    );

  it("keeps an outcome every sample shares exact in the median and intervals", () => {
    // Everyone at 40 and the status quo at 40: the outcome is 40 whatever happens.
    const o = report(agreed(40, 40)).issues[0]?.models[0]?.outcome;
    expect(o?.median).toBe(40);
    expect(o?.intervals["50"]).toEqual([40, 40]);
    expect(o?.intervals["80"]).toEqual([40, 40]);
  });

  it("with model error, still reads the shared outcome exactly where its mass lies", () => {
    const scenario = agreed(40, 40);
    const o = simulationReport(
      runAll(
        { scenario, samples: 4000, seed: 7, models: ["compromise"], calibration: DEU3_CALIBRATION },
        (n) => [...Array(n).keys()],
      ),
    ).issues[0]?.models[0]?.outcome;
    expect(o?.median).toBe(40);
    expect(o?.intervals["50"]).toEqual([40, 40]);
    const [lo, hi] = o?.intervals["80"] ?? [Number.NaN, Number.NaN];
    expect(lo <= 40 && 40 <= hi).toBe(true);
    const [lo95, hi95] = o?.intervals["95"] ?? [Number.NaN, Number.NaN];
    expect(hi95 - lo95).toBeGreaterThan(0); // model error widens the outer interval
  });

  it("counts an outcome exactly on a band boundary half for each band", () => {
    // Scale ends only: the boundary between "lo" and "hi" is 50, where everything sits.
    const o = report(agreed(50, 50)).issues[0]?.models[0]?.outcome;
    expect(o?.bands.map((b) => b.probability)).toEqual([0.5, 0.5]);
  });
});

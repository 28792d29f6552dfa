import { readFileSync } from "node:fs";
import {
  eum,
  exchange,
  forecastScenario,
  models,
  prepareScenario,
  type ScenarioData,
  smpModel,
  xoshiro128ss,
} from "@entente/core";
import { parseDeu3 } from "../packages/entente/src/backtest/deu3-parse.ts";
import { runDeu3Backtest } from "../packages/entente/src/backtest/run-backtest.ts";
import { importText } from "../packages/entente/src/io/import/import-scenario.ts";
import { readScenario } from "../packages/entente/src/io/read-scenario.ts";
import { readKtabCsv, scenarioDataOf } from "../test/fixtures/ktab/ktab-fixtures.ts";
import type { Benchmark } from "./harness.ts";

const root = new URL("../", import.meta.url).pathname;
const budapest = await readScenario(`${root}scenarios/budapest-2025.yaml`);

/** A one-issue scenario of n random actors (fixed seed) for the EUM benchmarks. */
function randomIssue(n: number): ScenarioData {
  const rng = xoshiro128ss(1, 2, 3, n);
  return {
    id: `random-${n}`,
    title: `${n} random actors`,
    actors: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, name: `A${i}` })),
    issues: [
      {
        id: "x",
        title: "x",
        min: 0,
        max: 100,
        unit: undefined,
        minLabel: "0",
        maxLabel: "100",
        statusQuo: 50,
        outcome: undefined,
        ratifiers: new Int32Array(0),
        actors: Int32Array.from({ length: n }, (_, i) => i),
        positions: Float64Array.from({ length: n }, () => Math.round(rng.next() * 100)),
        saliences: Float64Array.from({ length: n }, () => 10 + rng.next() * 90),
        capabilities: Float64Array.from({ length: n }, () => 1 + rng.next() * 99),
      },
    ],
  };
}

const ktab = (name: string) => scenarioDataOf(readKtabCsv(`inputs/${name}.csv`));

/** COP21 (15 actors, 13 issues) through `entente import`, as the exchange model's input. */
const cop21 = prepareScenario(
  importText(readFileSync(`${root}test/fixtures/exchange/cop21.csv`), "cop21.csv", {
    asOf: "2025-01-01",
  }).scenario,
);
/** The reference implementation (decide, Python) on this machine: 10 rounds of COP21. */
const DECIDE_COP21_SECONDS = 15;

/** The exchange model on COP21 for 10 rounds, beside the reference implementation's 15 s. */
const exchangeBenchmarks: Benchmark[] = (["corrected", "compat=decide"] as const).map(
  (preset): Benchmark => ({
    name: `exchange: COP21 × 10 rounds, ${preset}`,
    ...(preset === "corrected" ? { targetSeconds: DECIDE_COP21_SECONDS / 100 } : {}),
    repeat: preset === "corrected" ? 5 : 1,
    setup: () => () => exchange.run(cop21, { preset, params: { rounds: 10 } }),
    note: (seconds) =>
      `decide (Python) took ${DECIDE_COP21_SECONDS} s here: ${(DECIDE_COP21_SECONDS / seconds).toFixed(0)}× faster (target ≥ 100× for the default preset)`,
  }),
);

/** Benchmarks of the models and the backtest. */
export const modelBenchmarks: Benchmark[] = [
  ...([10, 50, 200] as const).map(
    (n): Benchmark => ({
      name: `eum: ${n} actors × 10 rounds`,
      ...(n === 200 ? { targetSeconds: 0.5 } : {}),
      repeat: n === 200 ? 3 : 5,
      setup: () => {
        const data = randomIssue(n);
        return () => eum.run(data, { params: { rounds: 10 } });
      },
    }),
  ),
  ...(["a040", "a080", "a160"] as const).map(
    (c): Benchmark => ({
      name: `smp: KTAB dummyData-${c} (KTAB: ${c === "a040" ? "6.7 s" : c === "a080" ? "68 s" : "≈20 min"})`,
      ...(c === "a080" ? { targetSeconds: 0.7 } : c === "a160" ? { targetSeconds: 10 } : {}),
      repeat: c === "a160" ? 1 : 3,
      setup: () => {
        const data = ktab(`dummyData-${c}`);
        return () => smpModel.run(data);
      },
    }),
  ),
  ...exchangeBenchmarks,
  {
    name: "forecast: Budapest, every model",
    setup: () => () => forecastScenario(budapest.data),
  },
  {
    name: "backtest: DEU III, 351 issues, every model",
    targetSeconds: 5,
    repeat: 3,
    setup: () => {
      const parsed = parseDeu3(readFileSync(`${root}test/fixtures/deu3/deu3.csv`, "utf8"), "deu3");
      if ("diagnostics" in parsed) throw new Error("bad DEU III fixture");
      return () => runDeu3Backtest(parsed.table, models, { capability: "equal", dataset: "deu3" });
    },
  },
];

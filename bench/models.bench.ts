import { readFileSync } from "node:fs";
import { forecastScenario, models } from "@entente/core";
import { parseDeu3 } from "../packages/entente/src/backtest/deu3-parse.ts";
import { runDeu3Backtest } from "../packages/entente/src/backtest/run-backtest.ts";
import { readScenario } from "../packages/entente/src/io/read-scenario.ts";
import type { Benchmark } from "./harness.ts";

const root = new URL("../", import.meta.url).pathname;
const budapest = await readScenario(`${root}scenarios/budapest-2025.yaml`);

/** Benchmarks of the models and the backtest. */
export const modelBenchmarks: Benchmark[] = [
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

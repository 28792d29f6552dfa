import { DEU3_CALIBRATION } from "@entente/core";
import { readScenario } from "../packages/entente/src/io/read-scenario.ts";
import { renderReport } from "../packages/entente/src/report/render-report.ts";
import type { Benchmark } from "./harness.ts";

const root = new URL("../", import.meta.url).pathname;
const { scenario } = await readScenario(`${root}scenarios/budapest-2025.yaml`);

/**
 * `entente report -o brief.html` on the Budapest scenario, in process: 10 000 samples on 2 workers,
 * the forecast, the deal space with its win-set, one-at-a-time sensitivity and every chart drawn
 * to SVG. Compare with "simulate: Budapest 10k samples, 2 workers", the part it shares.
 */
export const reportBenchmarks: Benchmark[] = [
  {
    name: "report: Budapest brief as HTML, 10k samples, 2 workers",
    targetSeconds: 10,
    repeat: 3,
    setup: () => () =>
      renderReport(scenario, "html", {
        samples: 10_000,
        seed: 42,
        models: ["compromise", "weighted-median", "eum"],
        calibration: DEU3_CALIBRATION,
        workers: 2,
      }),
  },
];

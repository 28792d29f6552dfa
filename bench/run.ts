// `npm run bench [-- filter]`: every benchmark, with seconds and the ratio to a calibration
// workload measured in the same run. Figures, not pass/fail: targets are printed beside them.
import { dealBenchmarks } from "./deals.bench.ts";
import { runBenchmarks } from "./harness.ts";
import { largeForecastBenchmarks } from "./large-forecast.bench.ts";
import { modelBenchmarks } from "./models.bench.ts";
import { queueBenchmarks, queueOverhead } from "./queue.bench.ts";
import { reportBenchmarks } from "./report.bench.ts";
import { simulationBenchmarks, speedUp } from "./simulate.bench.ts";

process.stdout.write(`Entente benchmarks — node ${process.version}, ${process.arch}\n`);
const results = await runBenchmarks(
  [
    ...modelBenchmarks,
    ...largeForecastBenchmarks,
    ...dealBenchmarks,
    ...simulationBenchmarks,
    ...queueBenchmarks,
    ...reportBenchmarks,
  ],
  process.argv[2],
);
speedUp(results);
queueOverhead(results);

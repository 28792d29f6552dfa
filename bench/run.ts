// `npm run bench [-- filter]`: every benchmark, with seconds and the ratio to a calibration
// workload measured in the same run. Figures, not pass/fail: targets are printed beside them.
import { runBenchmarks } from "./harness.ts";
import { modelBenchmarks } from "./models.bench.ts";

process.stdout.write(`Entente benchmarks — node ${process.version}, ${process.arch}\n`);
runBenchmarks([...modelBenchmarks], process.argv[2]);

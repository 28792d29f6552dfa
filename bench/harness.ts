// A small benchmark harness: median of repeated runs, reported against a calibration workload
// measured in the same run, so that figures from different machines can be compared as ratios.

export interface Benchmark {
  name: string;
  /** Target on the project's reference machine (2 cores), in seconds, if the issue sets one. */
  targetSeconds?: number;
  /** Set up once; returns the function that is timed (it may return a promise). */
  setup: () => () => unknown;
  /** Work items per run (e.g. samples), to print a rate. */
  items?: { count: number; unit: string };
  /** Timed repetitions (default 5). */
  repeat?: number;
  /** A line printed under the result (e.g. peak memory against its target), given the time. */
  note?: (seconds: number) => string;
  /** Called after the timed runs (e.g. to stop the processes the benchmark started). */
  teardown?: () => Promise<void>;
}

export interface Measurement {
  name: string;
  seconds: number;
  ratio: number;
  targetSeconds: number | undefined;
}

let sink = 0;

/** A fixed arithmetic workload (≈ 50 M multiply-adds on a Float64Array): the baseline. */
export function calibration(): () => unknown {
  const a = new Float64Array(1 << 16).map((_, i) => (i % 97) / 97);
  return () => {
    let s = 0;
    for (let r = 0; r < 760; r++)
      for (let i = 0; i < a.length; i++) s += (a[i] as number) * 1.0000001;
    sink += s;
    return s;
  };
}

/** Median wall time of `repeat` runs after one warm-up, in seconds. */
export async function time(fn: () => unknown, repeat = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let k = 0; k < repeat; k++) {
    const t0 = performance.now();
    sink += Number(Boolean(await fn()));
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((x, y) => x - y);
  return times[times.length >> 1] as number;
}

/** Run benchmarks and print seconds, ratio to the calibration, and the target where one is set. */
export async function runBenchmarks(
  benchmarks: readonly Benchmark[],
  filter?: string,
): Promise<Measurement[]> {
  const base = await time(calibration(), 5);
  const out: Measurement[] = [];
  process.stdout.write(`calibration (50 M multiply-adds): ${(base * 1000).toFixed(1)} ms\n\n`);
  process.stdout.write(
    `${"benchmark".padEnd(44)}${"time".padStart(12)}${"× calib.".padStart(10)}  target\n`,
  );
  for (const b of benchmarks) {
    if (filter && !b.name.includes(filter)) continue;
    let seconds: number;
    try {
      seconds = await time(b.setup(), b.repeat ?? 5);
    } finally {
      await b.teardown?.();
    }
    const ratio = seconds / base;
    const target =
      b.targetSeconds === undefined
        ? ""
        : `≤ ${b.targetSeconds} s ${seconds <= b.targetSeconds ? "met" : "MISSED"}`;
    const rate = b.items
      ? `  ${Math.round(b.items.count / seconds).toLocaleString("en")} ${b.items.unit}/s`
      : "";
    process.stdout.write(
      `${b.name.padEnd(44)}${duration(seconds).padStart(12)}${ratio.toFixed(3).padStart(10)}  ${target}${rate}\n`,
    );
    if (b.note) process.stdout.write(`  ${b.note(seconds)}\n`);
    out.push({ name: b.name, seconds, ratio, targetSeconds: b.targetSeconds });
  }
  if (sink === Number.MIN_VALUE) process.stdout.write("\n");
  return out;
}

function duration(seconds: number): string {
  if (seconds >= 1) return `${seconds.toFixed(2)} s`;
  if (seconds >= 1e-3) return `${(seconds * 1e3).toFixed(2)} ms`;
  return `${(seconds * 1e6).toFixed(1)} µs`;
}

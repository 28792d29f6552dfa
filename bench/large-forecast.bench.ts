// `entente forecast` on a generated 300-actor × 40-issue scenario, as a user runs it: a fresh
// process from source (startup included), the models on the worker pool. Peak memory is the
// process's maximum resident set (worker threads included), reported by the child itself.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { xoshiro128ss } from "@entente/core";
import { stringify } from "yaml";
import type { Benchmark } from "./harness.ts";

const root = new URL("../", import.meta.url).pathname;
const MEMORY_TARGET_MB = 500;

/** A random scenario of n actors with a stance on each of m issues (fixed seed). */
export function largeScenario(n: number, m: number): string {
  const rng = xoshiro128ss(7, 11, n, m);
  const int = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
  return stringify({
    id: `large-${n}x${m}`,
    title: `${n} actors × ${m} issues (generated)`,
    asOf: "2026-01-01",
    actors: Array.from({ length: n }, (_, i) => ({
      id: `a${i}`,
      name: `Actor ${i}`,
      capability: int(1, 100),
    })),
    issues: Array.from({ length: m }, (_, k) => ({
      id: `i${k}`,
      title: `Issue ${k}`,
      scale: { minLabel: "low", maxLabel: "high" },
      statusQuo: int(0, 100),
    })),
    stances: Array.from({ length: n * m }, (_, s) => ({
      actor: `a${Math.floor(s / m)}`,
      issue: `i${s % m}`,
      position: int(0, 100),
      salience: int(1, 100),
    })),
  });
}

let peakMb = 0;

/** The large-scenario forecast benchmark. */
export const largeForecastBenchmarks: Benchmark[] = [
  {
    name: "forecast: 300 actors × 40 issues, CLI",
    targetSeconds: 15,
    repeat: 1,
    setup: () => {
      const file = join(mkdtempSync(join(tmpdir(), "entente-large-")), "large.yaml");
      writeFileSync(file, largeScenario(300, 40));
      return () => {
        const r = spawnSync(
          process.execPath,
          ["--conditions=source", "--import", "tsx", "bench/peak-rss.ts", "forecast", file],
          { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 },
        );
        if (r.status !== 0) throw new Error(`forecast failed: ${r.stderr}`);
        const kb = Number(/peak-rss (\d+)/.exec(r.stderr)?.[1]);
        peakMb = Math.max(peakMb, kb / 1024);
        return r.stdout.length;
      };
    },
    note: () =>
      `peak memory ${Math.round(peakMb)} MB (≤ ${MEMORY_TARGET_MB} MB ${peakMb <= MEMORY_TARGET_MB ? "met" : "MISSED"})`,
  },
];

import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/src/**/*.test.tsx", "test/**/*.test.ts"],
    reporters: ["default", "./test/summary-reporter.ts"],
    testTimeout: 30_000,
    // Vitest's default on 2 cores is one worker; many tests wait on processes, servers and
    // Chromium, so two overlap well (npm test: 240 s against 266 s with one, same machine).
    maxWorkers: 2,
  },
});

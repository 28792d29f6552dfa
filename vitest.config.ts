import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/src/**/*.test.tsx", "test/**/*.test.ts"],
    reporters: ["default", "./test/summary-reporter.ts"],
    testTimeout: 30_000,
    // The web UI is built once for the whole run (the end-to-end tests serve it).
    globalSetup: ["./test/support/build-web.ts"],
    // Vitest's default on 2 cores is one worker; many tests wait on processes, servers and
    // Chromium, so two overlap well (npm test: 240 s against 266 s with one, same machine).
    maxWorkers: 2,
  },
});

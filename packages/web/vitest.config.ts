import { defineConfig } from "vitest/config";

const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname);

/**
 * The web package's own unit tests (`npm test -w @entente/web`): the DOM tests pick happy-dom
 * with a `// @vitest-environment happy-dom` line; the end-to-end suite is in test/e2e at the
 * root and runs from the root config.
 */
export default defineConfig({
  root: here("."),
  resolve: { conditions: ["source"] },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    testTimeout: 30_000,
  },
});

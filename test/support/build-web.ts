// Vitest global set-up: build the web UI once, before any test file runs. The end-to-end tests
// serve packages/web/dist from `entente serve`; built per test file, two files running at once
// would delete the build under each other's server.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;

/** Run `vite build` in packages/web; throws with its output when it fails. */
export default function buildWeb(): void {
  const build = spawnSync(
    process.execPath,
    [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
    { cwd: join(root, "packages/web"), encoding: "utf8" },
  );
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}${build.stderr}`);
}

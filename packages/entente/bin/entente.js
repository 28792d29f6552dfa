#!/usr/bin/env node
// The `entente` command: runs the compiled CLI (built by `npm run build`, which `npm ci` runs),
// or the TypeScript sources through tsx in a checkout that has not been built.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dist = new URL("../dist/cli/main.js", import.meta.url);
if (existsSync(dist)) {
  await import(dist.href);
} else {
  const source = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url));
  const tsx = import.meta.resolve("tsx");
  const args = ["--conditions=source", "--import", tsx, source, ...process.argv.slice(2)];
  const { status } = spawnSync(process.execPath, args, { stdio: "inherit" });
  process.exitCode = status ?? 1;
}

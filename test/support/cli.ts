// Test support: run `entente <argv>` in-process and capture its output and exit code, or start
// it as its own process from source.
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import { run } from "../../packages/entente/src/cli/program.ts";

/** The repository's root: the working directory of an `entente` process started by a test. */
export const REPO_ROOT = new URL("../../", import.meta.url).pathname;

/** Node's arguments that run the `entente` binary from source (before the command's own). */
export const ENTENTE_ARGV = [
  "--conditions=source",
  "--import",
  "tsx",
  "packages/entente/src/cli/main.ts",
] as const;

/** `entente …args` as its own process, from source, in the repository's root. */
export function spawnEntente(args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, [...ENTENTE_ARGV, ...args], { cwd: REPO_ROOT, ...options });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `entente …argv` through the same `run` as the binary, with stdout and stderr captured. */
export async function entente(...argv: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

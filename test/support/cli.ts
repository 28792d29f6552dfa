// Test support: run `entente <argv>` in-process and capture its output and exit code.
import { run } from "../../packages/entente/src/cli/program.ts";

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

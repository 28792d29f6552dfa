// The real `entente` process: exit codes and output streams as a shell sees them.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ENTENTE_ARGV, REPO_ROOT, spawnEntente } from "./support/cli.ts";

function entente(...args: string[]) {
  const result = spawnSync(process.execPath, [...ENTENTE_ARGV, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, ENTENTE_DEBUG: "" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the entente process", () => {
  it("forecasts the built-in scenario and exits 0", () => {
    const { code, stdout } = entente("forecast");
    expect(code).toBe(0);
    expect(stdout).toContain("budapest-2025");
  });

  it("exits 2 on invalid input and never prints a stack trace", () => {
    const { code, stdout, stderr } = entente(
      "validate",
      "test/fixtures/invalid/binary-garbage.yaml",
      "test/fixtures/invalid/many-errors.yaml",
      "no-such-file.yaml",
    );
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).toContain("test/fixtures/invalid/many-errors.yaml:11:17 actors.0.capability:");
    expect(stderr).toContain("no-such-file.yaml:1:1 (file): no such file");
  });

  it("stops a simulation cleanly on Ctrl-C (SIGINT): exit 130, no output, no warnings", async () => {
    const child = spawnEntente(["simulate", "-n", "400000"], {
      env: { ...process.env, ENTENTE_DEBUG: "", ENTENTE_PROGRESS: "plain" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => {
      stdout += d;
    });
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    // Interrupt once the run is under way (its first progress line), however slow the start.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (/ of 400000 samples\n/.test(stderr)) {
          clearInterval(poll);
          resolve();
        }
      }, 50);
    });
    child.kill("SIGINT");
    const code = await new Promise((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /^(entente: simulating 400000 samples: \d+ of 400000 samples\n)+entente: cancelled\n$/,
    );
  });
});

// Test support: `entente worker` as its own process on a Redis queue; a killed one's jobs are
// handed to another after about a second (--stall-timeout 1000).
import type { ChildProcess } from "node:child_process";
import { spawnEntente } from "./cli.ts";

export interface WorkerProcess {
  child: ChildProcess;
  stderr: () => string;
  stop: () => Promise<void>;
}

/** `entente worker` as its own process, resolved once it says it is ready. */
export async function startWorker(redis: string, concurrency = 1): Promise<WorkerProcess> {
  const child = spawnEntente(
    ["worker", "--redis", redis, "--concurrency", String(concurrency), "--stall-timeout", "1000"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not ready: ${stderr}`)), 30_000);
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
      if (/ready/.test(stderr)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`worker exited ${code}: ${stderr}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  };
  return { child, stderr: () => stderr, stop };
}

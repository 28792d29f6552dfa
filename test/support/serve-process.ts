// Test support: the real `entente serve` process on a free loopback port.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = new URL("../../", import.meta.url);
const entry = fileURLToPath(new URL("packages/entente/src/server/serve-main.ts", root));

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  stderr: () => string;
}

/**
 * Start `entente serve --port 0` with `args` (e.g. `--data-dir dir`) and wait for the URL it
 * prints. DATABASE_URL, ENTENTE_TOKEN and ENTENTE_DATA_DIR are unset unless `env` sets them
 * (SQLite, no token). `preload` modules are imported first (`node --import`), in the server
 * and its worker threads alike: a plug-in model's registration.
 */
export async function startServe(
  args: string[],
  env?: Record<string, string>,
  preload: readonly string[] = [],
): Promise<ServeProcess> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.ENTENTE_TOKEN;
  delete base.ENTENTE_DATA_DIR;
  const child = spawn(
    process.execPath,
    [
      "--conditions=source",
      "--import",
      "tsx",
      ...preload.flatMap((m) => ["--import", m]),
      entry,
      "--port",
      "0",
      ...args,
    ],
    {
      cwd: fileURLToPath(root),
      env: { ...base, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL after 30 s: ${stderr}`)), 30_000);
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
      const match = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return { child, url, exited, stderr: () => stderr };
}

// Plug-ins in worker threads. A model registered by a module preloaded with `node --import`
// must be known to the worker threads too. Built workers inherit `--import`; from sources a
// worker's `.ts` preload fails (the TypeScript loader's import hooks are not active in a worker
// thread, only its require hooks), so the pools hand their workers the list and the workers
// require it.
import { createRequire } from "node:module";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isWorkerThread, workerData } from "piscina";

/**
 * A Piscina pool's options for worker threads that run `.ts` sources: the TypeScript loader and
 * the `source` export condition, and as `workerData` the modules this process preloaded with
 * `--import` other than the loader (paths resolved against the working directory), which
 * {@link requireWorkerPreloads} loads in each worker.
 */
export function sourceWorkerOptions(
  execArgv: readonly string[] = process.execArgv,
  cwd: string = process.cwd(),
): { execArgv: string[]; workerData: { preloads: string[] } } {
  const preloads: string[] = [];
  for (let k = 0; k < execArgv.length; k++) {
    const arg = execArgv[k] as string;
    let module: string | undefined;
    if (arg === "--import") module = execArgv[++k];
    else if (arg.startsWith("--import=")) module = arg.slice("--import=".length);
    if (module === undefined || module === "tsx" || module.startsWith("tsx/")) continue;
    const isPath = module.startsWith(".") || isAbsolute(module);
    preloads.push(isPath ? pathToFileURL(resolve(cwd, module)).href : module);
  }
  return {
    execArgv: ["--conditions=source", "--import", "tsx"],
    workerData: { preloads },
  };
}

/**
 * In a pool's worker thread, load the preloads its pool passed (see {@link sourceWorkerOptions}),
 * synchronously, before the first task; nothing elsewhere.
 */
export function requireWorkerPreloads(): void {
  if (!isWorkerThread) return;
  const preloads = (workerData as { preloads?: unknown } | undefined)?.preloads;
  if (!Array.isArray(preloads)) return;
  const require = createRequire(import.meta.url);
  for (const module of preloads) {
    const name = String(module);
    require(name.startsWith("file:") ? fileURLToPath(name) : name);
  }
}

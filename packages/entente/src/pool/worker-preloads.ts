// Plug-ins in worker threads. A model registered by a module preloaded with `node --import`
// must be known to the worker threads too. Built workers inherit `--import`; from sources a
// worker's `.ts` preload fails (the TypeScript loader's import hooks are not active in a worker
// thread, only its require hooks), so the pools hand their workers the list and the workers
// require it.
import { createRequire } from "node:module";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isWorkerThread, workerData } from "piscina";

/** Node's arguments for a worker thread that runs `.ts` sources: the loader and `source`. */
export const SOURCE_WORKER_EXEC_ARGV = ["--conditions=source", "--import", "tsx"];

/**
 * The modules this process preloaded with `--import`, other than the TypeScript loader, as
 * URLs (paths are resolved against the working directory): what {@link importWorkerPreloads}
 * imports in a worker, given to it as the pool's `workerData`.
 */
export function workerPreloads(
  execArgv: readonly string[] = process.execArgv,
  cwd: string = process.cwd(),
): { preloads: string[] } {
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
  return { preloads };
}

/**
 * In a pool's worker thread, load the preloads its pool passed (see {@link workerPreloads}),
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

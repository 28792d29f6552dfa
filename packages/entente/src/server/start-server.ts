import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { closeSimulationPools } from "../pool/run-simulation.ts";
import type { EntenteApp } from "./create-app.ts";

/** A listening server; `close` stops it, its simulations and their worker threads. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:8080` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Whether `host` is a loopback address or name (the server is then reachable only locally). */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Listen on `host:port` (port 0: any free port) with `app`. Rejects with a readable message
 * when the port is taken or the address cannot be used.
 */
export async function startServer(
  app: EntenteApp,
  options: { host: string; port: number },
): Promise<RunningServer> {
  const { host, port } = options;
  if (!Number.isSafeInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port: expected a whole number from 0 to 65535, got ${port}`);
  }
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host }) as Server;
  // A request body that stalls must not hold a connection forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      const reason =
        e.code === "EADDRINUSE"
          ? "the port is in use (try another --port)"
          : e.code === "EACCES"
            ? "permission denied (ports below 1024 need privileges)"
            : e.code === "EADDRNOTAVAIL"
              ? "this machine has no such address"
              : e.message;
      reject(new Error(`cannot listen on ${host}:${port}: ${reason}`));
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
  const bound = (server.address() as AddressInfo).port;
  const shown = host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${bound}`,
    port: bound,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await app.close();
        // Event streams end once they have sent their run's end (app.close() ended the runs);
        // whatever is still open after a second is cut.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([stopped, new Promise((r) => (timer = setTimeout(r, 1000)))]);
        clearTimeout(timer);
        server.closeAllConnections();
        await stopped;
        await closeSimulationPools();
      })();
      return closing;
    },
  };
}

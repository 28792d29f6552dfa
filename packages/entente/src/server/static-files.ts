import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono, MiddlewareHandler } from "hono";
import { ApiError } from "./api-error.ts";

/**
 * The web UI's build, `packages/web/dist`, found from this file in a checkout (src/ or dist/).
 * Undefined when it has not been built (the web package does not exist yet).
 */
export function defaultWebDir(): string | undefined {
  const dir = fileURLToPath(new URL("../../../web/dist", import.meta.url));
  return existsSync(join(dir, "index.html")) ? dir : undefined;
}

/**
 * Headers that make pages cross-origin isolated, so the web UI can use SharedArrayBuffer for
 * workers: sent on every response that is not under /api.
 */
export const isolationHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.req.path.startsWith("/api/") && c.req.path !== "/openapi.json") {
    c.res.headers.set("Cross-Origin-Opener-Policy", "same-origin");
    c.res.headers.set("Cross-Origin-Embedder-Policy", "require-corp");
    c.res.headers.set("Cross-Origin-Resource-Policy", "same-origin");
  }
};

/**
 * Serve the web UI from `dir`: files as they are, and `index.html` for any other path outside
 * /api (the UI routes in the browser). Without a `dir`, such paths answer 404 saying so.
 */
export function mountWebUi(app: Hono, dir: string | undefined): void {
  if (dir === undefined) {
    app.get("*", (c) => {
      if (c.req.path.startsWith("/api/")) return c.notFound();
      throw new ApiError(404, [
        {
          path: "(web)",
          message:
            "the web UI is not part of this build (packages/web/dist is missing); the API is under /api and described at /openapi.json",
        },
      ]);
    });
    return;
  }
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new RangeError(`web UI folder: ${dir} is not a folder`);
  }
  const files = serveStatic({ root: dir });
  const index = serveStatic({ root: dir, path: "index.html" });
  app.get("*", async (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    const served = await files(c, async () => {});
    if (served) return served;
    return index(c, next);
  });
}

import { models } from "@entente/core";
import { Hono } from "hono";
import type { AppDeps } from "../app-deps.ts";

/** The version the API reports (the package's). */
export const API_VERSION = "0.1.0";

/** `GET /health` and `GET /models`. */
export function metaRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/health", (c) =>
    c.json({ status: "ok", version: API_VERSION, store: deps.store.dialect }),
  );
  app.get("/models", (c) =>
    c.json({
      models: models.map((m) => ({
        id: m.id,
        label: m.label,
        reference: m.reference,
        dynamic: m.dynamic,
        fast: m.fast ?? false,
        params: m.params,
        presets: m.presets ?? {},
      })),
    }),
  );
  return app;
}

import { models } from "@entente/core";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { jsonResponse } from "../schemas.ts";

/** The version the API reports (the package's). */
export const API_VERSION = "0.1.0";

/** Where simulations run: this process, or the Redis queue (up with its workers, or down). */
const QueueHealthSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("in-process") }),
    z.object({
      kind: z.literal("redis"),
      status: z.literal("up"),
      workers: z.number().int().describe("`entente worker` processes listening"),
    }),
    z.object({
      kind: z.literal("redis"),
      status: z.literal("down"),
      message: z.string().describe("Why, and that simulations run in this process meanwhile"),
    }),
  ])
  .openapi("QueueHealth");

/** Whether the server is up, its version, its database and its queue. */
export const Health = z
  .object({
    status: z
      .enum(["ok", "degraded"])
      .describe("`degraded` while the Redis queue is down (simulations then run in this process)"),
    version: z.string(),
    store: z.enum(["sqlite", "postgres"]),
    queue: QueueHealthSchema,
  })
  .openapi("Health");

/** A model with its reference, parameters and presets. */
export const ModelInfo = z
  .object({
    id: z.string(),
    label: z.string(),
    reference: z.string(),
    dynamic: z.boolean(),
    fast: z.boolean(),
    params: z
      .array(
        z.object({
          name: z.string(),
          description: z.string(),
          kind: z.enum(["number", "integer", "boolean", "enum"]),
          default: z.union([z.number(), z.boolean(), z.string()]),
          min: z.number().optional(),
          max: z.number().optional(),
          values: z.array(z.string()).readonly().optional(),
        }),
      )
      .readonly(),
    presets: z.record(z.string(), z.record(z.string(), z.unknown())),
  })
  .openapi("ModelInfo");

/** `GET /health` and `GET /models`. */
export function metaRoutes(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(
    createRoute({
      method: "get",
      path: "/health",
      operationId: "health",
      summary: "Whether the server is up, its version, its database and its queue",
      responses: { 200: jsonResponse(Health, "The server is up") },
    }),
    async (c) => {
      const queue = deps.queue ? await deps.queue.read() : { kind: "in-process" as const };
      const status: "ok" | "degraded" =
        "status" in queue && queue.status === "down" ? "degraded" : "ok";
      return c.json(
        {
          status: status as "ok" | "degraded",
          version: API_VERSION,
          store: deps.store.dialect,
          queue,
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/models",
      operationId: "listModels",
      summary: "Every model with its reference, parameters and presets",
      responses: { 200: jsonResponse(z.object({ models: z.array(ModelInfo) }), "The models") },
    }),
    (c) =>
      c.json(
        {
          models: models.map((m) => ({
            id: m.id,
            label: m.label,
            reference: m.reference,
            dynamic: m.dynamic,
            fast: m.fast ?? false,
            params: m.params,
            presets: m.presets ?? {},
          })),
        },
        200,
      ),
  );
  return app;
}

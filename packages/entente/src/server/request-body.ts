import type { Context } from "hono";
import { ApiError } from "./api-error.ts";

/** Largest request body accepted, in bytes, unless the app is given another limit. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The request's JSON body as a plain object; `{}` when the body is empty. A body that is not
 * `application/json` is refused with 415 (so that a web page elsewhere cannot post a form to
 * the local server), invalid JSON or a non-object with 400.
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, [
      {
        path: "(body)",
        message: `expected Content-Type: application/json, got ${type ? JSON.stringify(type) : "none"}`,
      },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const reason = (e as Error).message.replace(/^JSON\.parse: /, "");
    throw new ApiError(400, [{ path: "(body)", message: `invalid JSON: ${reason}` }]);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ApiError(400, [
      {
        path: "(body)",
        message: `expected a JSON object, got ${Array.isArray(value) ? "a list" : JSON.stringify(value)}`,
      },
    ]);
  }
  return value as Record<string, unknown>;
}

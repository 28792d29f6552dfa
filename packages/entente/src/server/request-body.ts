import { createMiddleware } from "hono/factory";
import { ApiError } from "./api-error.ts";

/** Largest request body accepted, in bytes, unless the app is given another limit. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The rules for a JSON body, before the route's schema checks it: an empty body is `{}`; any
 * other must be sent as `application/json` (else 415, so that a web page elsewhere cannot post a
 * form to the local server) and be a JSON object (else 400). The route's validator then reads
 * the request as that JSON, whatever Content-Type it came with.
 */
export const jsonObjectBody = createMiddleware(async (c, next) => {
  const text = await c.req.text();
  const empty = text.trim() === "";
  if (!empty) checkJsonObject(text, c.req.header("content-type") ?? "");
  const headers = new Headers(c.req.raw.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  c.req.raw = new Request(c.req.url, {
    method: c.req.method,
    headers,
    body: empty ? "{}" : text,
    signal: c.req.raw.signal,
  });
  c.req.bodyCache = {};
  await next();
});

/** Refuse a body that is not JSON (415), not valid JSON or not an object (400). */
function checkJsonObject(text: string, type: string): void {
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
}

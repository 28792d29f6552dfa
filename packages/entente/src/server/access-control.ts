import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { ApiError } from "./api-error.ts";

/** Host names a server bound to a loopback address answers to. */
export const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"] as const;

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * With a token, every request that can change something (not GET, HEAD or OPTIONS) needs
 * `Authorization: Bearer <token>`; otherwise 401. Without a token, nothing is checked.
 */
export function requireToken(token: string | undefined): MiddlewareHandler {
  if (token === undefined) return async (_c, next) => next();
  checkToken(token);
  const expected = digest(token);
  return async (c, next) => {
    if (READ_METHODS.has(c.req.method)) return next();
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match || !timingSafeEqual(digest(match[1] as string), expected)) {
      throw new ApiError(
        401,
        [
          {
            path: "(auth)",
            message: match
              ? "wrong token"
              : "this server needs Authorization: Bearer <token> (the ENTENTE_TOKEN it was started with) for changes",
          },
        ],
        { "WWW-Authenticate": 'Bearer realm="entente"' },
      );
    }
    return next();
  };
}

/**
 * Answer only requests whose Host is one of `hosts` (any port): a server on the loopback
 * address is then out of reach of web pages that rebind their own name to 127.0.0.1.
 */
export function requireHost(hosts: readonly string[] | undefined): MiddlewareHandler {
  if (hosts === undefined) return async (_c, next) => next();
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  return async (c, next) => {
    const host = (c.req.header("host") ?? new URL(c.req.url).host).toLowerCase();
    const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0];
    if (!allowed.has(name ?? "")) {
      throw new ApiError(403, [
        {
          path: "(host)",
          message: `this server answers to ${[...allowed].join(", ")}, not ${JSON.stringify(host)}`,
        },
      ]);
    }
    return next();
  };
}

/** Refuse a token too short to be a secret (RangeError naming its length). */
export function checkToken(token: string): void {
  if (token.length < 8) {
    throw new RangeError(`token: expected at least 8 characters, got ${token.length}`);
  }
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

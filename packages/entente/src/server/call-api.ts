import type { Hono } from "hono";

/** What {@link callApi} returns: the status, the headers and the body (JSON when it is JSON). */
export interface ApiAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field in tests
  body: any;
  text: string;
}

/**
 * Call `app` in-process (no socket) as a client would: `body` is sent as JSON unless it is a
 * string, which is sent as given. For tests and scripts.
 */
export async function callApi(
  app: Hono,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers = { "content-type": "application/json", ...headers };
  }
  const response = await app.request(path, init);
  const text = await response.text();
  const isJson = /json/.test(response.headers.get("content-type") ?? "");
  return {
    status: response.status,
    headers: response.headers,
    body: isJson && text ? JSON.parse(text) : text,
    text,
  };
}

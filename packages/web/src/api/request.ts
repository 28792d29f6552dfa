/**
 * The workbench's only door to the server: one JSON request to the `entente serve` API, retried
 * while the server is busy, with every non-2xx answer thrown as an {@link ApiRequestError}.
 * @module
 */
import { ApiRequestError, isApiErrorBody } from "./api-request-error.ts";

/** Times a request refused with 503 and `Retry-After` (the server is busy) is tried again. */
const BUSY_RETRIES = 3;

/**
 * One JSON request to the server: `body` (when given) is sent as JSON; the answer is parsed as
 * JSON, and any non-2xx answer is thrown as an {@link ApiRequestError} whose message joins the
 * server's `{errors: [{path, message}]}`. A 503 with `Retry-After` (the server refused the work
 * before starting it) is tried again after the time it names, up to {@link BUSY_RETRIES} times.
 * `T` is the answer's wire type (from `entente/wire-types`); it is not checked at run time.
 * @example
 * const { models } = await request<ModelList>("GET", "/api/models");
 */
export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: "application/json" } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, "content-type": "application/json" };
  }
  let response = await fetch(url, init);
  for (let retry = 0; retry < BUSY_RETRIES && response.status === 503; retry++) {
    const header = response.headers.get("retry-after");
    const seconds = header === null || header.trim() === "" ? Number.NaN : Number(header);
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > 30) break;
    await response.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    response = await fetch(url, init);
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {
    // not JSON: keep the text for the message
  }
  if (!response.ok) throw new ApiRequestError(response.status, failure(response, parsed), parsed);
  return parsed as T;
}

/** The message of a failed answer: the status, then the server's problems, its text or the status text. */
function failure(response: Response, parsed: unknown): string {
  const message = isApiErrorBody(parsed)
    ? parsed.errors.map((e) => `${e.path ? `${e.path}: ` : ""}${e.message ?? ""}`).join("; ")
    : typeof parsed === "string" && parsed !== ""
      ? parsed
      : response.statusText;
  return `${response.status}: ${message}`;
}

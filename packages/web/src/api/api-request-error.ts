/**
 * A request to `entente serve` that failed, as the workbench throws it: the HTTP status, a
 * readable message, and the server's error body (the server's own type, `ApiErrorBody`).
 * @module
 */
import type { ApiErrorBody, ApiErrorItem } from "entente/wire-types";

/**
 * A failed request: the HTTP status, a readable message and, when the server sent one, its
 * `{ errors: [{ path, line?, col?, message }] }` body. (The server's own `ApiError` is what its
 * routes throw; this is what the client throws on receiving the answer.)
 * @example
 * try { await scenarioApi.saveScenario(id, draft, base); }
 * catch (e) { if (e instanceof ApiRequestError && e.status === 409) reload(); }
 */
export class ApiRequestError extends Error {
  override name = "ApiRequestError";
  readonly status: number;
  /** The answer's body: parsed JSON (an {@link ApiErrorBody} from the server), text, or null. */
  readonly body: unknown;
  constructor(status: number, message: string, body: unknown) {
    super(message);
    this.status = status;
    this.body = body;
  }
  /** The problems the server listed (every field error of a 400; empty when it sent none). */
  get errors(): ApiErrorItem[] {
    return isApiErrorBody(this.body) ? this.body.errors : [];
  }
}

/** Whether a parsed answer is the server's error body (`{ errors: [...] }`). */
export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  return (
    typeof body === "object" &&
    body !== null &&
    Array.isArray((body as Partial<ApiErrorBody>).errors)
  );
}

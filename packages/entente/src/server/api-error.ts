/**
 * The one error shape every route answers with: `{ errors: [{ path, line?, col?, message }] }`,
 * the same path-and-message problems the CLI prints (with line and column for scenario text).
 * @module
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Diagnostic } from "../io/diagnostic.ts";

/** One problem: where (a path into the body or the scenario, or a `(…)` word) and what. */
export interface ApiErrorItem {
  /** e.g. `stances.3.salience`, `baseRevision`, or `(body)`, `(syntax)`, `(scenario)`, `(run)`. */
  path: string;
  /** 1-based line in the submitted scenario text, when the problem is in it. */
  line?: number;
  /** 1-based column in the submitted scenario text, when the problem is in it. */
  col?: number;
  message: string;
}

/** Thrown by route code for an expected failure; turned into a JSON response by the app. */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: ContentfulStatusCode;
  readonly errors: ApiErrorItem[];
  readonly headers: Record<string, string>;
  constructor(
    status: ContentfulStatusCode,
    errors: ApiErrorItem[] | string,
    headers: Record<string, string> = {},
  ) {
    const items = typeof errors === "string" ? [{ path: "(request)", message: errors }] : errors;
    super(items.map((e) => `${e.path}: ${e.message}`).join("; "));
    this.status = status;
    this.errors = items;
    this.headers = headers;
  }
}

/** A 400 with one problem at `path`. */
export function badRequest(path: string, message: string): ApiError {
  return new ApiError(400, [{ path, message }]);
}

/** A CLI diagnostic as an API error item (the file name is dropped: it is the request). */
export function fromDiagnostic(d: Diagnostic): ApiErrorItem {
  return { path: d.path, line: d.line, col: d.col, message: d.message };
}

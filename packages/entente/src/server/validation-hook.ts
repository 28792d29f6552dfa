/**
 * Where a request that fails its route's schemas (params, query or JSON body) becomes the API's
 * error: a 400 with every problem, each at its path into the body or query.
 * @module
 */
import type { Hook } from "@hono/zod-openapi";
import type { BlankEnv } from "hono/types";
import type { z } from "zod";
import { ApiError, type ApiErrorItem } from "./api-error.ts";

/** The app's `defaultHook`: throw the problems of a request its route's schemas refuse. */
export const rejectInvalid: Hook<unknown, BlankEnv, string, undefined> = (result) => {
  if (!result.success) throw new ApiError(400, validationProblems(result.error));
  return undefined;
};

/**
 * The problems zod found, as error items: the path joined with "." (`models.0`,
 * `thresholds.ceasefire`) and the schema's message; one item per unknown field, named.
 */
function validationProblems(error: z.ZodError): ApiErrorItem[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({
          path: pathOf([...issue.path, key]),
          message: `unknown field "${key}"; ${issue.message}`,
        }))
      : [{ path: pathOf(issue.path), message: issue.message }],
  );
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.length > 0 ? path.map(String).join(".") : "(body)";
}

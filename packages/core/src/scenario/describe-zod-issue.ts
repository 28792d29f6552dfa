import type { z } from "zod";
import { allowedKeys } from "./allowed-keys.ts";
import { getAt, isRec } from "./raw-document.ts";
import { show } from "./show.ts";
import { estimateBranch, PREDICATE_BRANCHES, predicateBranch } from "./union-branch.ts";
import type { Path, ValidationIssue } from "./validation-issue.ts";

type ZodIssue = z.core.$ZodIssue;

/**
 * A zod issue as plain messages: for a union, the errors of the option the value evidently
 * means; for unknown fields, one issue per field with the fields allowed there.
 */
export function describeZodIssue(
  issue: ZodIssue,
  root: unknown,
  base: Path = [],
): ValidationIssue[] {
  const path = [...base, ...(issue.path as Array<string | number>)];
  const value = getAt(root, path);
  switch (issue.code) {
    case "invalid_union": {
      if (value === undefined) return [missing(path)];
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
      if (discriminator !== undefined) {
        const allowed = (options ?? []).map((o) => JSON.stringify(o)).join(", ");
        return [
          {
            path,
            message: `expected ${discriminator} to be one of ${allowed}, got ${show(value)}`,
          },
        ];
      }
      // An Estimate or a Predicate: pick the branch the user evidently meant from the value.
      const predicate = issue.errors.length === PREDICATE_BRANCHES;
      const branch = predicate ? predicateBranch(value) : estimateBranch(value);
      const errors = branch === undefined ? undefined : issue.errors[branch];
      if (errors && (predicate || issue.errors.length === 3)) {
        return errors.flatMap((e) => describeZodIssue(e, root, path));
      }
      const keys = isRec(value) ? Object.keys(value) : [];
      const got =
        predicate && isRec(value)
          ? keys.length > 0
            ? `a mapping of ${keys.join(", ")}`
            : "an empty mapping"
          : show(value);
      return [{ path, message: `${predicate ? PREDICATE_FORMS : ESTIMATE_FORMS}, got ${got}` }];
    }
    case "unrecognized_keys": {
      const allowed = allowedKeys(path, root);
      return issue.keys.map((key) => ({
        path: [...path, key],
        at: "key" as const,
        message: `unknown field "${key}"${allowed ? `; allowed: ${allowed.join(", ")}` : ""}`,
      }));
    }
    case "invalid_type": {
      if (value === undefined) return [missing(path)];
      return [{ path, message: `expected ${article(issue.expected)}, got ${show(value)}` }];
    }
    default:
      return [{ path, message: `${stripPrefix(issue.message)}, got ${show(value)}` }];
  }
}

function missing(path: Path): ValidationIssue {
  return { path, message: `missing required field "${String(path[path.length - 1])}"` };
}

const ESTIMATE_FORMS =
  "expected a number, { value, low, high, sources, note }, or a list of { value, source, note }";

const PREDICATE_FORMS =
  "expected a condition: { issue, atLeast, atMost }, { agreement: <phase> }, { all: [ … ] }, { any: [ … ] } or { not: … }";

function stripPrefix(message: string): string {
  return message.replace(/^Invalid input: /, "").replace(/^Too small: /, "");
}

function article(type: string): string {
  if (type === "object") return "a mapping of fields";
  if (type === "array") return "a list";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

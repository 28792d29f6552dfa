/**
 * Small zod schemas for the fields of request bodies, query strings and paths. Each fails with
 * the message the API has always given (`expected a whole number ≥ 1, got 0`), so that a route's
 * declaration both checks its requests and describes them in the OpenAPI document.
 * @module
 */
import { show } from "@entente/core";
import { z } from "@hono/zod-openapi";

/**
 * A whole number in [min, max] (no upper bound without `max`): `expected a whole number ≥ 1,
 * got 0`, the bad value written by `got`.
 */
export function wholeNumber(min: number, max?: number, got: (value: unknown) => string = show) {
  const range = max === undefined ? `≥ ${min}` : `from ${min} to ${max}`;
  const schema = z.int({
    error: (issue) => `expected a whole number ${range}, got ${got(issue.input)}`,
  });
  return max === undefined ? schema.min(min) : schema.min(min).max(max);
}

/**
 * A whole number in [min, max] written in a query string or a path. Anything else stays the text
 * that was sent, so that the message shows it: `expected a whole number ≥ 1, got "abc"`.
 */
export function queryNumber(min: number, max?: number) {
  const schema = wholeNumber(min, max, (value) => JSON.stringify(value));
  return z.preprocess((value) => {
    const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : Number.NaN;
    return schema.safeParse(n).success ? n : value;
  }, schema);
}

/** One of `values`: `expected one of yaml, json, got "toml"`. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => `expected one of ${values.join(", ")}, got ${show(issue.input)}`,
  });
}

/** true or false: `expected true or false, got "yes"`. */
export function flag() {
  return z.boolean({ error: (issue) => `expected true or false, got ${show(issue.input)}` });
}

/** A flag in a query string: `?deleted`, `=true` or `=1` is true, `=false` or `=0` false. */
export function queryFlag() {
  return z.preprocess(
    (value) =>
      value === "" || value === "true" || value === "1"
        ? true
        : value === "false" || value === "0"
          ? false
          : value,
    flag(),
  );
}

/**
 * Text, of at most `maxLength` characters when given: `expected text of at most 200 characters,
 * got 7`; `missing` is the message when the field is left out, if it needs its own.
 */
export function text(maxLength?: number, missing?: string) {
  const limit = maxLength === undefined ? "" : ` of at most ${maxLength} characters`;
  const schema = z.string({
    error: (issue) =>
      issue.input === undefined && missing !== undefined
        ? missing
        : `expected text${limit}, got ${show(issue.input)}`,
  });
  return maxLength === undefined ? schema : schema.max(maxLength);
}

/**
 * An object of exactly these fields. Any other field is refused; the validation hook reports each
 * as `unknown field "x"; allowed: a, b, c` (this schema's message is the `allowed: …` part).
 */
export function fields<const T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `allowed: ${Object.keys(shape).join(", ")}` : undefined,
  });
}

/** Model or analysis parameters: an object of numbers, true/false or text. */
export function paramValues() {
  const value = z.union([z.number(), z.boolean(), z.string()], {
    error: (issue) => `expected a number, true/false or text, got ${JSON.stringify(issue.input)}`,
  });
  return z.record(z.string(), value, {
    error: (issue) => `expected an object of parameter values, got ${JSON.stringify(issue.input)}`,
  });
}

/**
 * `schema`, with any problem inside it reported once, at the value itself, as `message(value)`:
 * `thresholds.ceasefire: expected a list of numbers, got [1,"x"]` rather than at the element.
 */
export function asAWhole<T extends z.ZodType>(schema: T, message: (value: unknown) => string) {
  return z.preprocess((value, ctx) => {
    if (!schema.safeParse(value).success) {
      ctx.issues.push({ code: "custom", message: message(value), input: value });
    }
    return value;
  }, schema);
}

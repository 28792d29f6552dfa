/**
 * Checks for the fields of request bodies and query strings, each failing with a 400 that
 * names the field and the bad value.
 * @module
 */
import { show } from "@entente/core";
import { ApiError, badRequest } from "./api-error.ts";

/** Refuse fields other than `allowed`, all of them at once. */
export function onlyFields(body: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw new ApiError(
      400,
      unknown.map((k) => ({
        path: k,
        message: `unknown field "${k}"; allowed: ${allowed.join(", ")}`,
      })),
    );
  }
}

/** A whole number in [min, max], or undefined when absent. */
export function optionalInteger(
  value: unknown,
  path: string,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw badRequest(path, `expected a whole number ${range}, got ${show(value)}`);
  }
  return value;
}

/** A whole number from a query parameter (text) in [min, max], or undefined when absent. */
export function queryInteger(
  value: string | undefined,
  path: string,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw badRequest(path, `expected a whole number ${range}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** A string of at most `maxLength` characters, or undefined when absent. */
export function optionalString(
  value: unknown,
  path: string,
  maxLength: number,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length > maxLength) {
    throw badRequest(path, `expected text of at most ${maxLength} characters, got ${show(value)}`);
  }
  return value;
}

/** A boolean, or `fallback` when absent. */
export function optionalBoolean(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean")
    throw badRequest(path, `expected true or false, got ${show(value)}`);
  return value;
}

/** One of `choices`, or undefined when absent. */
export function optionalChoice<T extends string>(
  value: unknown,
  path: string,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !choices.includes(value as T)) {
    throw badRequest(path, `expected one of ${choices.join(", ")}, got ${show(value)}`);
  }
  return value as T;
}

/** `params`: an object of model or analysis parameters: numbers, booleans or text. */
export function paramValues(
  value: unknown,
  path = "params",
): Record<string, string | number | boolean> {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw badRequest(path, `expected an object of parameter values, got ${JSON.stringify(value)}`);
  }
  const out: Record<string, string | number | boolean> = {};
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
      throw badRequest(
        `${path}.${name}`,
        `expected a number, true/false or text, got ${JSON.stringify(v)}`,
      );
    }
    out[name] = v;
  }
  return out;
}

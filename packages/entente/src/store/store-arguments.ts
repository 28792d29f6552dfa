/**
 * The checks a store makes of its arguments before touching the database: each throws a
 * RangeError naming the argument and the value it got.
 * @module
 */
import { type NewRevision, RUN_STATUSES, type RunStatus, SCENARIO_FORMATS } from "./records.ts";

/** An id: a non-empty string of at most 200 characters. */
export function checkId(what: string, id: unknown): void {
  if (typeof id !== "string" || id.length === 0 || id.length > 200) {
    throw new RangeError(
      `${what}: expected a non-empty string of at most 200 characters, got ${JSON.stringify(id)}`,
    );
  }
}

/** A revision number: a whole number ≥ 1. */
export function checkRevisionNumber(what: string, n: unknown): void {
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`${what}: expected a whole number ≥ 1, got ${JSON.stringify(n)}`);
  }
}

/** A count (seed, progress): a whole number ≥ 0. */
export function checkCount(what: string, n: unknown): void {
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${what}: expected a whole number ≥ 0, got ${JSON.stringify(n)}`);
  }
}

/** One of the run statuses. */
export function checkStatus(status: unknown): void {
  if (!RUN_STATUSES.includes(status as RunStatus)) {
    throw new RangeError(
      `run status: expected one of ${RUN_STATUSES.join(", ")}, got ${JSON.stringify(status)}`,
    );
  }
}

/** A revision to save: a known format, its text, and a validated scenario with a title. */
export function checkRevisionInput(input: NewRevision): void {
  if (!SCENARIO_FORMATS.includes(input.format)) {
    throw new RangeError(
      `format: expected one of ${SCENARIO_FORMATS.join(", ")}, got ${JSON.stringify(input.format)}`,
    );
  }
  if (typeof input.text !== "string") {
    throw new RangeError(`text: expected the scenario's text, got ${typeof input.text}`);
  }
  if (typeof input.scenario?.title !== "string") {
    throw new RangeError("scenario: expected a validated scenario with a title");
  }
}

/**
 * Values read back from either database, made the same: SQLite returns JSON as text and times
 * as ISO text; PostgreSQL returns parsed JSON, Date objects and bigints as strings.
 * @module
 */

/** An ISO 8601 time from a text (SQLite) or Date (PostgreSQL) column. */
export function isoTime(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}

/** A nullable time column as ISO 8601, or null. */
export function isoTimeOrNull(value: string | Date | null): string | null {
  return value === null ? null : isoTime(value);
}

/**
 * A JSON column's value: parsed from text (SQLite) or as the driver parsed it (PostgreSQL).
 * Every JSON value the store writes is an object, an array or null, never a bare string.
 */
export function jsonValue(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

/** A whole number from an integer column (PostgreSQL returns bigint as a string). */
export function wholeNumber(value: number | string): number {
  return typeof value === "string" ? Number(value) : value;
}

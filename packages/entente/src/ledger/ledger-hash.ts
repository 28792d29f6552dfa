import { createHash } from "node:crypto";

/**
 * JSON with object keys in code-point order at every level and no spaces, so that one value has
 * one text (the idea of RFC 8785's canonical JSON; numbers as JavaScript writes them).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`cannot write ${String(value)} as JSON`);
  return text;
}

/**
 * A ledger record's hash: SHA-256 (hex) of its sequence number, the previous record's hash and
 * its body (the entry's canonical JSON), one per line. Changing any of the three — or the
 * order of the records — changes every hash from there on.
 */
export function recordHash(seq: number, prevHash: string, body: string): string {
  return createHash("sha256").update(`${seq}\n${prevHash}\n${body}`).digest("hex");
}

/** SHA-256 (hex) of a value's canonical JSON: a scenario's content hash. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

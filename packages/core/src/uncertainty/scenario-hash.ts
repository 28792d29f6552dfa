import { hashString } from "../random/stream.ts";
import type { Scenario } from "../scenario/schema.ts";

/** A canonical hash of the scenario (key order does not matter): part of every stream's path. */
export function scenarioHash(scenario: Scenario): number {
  return hashString(canonicalJson(scenario));
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

import { z } from "zod";
import { Scenario } from "./schema.ts";

/**
 * The scenario format as JSON Schema (draft 2020-12), for editors' autocompletion
 * (`# yaml-language-server: $schema=…`). Generated from the zod schema, so it cannot drift.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Scenario, { io: "input", unrepresentable: "any" }),
    title: "Entente scenario",
  };
}

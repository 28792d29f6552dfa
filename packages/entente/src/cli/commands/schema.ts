import { Command } from "@commander-js/extra-typings";
import { scenarioJsonSchema } from "@entente/core";
import type { CliIO } from "../io.ts";

/** `entente schema`: the scenario format as JSON Schema, for editors. */
export function schemaCommand(io: CliIO) {
  return new Command("schema")
    .description("print the scenario format as JSON Schema (for editor autocompletion)")
    .action(() => {
      io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}

import { Command } from "@commander-js/extra-typings";
import { formatDiagnostic, InputError } from "../../io/diagnostic.ts";
import { readScenario } from "../../io/read-scenario.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";

/** `entente validate <file…>`: check scenario files, printing every problem in every file. */
export function validateCommand(io: CliIO) {
  return new Command("validate")
    .description("check scenario files and report every problem as file:line:col path: message")
    .argument("<files...>", "scenario files (YAML or JSON)")
    .action(async (files) => {
      let bad = 0;
      for (const file of files) {
        try {
          const { scenario } = await readScenario(file);
          const stances = scenario.stances.length;
          io.stdout(
            `${file}: ok (${scenario.actors.length} actors, ${scenario.issues.length} issue${scenario.issues.length === 1 ? "" : "s"}, ${stances} stances)\n`,
          );
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          bad++;
          for (const d of e.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
        }
      }
      if (bad > 0) {
        throw new CliError(`${bad} of ${files.length} files invalid`, EXIT.invalidInput);
      }
    });
}

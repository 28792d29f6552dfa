/**
 * `entente serve` as a process of its own, for tests and scripts that start the real server
 * (`node --conditions=source --import tsx packages/entente/src/server/serve-main.ts --port 0`).
 * Exit codes as the CLI's: 0 after a clean stop, 1 failure, 2 bad options.
 * @module
 */
import { CommanderError } from "@commander-js/extra-typings";
import { serveCommand } from "../cli/commands/serve.ts";
import { CliError, EXIT } from "../cli/io.ts";

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
};

try {
  await serveCommand(io)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .parseAsync(process.argv.slice(2), { from: "user" });
  process.exitCode = EXIT.ok;
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
  } else if (e instanceof CliError) {
    io.stderr(`entente: ${e.message}\n`);
    process.exitCode = e.exitCode;
  } else {
    io.stderr(`entente: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = EXIT.failure;
  }
}

import { Command, CommanderError } from "@commander-js/extra-typings";
import { formatDiagnostic, InputError } from "../io/diagnostic.ts";
import { VERSION } from "../version.ts";
import { backtestCommand } from "./commands/backtest.ts";
import { calibrateCommand } from "./commands/calibrate.ts";
import { dealsCommand } from "./commands/deals.ts";
import { draftCommand } from "./commands/draft.ts";
import { forecastCommand } from "./commands/forecast.ts";
import { importCommand } from "./commands/import.ts";
import { ledgerCommand } from "./commands/ledger.ts";
import { mergeCommand } from "./commands/merge.ts";
import { modelsCommand } from "./commands/models.ts";
import { pullCommand } from "./commands/pull.ts";
import { pushCommand } from "./commands/push.ts";
import { reportCommand } from "./commands/report.ts";
import { runCommand } from "./commands/run.ts";
import { schemaCommand } from "./commands/schema.ts";
import { serveCommand } from "./commands/serve.ts";
import { simulateCommand } from "./commands/simulate.ts";
import { validateCommand } from "./commands/validate.ts";
import { workerCommand } from "./commands/worker.ts";
import { CliError, type CliIO, EXIT } from "./io.ts";

/** The `entente` command with every subcommand, writing to `io`. */
export function createProgram(io: CliIO): Command {
  const program = new Command("entente")
    .description("Forecast multi-party negotiations with published collective-decision models.")
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)");
  const commands = [
    forecastCommand,
    runCommand,
    modelsCommand,
    simulateCommand,
    mergeCommand,
    dealsCommand,
    reportCommand,
    serveCommand,
    workerCommand,
    backtestCommand,
    calibrateCommand,
    ledgerCommand,
    importCommand,
    draftCommand,
    pushCommand,
    pullCommand,
    validateCommand,
    schemaCommand,
  ];
  for (const make of commands) {
    program.addCommand(make(io) as unknown as Command);
  }
  const configure = (cmd: Command) => {
    cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    for (const sub of cmd.commands) configure(sub as Command);
  };
  configure(program);
  return program;
}

/**
 * Run `entente` with the given arguments and return the exit code: 0 ok, 1 failure,
 * 2 invalid input (bad scenario, bad option). Expected errors never print a stack trace;
 * set ENTENTE_DEBUG=1 to see one for internal errors.
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  try {
    await createProgram(io).parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return EXIT.ok;
      if (e.code === "commander.help") return EXIT.ok;
      return EXIT.invalidInput; // commander has already printed the message
    }
    if (e instanceof InputError) {
      for (const d of e.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
      return EXIT.invalidInput;
    }
    if (e instanceof CliError) {
      io.stderr(`entente: ${e.message}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    io.stderr(`entente: internal error: ${err?.message ?? String(e)}\n`);
    if (process.env.ENTENTE_DEBUG) io.stderr(`${err?.stack ?? ""}\n`);
    return EXIT.failure;
  }
}

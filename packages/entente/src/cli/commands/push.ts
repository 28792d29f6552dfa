import { Command } from "@commander-js/extra-typings";
import { formatDiagnostic, InputError } from "../../io/diagnostic.ts";
import { readInputFile } from "../../io/read-input-file.ts";
import { parseScenario } from "../../io/read-scenario.ts";
import { CliError, type CliIO, EXIT } from "../io.ts";
import { callServer, type ServerAnswer, serverMessage, serverUrl } from "../server-client.ts";

/**
 * `entente push <file>`: save a scenario file on a server as the scenario's next revision (or
 * as revision 1 of a new scenario), exactly as written, so that teams can keep scenarios in git
 * and in the workbench. Checked locally first; an unchanged file adds no revision.
 */
export function pushCommand(io: CliIO, env: NodeJS.ProcessEnv = process.env) {
  return new Command("push")
    .description("save a scenario file on an `entente serve` server as a new revision")
    .argument("<file>", "the scenario file (YAML or JSON)")
    .option("--server <url>", "the server (default: $ENTENTE_SERVER, else http://127.0.0.1:8080)")
    .option("-m, --message <text>", "what changed, shown in the revision history")
    .option("--author <name>", "who saved it")
    .option(
      "--base <n>",
      "the revision your file is based on: refuse (409) if someone saved since (default: the latest)",
    )
    .action(async (file, options) => {
      const server = serverUrl(options.server, env);
      // Read once: the bytes are checked as `entente validate` checks them and sent as they are.
      const bytes = await readInputFile(file, "a YAML or JSON scenario file");
      const parsed = parseScenario(bytes, file);
      if ("diagnostics" in parsed) throw new InputError(parsed.diagnostics);
      const { scenario } = parsed;
      const text = new TextDecoder().decode(bytes);
      const id = scenario.id;
      const meta = {
        ...(options.message === undefined ? {} : { message: options.message }),
        ...(options.author === undefined ? {} : { author: options.author }),
      };
      const current = await callServer(
        server,
        "GET",
        `/api/scenarios/${encodeURIComponent(id)}`,
        env,
      );
      let answer: ServerAnswer;
      if (current.status === 404) {
        answer = await callServer(server, "POST", "/api/scenarios", env, { text, ...meta });
      } else if (current.status === 200) {
        const latest = current.body as { revision: number; text: string };
        if (latest.text === text) {
          io.stdout(
            `${file}: unchanged; ${id} stays at revision ${latest.revision} on ${server}\n`,
          );
          return;
        }
        let base = latest.revision;
        if (options.base !== undefined) {
          base = Number(options.base);
          if (!Number.isInteger(base) || base < 1) {
            throw new CliError(
              `--base: expected a revision number ≥ 1, got "${options.base}"`,
              EXIT.invalidInput,
            );
          }
        }
        answer = await callServer(server, "PUT", `/api/scenarios/${encodeURIComponent(id)}`, env, {
          text,
          baseRevision: base,
          ...meta,
        });
      } else {
        throw new CliError(`${server}: ${serverMessage(current.body)}`);
      }
      if (answer.status === 400) {
        // The server checks as `entente validate` does; name the file as the user knows it.
        const errors = (answer.body as { errors?: Array<Record<string, unknown>> }).errors ?? [];
        throw new CliError(
          errors
            .map((e) =>
              formatDiagnostic({
                file,
                line: Number(e.line ?? 1),
                col: Number(e.col ?? 1),
                path: String(e.path ?? ""),
                message: String(e.message ?? ""),
              }),
            )
            .join("\n"),
          EXIT.invalidInput,
        );
      }
      if (answer.status === 409) {
        throw new CliError(`${file}: not pushed: ${serverMessage(answer.body)}`, EXIT.failure);
      }
      if (answer.status !== 200 && answer.status !== 201) {
        throw new CliError(`${server} answered ${answer.status}: ${serverMessage(answer.body)}`);
      }
      const saved = answer.body as { scenarioId: string; revision: number };
      io.stdout(
        `${file}: saved as revision ${saved.revision} of ${saved.scenarioId} on ${server}${answer.status === 201 ? " (new scenario)" : ""}\n`,
      );
    });
}

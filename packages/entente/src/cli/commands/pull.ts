import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Command } from "@commander-js/extra-typings";
import { CliError, type CliIO, EXIT } from "../io.ts";
import { callServer, serverMessage, serverUrl } from "../server-client.ts";

/**
 * `entente pull <id>`: write a scenario's latest (or `--revision n`) revision from a server as
 * YAML, exactly as saved. An existing file is replaced only with --force, and then whole (a
 * temporary file renamed over it); one that already holds the same text is left alone.
 */
export function pullCommand(io: CliIO, env: NodeJS.ProcessEnv = process.env) {
  return new Command("pull")
    .description("write a scenario from an `entente serve` server as a YAML file")
    .argument("<id>", "the scenario's id")
    .option("--server <url>", "the server (default: $ENTENTE_SERVER, else http://127.0.0.1:8080)")
    .option("-r, --revision <n>", "which revision (default: the latest)")
    .option("-o, --output <file>", "where to write it (default: <id>.yaml; - for stdout)")
    .option("--force", "replace the output file if it exists")
    .action(async (id, options) => {
      const server = serverUrl(options.server, env);
      let query = "";
      if (options.revision !== undefined) {
        const n = Number(options.revision);
        if (!Number.isInteger(n) || n < 1) {
          throw new CliError(
            `--revision: expected a revision number ≥ 1, got "${options.revision}"`,
            EXIT.invalidInput,
          );
        }
        query = `?revision=${n}`;
      }
      const answer = await callServer(
        server,
        "GET",
        `/api/scenarios/${encodeURIComponent(id)}/export.yaml${query}`,
        env,
      );
      if (answer.status !== 200) {
        throw new CliError(
          `${server}: ${serverMessage(answer.body)}`,
          answer.status === 404 || answer.status === 400 ? EXIT.invalidInput : EXIT.failure,
        );
      }
      const output = options.output ?? `${id}.yaml`;
      if (output === "-") {
        io.stdout(answer.text);
        return;
      }
      const existing = await readFile(output, "utf8").catch(() => undefined);
      if (existing === answer.text) {
        io.stdout(
          `${output}: already up to date with ${id}${query ? ` revision ${options.revision}` : ""}\n`,
        );
        return;
      }
      if (existing !== undefined && options.force !== true) {
        throw new CliError(
          `${output} already exists and differs; use --force to replace it (nothing was written)`,
          EXIT.invalidInput,
        );
      }
      const temp = join(
        dirname(output),
        `.${basename(output)}.${randomBytes(4).toString("hex")}.tmp`,
      );
      try {
        await writeFile(temp, answer.text, { flag: "wx" });
        await rename(temp, output);
      } catch (e) {
        await rm(temp, { force: true });
        throw new CliError(`cannot write ${output}: ${(e as Error).message}`);
      }
      // The server names the file <id>-r<n>.yaml: say which revision was written.
      const disposition = answer.headers.get("content-disposition") ?? "";
      const revision = /-r(\d+)\.yaml/.exec(disposition)?.[1] ?? options.revision;
      io.stdout(
        `${output}: wrote ${id}${revision ? ` revision ${revision}` : ""} from ${server}\n`,
      );
    });
}

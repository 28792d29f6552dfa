import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { CliError, EXIT } from "./io.ts";

/** Refuse an output that is the input itself, a directory, or (without --force) any existing file. */
export async function checkOutput(output: string, input: string, force: boolean): Promise<void> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  if ((await real(output)) === (await real(input))) {
    throw new CliError(
      `refusing to write the scenario over its input file ${input}; choose another -o`,
      EXIT.invalidInput,
    );
  }
  const info = await stat(output).catch(() => undefined);
  if (info?.isDirectory()) {
    throw new CliError(`${output} is a directory; give -o a file name`, EXIT.invalidInput);
  }
  if (info && !force) {
    throw new CliError(
      `${output} already exists; use --force to replace it (nothing was written)`,
      EXIT.invalidInput,
    );
  }
}

/**
 * Write the scenario. Without --force the file is created exclusively (an existing file is
 * never touched, even one that appeared since the check); with --force it is written to a
 * temporary file beside it and renamed over it, so the old file is replaced whole or not at all.
 */
export async function writeOutput(output: string, text: string, force: boolean): Promise<void> {
  const fail = (e: unknown): never => {
    const code = (e as { code?: string }).code;
    if (code === "EEXIST") {
      throw new CliError(
        `${output} already exists; use --force to replace it (nothing was written)`,
        EXIT.invalidInput,
      );
    }
    const reason =
      code === "ENOENT"
        ? "no such directory"
        : code === "EACCES"
          ? "permission denied"
          : (e as Error).message;
    throw new CliError(`cannot write ${output}: ${reason}`, EXIT.failure);
  };
  if (!force) {
    await writeFile(output, text, { flag: "wx" }).catch(fail);
    return;
  }
  const temp = join(
    dirname(output),
    `.${basename(output)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    await writeFile(temp, text, { flag: "wx" });
    await rename(temp, output);
  } catch (e) {
    await rm(temp, { force: true });
    fail(e);
  }
}

/**
 * The `$schema` reference for a scenario written in `dir`: the path from there to the checkout's
 * `scenario.schema.json`, or its bare name when the CLI runs outside a checkout.
 */
export function schemaRef(dir: string): string {
  const schema = fileURLToPath(new URL("../../../../scenario.schema.json", import.meta.url));
  if (!existsSync(schema)) return "scenario.schema.json";
  const rel = relative(dir, schema);
  return rel.split(sep).join("/");
}

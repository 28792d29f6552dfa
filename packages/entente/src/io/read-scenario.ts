import { readFile, stat } from "node:fs/promises";
import { prepareScenario, type Scenario, type ScenarioData, validateScenario } from "@entente/core";
import { decodeText, MAX_SCENARIO_BYTES } from "./decode-text.ts";
import { byPosition, type Diagnostic, InputError } from "./diagnostic.ts";
import { parseLocated } from "./parse-document.ts";
import { describeFsError } from "./read-input-file.ts";

const SCENARIO_FILE = "a YAML or JSON scenario file";

/** A scenario read from a file and validated, with its numeric form ready for the models. */
export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  data: ScenarioData;
}

/**
 * Validate a scenario given as file contents. Returns the scenario or every problem found, each
 * located at `file:line:col`. Never throws for bad input.
 */
export function parseScenario(
  bytes: Uint8Array,
  file: string,
): { scenario: Scenario } | { diagnostics: Diagnostic[] } {
  const decoded = decodeText(bytes, file);
  if ("diagnostic" in decoded) return { diagnostics: [decoded.diagnostic] };
  const parsed = parseLocated(decoded.text, file);
  if ("diagnostics" in parsed) return { diagnostics: parsed.diagnostics.sort(byPosition) };
  const { document } = parsed;
  const result = validateScenario(document.value);
  if (result.ok) return { scenario: result.scenario };
  const diagnostics = result.issues.map((issue) => ({
    file,
    ...document.locate(issue.path, issue.at),
    path: issue.path.length > 0 ? issue.path.join(".") : "(document)",
    message: issue.message,
  }));
  return { diagnostics: diagnostics.sort(byPosition) };
}

/** Read, parse and validate a scenario file; throws {@link InputError} with every problem. */
export async function readScenario(file: string): Promise<LoadedScenario> {
  const fail = (message: string): never => {
    throw new InputError([{ file, line: 1, col: 1, path: "(file)", message }]);
  };
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) fail(`not a file; expected ${SCENARIO_FILE}`);
    size = info.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    return fail(describeFsError(e, SCENARIO_FILE));
  }
  if (size > MAX_SCENARIO_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    fail(`file is ${mb(size)}; scenario files are limited to ${mb(MAX_SCENARIO_BYTES)}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return fail(describeFsError(e, SCENARIO_FILE));
  }
  const result = parseScenario(bytes, file);
  if ("diagnostics" in result) throw new InputError(result.diagnostics);
  return { file, scenario: result.scenario, data: prepareScenario(result.scenario) };
}

import { validateScenario } from "@entente/core";
import { stringify as toYaml } from "yaml";
import { parseLocated } from "../io/parse-document.ts";
import { parseScenario } from "../io/read-scenario.ts";
import type { NewRevision, ScenarioFormat } from "../store/records.ts";
import { ApiError, type ApiErrorItem, fromDiagnostic } from "./api-error.ts";
import type { Submission } from "./routes/scenario-schemas.ts";

/** A checked scenario save: the revision to store and the revision it was based on. */
export interface ScenarioSubmission {
  revision: NewRevision;
  baseRevision: number | undefined;
}

/**
 * The revision a scenario save stores, from its checked body (`ScenarioSubmission` in
 * scenario-schemas.ts): text is checked exactly as `entente validate` checks a file, so problems
 * come with line and column; a scenario object is stored as JSON text, or as YAML with
 * `format: "yaml"`. `format` of text defaults to json when the text starts with `{`, else yaml.
 * Scenario problems have the CLI's paths (`stances.0.salience`). With `requireBase` (PUT),
 * `baseRevision` must be given. `urlId`, when given, must match the scenario's own `id`. Throws
 * {@link ApiError} 400 with every problem found.
 */
export function parseScenarioSubmission(
  submission: Submission,
  options: { requireBase: boolean; urlId?: string },
): ScenarioSubmission {
  let revision: NewRevision;
  let locate: (path: string[]) => { line?: number; col?: number } = () => ({});
  const { author, message, baseRevision } = submission;
  const note = {
    ...(author === undefined ? {} : { author }),
    ...(message === undefined ? {} : { message }),
  };
  if (submission.form === "text") {
    const { text } = submission;
    const format = submission.format ?? guessFormat(text);
    const file = format === "json" ? "scenario.json" : "scenario.yaml";
    const parsed = parseScenario(new TextEncoder().encode(text), file);
    if ("diagnostics" in parsed) throw new ApiError(400, parsed.diagnostics.map(fromDiagnostic));
    revision = { text, format, scenario: parsed.scenario, ...note };
    locate = (path) => {
      const doc = parseLocated(text, file);
      return "document" in doc ? doc.document.locate(path) : {};
    };
  } else {
    const { scenario: document } = submission;
    const asYaml = submission.form === "object" && submission.format === "yaml";
    const result = validateScenario(document);
    if (!result.ok) {
      throw new ApiError(
        400,
        result.issues.map((issue) => ({
          path: issue.path.length > 0 ? issue.path.join(".") : "(document)",
          message: issue.message,
        })),
      );
    }
    revision = {
      text: asYaml
        ? `# Written in the Entente workbench.\n${toYaml(document, { lineWidth: 100 })}`
        : `${JSON.stringify(document, null, 2)}\n`,
      format: asYaml ? "yaml" : "json",
      scenario: result.scenario,
      ...note,
    };
  }
  const problems: ApiErrorItem[] = [];
  if (options.requireBase && baseRevision === undefined) {
    problems.push({
      path: "baseRevision",
      message:
        "missing: send the revision your edit is based on ({ text, baseRevision } or { scenario, baseRevision }), so that a newer save is never overwritten unknowingly",
    });
  }
  if (options.urlId !== undefined && revision.scenario.id !== options.urlId) {
    problems.push({
      path: "id",
      ...locate(["id"]),
      message: `the scenario's id is "${revision.scenario.id}" but this is scenario "${options.urlId}"; ids cannot change (create a new scenario instead)`,
    });
  }
  if (problems.length > 0) throw new ApiError(400, problems);
  return { revision, baseRevision };
}

/** json when the text starts with `{` (after blanks), else yaml (YAML reads JSON too). */
function guessFormat(text: string): ScenarioFormat {
  return text.trimStart().startsWith("{") ? "json" : "yaml";
}

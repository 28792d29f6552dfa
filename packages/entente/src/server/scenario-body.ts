import { show, validateScenario } from "@entente/core";
import { stringify as toYaml } from "yaml";
import { parseLocated } from "../io/parse-document.ts";
import { parseScenario } from "../io/read-scenario.ts";
import type { NewRevision, ScenarioFormat } from "../store/records.ts";
import { ApiError, type ApiErrorItem, badRequest, fromDiagnostic } from "./api-error.ts";
import { onlyFields, optionalChoice, optionalInteger, optionalString } from "./body-fields.ts";

/** Longest `author` accepted. */
export const MAX_AUTHOR = 200;
/** Longest `message` accepted. */
export const MAX_MESSAGE = 2000;

/** A checked scenario save: the revision to store and the revision it was based on. */
export interface ScenarioSubmission {
  revision: NewRevision;
  baseRevision: number | undefined;
}

const TEXT_FIELDS = ["text", "format", "baseRevision", "author", "message"] as const;
const OBJECT_FIELDS = ["scenario", "format", "baseRevision", "author", "message"] as const;

/**
 * Check the body of a scenario save. Three forms are accepted:
 * - `{ text, format?, baseRevision?, author?, message? }`: YAML or JSON text, checked exactly as
 *   `entente validate` checks a file, so problems come with line and column;
 * - `{ scenario, format?, baseRevision?, author?, message? }`: the scenario as a JSON object,
 *   stored as JSON text, or as YAML with `format: "yaml"`;
 * - the scenario object itself (no metadata).
 * `format` defaults to json when the text starts with `{`, else yaml. Scenario problems have the
 * CLI's paths (`stances.0.salience`); envelope problems the field's name. With
 * `requireBase` (PUT), `baseRevision` must be given. `urlId`, when given, must match the
 * scenario's own `id`. Throws {@link ApiError} 400 with every problem found.
 */
export function parseScenarioSubmission(
  body: Record<string, unknown>,
  options: { requireBase: boolean; urlId?: string },
): ScenarioSubmission {
  let revision: NewRevision;
  let baseRevision: number | undefined;
  let locate: (path: string[]) => { line?: number; col?: number } = () => ({});
  if (typeof body.text === "string" || "text" in body) {
    onlyFields(body, TEXT_FIELDS);
    if (typeof body.text !== "string") {
      throw badRequest("text", `expected the scenario's YAML or JSON text, got ${show(body.text)}`);
    }
    const text = body.text;
    const format = optionalChoice(body.format, "format", ["yaml", "json"]) ?? guessFormat(text);
    baseRevision = optionalInteger(body.baseRevision, "baseRevision", 1);
    const meta = metadata(body);
    const file = format === "json" ? "scenario.json" : "scenario.yaml";
    const parsed = parseScenario(new TextEncoder().encode(text), file);
    if ("diagnostics" in parsed) throw new ApiError(400, parsed.diagnostics.map(fromDiagnostic));
    revision = { text, format, scenario: parsed.scenario, ...meta };
    locate = (path) => {
      const doc = parseLocated(text, file);
      return "document" in doc ? doc.document.locate(path) : {};
    };
  } else {
    const wrapped = "scenario" in body;
    let document: unknown = body;
    if (wrapped) {
      onlyFields(body, OBJECT_FIELDS);
      document = body.scenario;
      if (document === null || typeof document !== "object" || Array.isArray(document)) {
        throw badRequest(
          "scenario",
          `expected the scenario as a JSON object, got ${show(document)}`,
        );
      }
      baseRevision = optionalInteger(body.baseRevision, "baseRevision", 1);
    }
    const meta = wrapped ? metadata(body) : {};
    const asYaml = wrapped && optionalChoice(body.format, "format", ["yaml", "json"]) === "yaml";
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
      ...meta,
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

function metadata(body: Record<string, unknown>): { author?: string; message?: string } {
  const author = optionalString(body.author, "author", MAX_AUTHOR);
  const message = optionalString(body.message, "message", MAX_MESSAGE);
  return {
    ...(author === undefined ? {} : { author }),
    ...(message === undefined ? {} : { message }),
  };
}

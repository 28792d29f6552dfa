import { Id, show } from "@entente/core";
import { InputError } from "../io/diagnostic.ts";
import { importText, scenarioYaml } from "../io/import/import-scenario.ts";
import { patchYaml } from "../io/patch-yaml.ts";
import { parseScenario } from "../io/read-scenario.ts";
import type { NewRevision } from "../store/records.ts";
import { ApiError, badRequest, fromDiagnostic } from "./api-error.ts";

/** What an uploaded file becomes: the first revision of a new scenario, and what it was. */
export interface ImportedUpload {
  revision: NewRevision;
  /** `scenario (YAML)`, `scenario (JSON)`, or the importer's format name (`ktab-csv`, …). */
  from: string;
}

/**
 * A file the workbench uploaded, as a new scenario's first revision: a scenario file (YAML or
 * JSON, checked as `entente validate` checks it) is kept as written; a KTAB CSV or XML file or
 * an EUM table goes through the importers `entente import` uses and is stored as the YAML they
 * write. `id`, when given, replaces the scenario's id (the file's own is often taken). Problems
 * are a 400 with the file's line and column.
 */
export function importUpload(name: string, text: string, id?: string): ImportedUpload {
  const bytes = new TextEncoder().encode(text);
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  let revision: NewRevision;
  let from: string;
  if (["yaml", "yml", "json"].includes(ext)) {
    const parsed = parseScenario(bytes, name);
    if ("diagnostics" in parsed) throw new ApiError(400, parsed.diagnostics.map(fromDiagnostic));
    const format = ext === "json" ? "json" : "yaml";
    revision = { text, format, scenario: parsed.scenario };
    from = `scenario (${format.toUpperCase()})`;
  } else {
    try {
      const imported = importText(bytes, name);
      const yaml = scenarioYaml(imported.scenario, {
        file: name,
        format: imported.format,
        schemaRef: "scenario.schema.json",
      });
      revision = { text: yaml, format: "yaml", scenario: imported.scenario };
      from = imported.format;
    } catch (e) {
      if (e instanceof InputError) throw new ApiError(400, e.diagnostics.map(fromDiagnostic));
      throw e;
    }
  }
  if (id === undefined || id === revision.scenario.id) return { revision, from };
  const checked = Id.safeParse(id);
  if (!checked.success) {
    throw badRequest(
      "id",
      `${checked.error.issues[0]?.message ?? "expected an id"}, got ${show(id)}`,
    );
  }
  const scenario = { ...revision.scenario, id };
  const renamed =
    revision.format === "yaml"
      ? patchYaml(revision.text, revision.scenario, scenario)
      : `${JSON.stringify({ ...JSON.parse(revision.text), id }, null, 2)}\n`;
  if (renamed === undefined)
    throw badRequest("id", "could not set the id in this file; edit it there");
  return { revision: { ...revision, text: renamed, scenario }, from };
}

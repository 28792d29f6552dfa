/**
 * Scenario revisions to and from their rows in `scenario_revisions`.
 * @module
 */
import type { Scenario } from "@entente/core";
import type { Selectable } from "kysely";
import type { ScenarioRevisionsTable } from "./database.ts";
import type { NewRevision, RevisionInfo, ScenarioFormat, ScenarioRevision } from "./records.ts";
import { isoTime, jsonValue } from "./row-values.ts";

/** The row that stores `input` as revision `revision` of scenario `id`, saved at `now`. */
export function revisionRow(id: string, revision: number, input: NewRevision, now: string) {
  return {
    scenario_id: id,
    revision,
    title: input.scenario.title,
    format: input.format,
    text: input.text,
    scenario: JSON.stringify(input.scenario),
    author: input.author ?? null,
    message: input.message ?? null,
    created: now,
  };
}

/** The revision record of `input` saved as revision `revision` of scenario `id` at `now`. */
export function revisionRecord(
  id: string,
  revision: number,
  input: NewRevision,
  now: string,
): ScenarioRevision {
  return {
    scenarioId: id,
    revision,
    title: input.scenario.title,
    format: input.format,
    author: input.author ?? null,
    message: input.message ?? null,
    created: now,
    text: input.text,
    scenario: input.scenario,
  };
}

/** The columns of a revision's metadata. */
export type RevisionColumns = Pick<
  Selectable<ScenarioRevisionsTable>,
  "scenario_id" | "revision" | "title" | "format" | "author" | "message" | "created"
>;

/** A revision's metadata from its row. */
export function revisionInfo(row: RevisionColumns): RevisionInfo {
  return {
    scenarioId: row.scenario_id,
    revision: row.revision,
    title: row.title,
    format: row.format as ScenarioFormat,
    author: row.author,
    message: row.message,
    created: isoTime(row.created),
  };
}

/** A whole revision (metadata, text, scenario) from its row. */
export function fullRevision(row: Selectable<ScenarioRevisionsTable>): ScenarioRevision {
  return {
    ...revisionInfo(row),
    text: row.text,
    scenario: jsonValue(row.scenario) as Scenario,
  };
}

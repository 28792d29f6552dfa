/**
 * Whether a scenario is live, and what the store says when it is missing or deleted (when a
 * deleted scenario may be purged, and how to restore it before then).
 * @module
 */
import type { Kysely } from "kysely";
import type { Database } from "./database.ts";
import { DELETED_KEPT_DAYS, type DeletedScenario, type ScenarioSummary } from "./records.ts";
import { NotFoundError } from "./store-errors.ts";

/** A live scenario's latest revision; NotFoundError when it does not exist or is deleted. */
export async function liveRevision(db: Kysely<Database>, id: string): Promise<number> {
  const row = await db
    .selectFrom("scenarios")
    .select(["latest_revision", "deleted"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw scenarioNotFound(id);
  if (row.deleted !== null) throw scenarioDeleted(id, row.deleted);
  return row.latest_revision;
}

/** The error for a scenario that does not exist. */
export function scenarioNotFound(id: string): NotFoundError {
  return new NotFoundError("scenario", `no scenario "${id}"`);
}

/** The error for a scenario that is deleted: when, and how to restore it. */
export function scenarioDeleted(id: string, deleted: string): NotFoundError {
  return new NotFoundError("scenario", deletedMessage(id, deleted, "restore it"));
}

/** "scenario "x" was deleted on …; <what> (…) before …, when it may be purged". */
export function deletedMessage(id: string, deleted: string, what: string): string {
  const until = purgeAfter(deleted).slice(0, 10);
  return `scenario "${id}" was deleted on ${deleted.slice(0, 10)}; ${what} (POST /api/scenarios/${id}/restore, or the workbench's list of deleted scenarios) before ${until}, when it may be purged`;
}

/** When a scenario deleted at `deleted` may be purged. */
export function purgeAfter(deleted: string): string {
  return new Date(Date.parse(deleted) + DELETED_KEPT_DAYS * 86_400_000).toISOString();
}

/** A scenario's summary as a deleted scenario: when it was deleted and may be purged. */
export function deletedSummary(summary: ScenarioSummary, deleted: string): DeletedScenario {
  return { ...summary, deleted, purgeAfter: purgeAfter(deleted) };
}

/**
 * Scenarios and their revisions in the Kysely store: create, save a new revision, read, list,
 * delete softly, restore and purge.
 * @module
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "./database.ts";
import type { DialectTraits } from "./dialect-traits.ts";
import { deletedMessage, deletedSummary, liveRevision, scenarioNotFound } from "./live-scenario.ts";
import type {
  DeletedScenario,
  NewRevision,
  RevisionInfo,
  ScenarioRevision,
  ScenarioSummary,
} from "./records.ts";
import { fullRevision, revisionInfo, revisionRecord, revisionRow } from "./revision-rows.ts";
import { isoTime } from "./row-values.ts";
import { checkId, checkRevisionInput, checkRevisionNumber } from "./store-arguments.ts";
import { ConflictError, NotFoundError } from "./store-errors.ts";

/**
 * The scenario half of {@link Store} on a Kysely database: a save increments
 * `scenarios.latest_revision` first, which takes the row's write lock in SQLite and PostgreSQL
 * alike, so concurrent saves get distinct revision numbers and the `baseRevision` check is
 * atomic.
 */
export class KyselyScenarios {
  readonly #db: Kysely<Database>;
  readonly #traits: DialectTraits;

  constructor(db: Kysely<Database>, traits: DialectTraits) {
    this.#db = db;
    this.#traits = traits;
  }

  async createScenario(id: string, first: NewRevision): Promise<ScenarioRevision> {
    checkId("scenario id", id);
    checkRevisionInput(first);
    const now = new Date().toISOString();
    try {
      await this.#db.transaction().execute(async (trx) => {
        await trx
          .insertInto("scenarios")
          .values({
            id,
            title: first.scenario.title,
            created: now,
            updated: now,
            latest_revision: 1,
          })
          .execute();
        await trx
          .insertInto("scenario_revisions")
          .values(revisionRow(id, 1, first, now))
          .execute();
      });
    } catch (e) {
      if (this.#traits.isUniqueViolation(e)) {
        const taken = await this.#db
          .selectFrom("scenarios")
          .select("deleted")
          .where("id", "=", id)
          .executeTakeFirst();
        throw new ConflictError(
          "exists",
          taken?.deleted
            ? `${deletedMessage(id, taken.deleted, "restore it or purge it")}; or pick another id`
            : `scenario "${id}" already exists; save a new revision of it instead`,
        );
      }
      throw e;
    }
    return revisionRecord(id, 1, first, now);
  }

  async saveRevision(
    id: string,
    revision: NewRevision,
    options: { baseRevision?: number } = {},
  ): Promise<ScenarioRevision> {
    checkId("scenario id", id);
    checkRevisionInput(revision);
    const base = options.baseRevision;
    if (base !== undefined) checkRevisionNumber("baseRevision", base);
    const now = new Date().toISOString();
    const number = await this.#db.transaction().execute(async (trx) => {
      // The increment comes first: it locks the scenario's row until commit.
      let update = trx
        .updateTable("scenarios")
        .set({
          latest_revision: sql<number>`latest_revision + 1`,
          title: revision.scenario.title,
          updated: now,
        })
        .where("id", "=", id)
        .where("deleted", "is", null);
      if (base !== undefined) update = update.where("latest_revision", "=", base);
      const row = await update.returning("latest_revision").executeTakeFirst();
      if (!row) {
        // Missing or deleted: liveRevision throws; live: someone saved since `base`.
        const current = await liveRevision(trx, id);
        throw new ConflictError(
          "stale-revision",
          `scenario "${id}" is at revision ${current}, not ${base}: someone saved it since; reload it, reapply your change and save again`,
          current,
        );
      }
      await trx
        .insertInto("scenario_revisions")
        .values(revisionRow(id, row.latest_revision, revision, now))
        .execute();
      return row.latest_revision;
    });
    return revisionRecord(id, number, revision, now);
  }

  async getScenario(id: string, revision?: number): Promise<ScenarioRevision> {
    checkId("scenario id", id);
    if (revision !== undefined) checkRevisionNumber("revision", revision);
    const latest = await liveRevision(this.#db, id);
    const row =
      revision === undefined
        ? await this.#db
            .selectFrom("scenario_revisions as r")
            .innerJoin("scenarios as s", (j) =>
              j.onRef("s.id", "=", "r.scenario_id").onRef("s.latest_revision", "=", "r.revision"),
            )
            .selectAll("r")
            .where("s.id", "=", id)
            .executeTakeFirst()
        : await this.#db
            .selectFrom("scenario_revisions")
            .selectAll()
            .where("scenario_id", "=", id)
            .where("revision", "=", revision)
            .executeTakeFirst();
    if (row) return fullRevision(row);
    throw new NotFoundError(
      "revision",
      `scenario "${id}" has no revision ${revision}; its revisions are 1 to ${latest}`,
    );
  }

  async listScenarios(): Promise<ScenarioSummary[]> {
    return (await this.#summaries({ deleted: false })).map(({ deleted: _, ...summary }) => summary);
  }

  async listDeletedScenarios(): Promise<DeletedScenario[]> {
    const rows = await this.#summaries({ deleted: true });
    return rows.map((row) => deletedSummary(row, row.deleted as string));
  }

  async deleteScenario(id: string): Promise<DeletedScenario> {
    checkId("scenario id", id);
    const now = new Date().toISOString();
    const row = await this.#db
      .updateTable("scenarios")
      .set({ deleted: now })
      .where("id", "=", id)
      .where("deleted", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!row) await liveRevision(this.#db, id);
    const [summary] = await this.#summaries({ deleted: true, id });
    if (!summary) throw scenarioNotFound(id);
    return deletedSummary(summary, now);
  }

  async restoreScenario(id: string): Promise<ScenarioSummary> {
    checkId("scenario id", id);
    const row = await this.#db
      .updateTable("scenarios")
      .set({ deleted: null })
      .where("id", "=", id)
      .where("deleted", "is not", null)
      .returning("id")
      .executeTakeFirst();
    if (!row) {
      await liveRevision(this.#db, id);
      throw new NotFoundError("scenario", `scenario "${id}" is not deleted; nothing to restore`);
    }
    const [summary] = await this.#summaries({ deleted: false, id });
    if (!summary) throw scenarioNotFound(id);
    const { deleted: _, ...live } = summary;
    return live;
  }

  async purgeScenarios(which: { id: string } | { before: string }): Promise<string[]> {
    if ("id" in which) checkId("scenario id", which.id);
    return this.#db.transaction().execute(async (trx) => {
      let query = trx.selectFrom("scenarios").select(["id", "deleted"]);
      query =
        "id" in which
          ? query.where("id", "=", which.id)
          : query.where("deleted", "is not", null).where("deleted", "<", which.before);
      const rows = await query.execute();
      if ("id" in which) {
        const row = rows[0];
        if (!row) throw scenarioNotFound(which.id);
        if (row.deleted === null) {
          throw new ConflictError(
            "live",
            `scenario "${which.id}" is not deleted; delete it first, then purge it`,
          );
        }
      }
      const ids = rows.map((r) => r.id);
      if (ids.length === 0) return [];
      await trx.deleteFrom("runs").where("scenario_id", "in", ids).execute();
      await trx.deleteFrom("scenario_revisions").where("scenario_id", "in", ids).execute();
      await trx.deleteFrom("scenarios").where("id", "in", ids).execute();
      return ids;
    });
  }

  /** Scenarios with their latest revision's metadata, live or deleted, most recent first. */
  async #summaries(filter: { deleted: boolean; id?: string }) {
    let query = this.#db
      .selectFrom("scenarios as s")
      .innerJoin("scenario_revisions as r", (j) =>
        j.onRef("r.scenario_id", "=", "s.id").onRef("r.revision", "=", "s.latest_revision"),
      )
      .select([
        "s.id",
        "s.created as scenario_created",
        "s.updated",
        "s.latest_revision",
        "s.deleted",
        "r.scenario_id",
        "r.revision",
        "r.title",
        "r.format",
        "r.author",
        "r.message",
        "r.created",
      ])
      .where("s.deleted", filter.deleted ? "is not" : "is", null);
    if (filter.id !== undefined) query = query.where("s.id", "=", filter.id);
    // Live ones by last update, deleted ones by when they were deleted; newest first.
    const rows = await query
      .orderBy(filter.deleted ? "s.deleted" : "s.updated", "desc")
      .orderBy("s.id")
      .execute();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      created: isoTime(row.scenario_created),
      updated: isoTime(row.updated),
      latestRevision: row.latest_revision,
      latest: revisionInfo(row),
      deleted: row.deleted,
    }));
  }

  async listRevisions(id: string): Promise<RevisionInfo[]> {
    checkId("scenario id", id);
    await liveRevision(this.#db, id);
    const rows = await this.#db
      .selectFrom("scenario_revisions")
      .select(["scenario_id", "revision", "title", "format", "author", "message", "created"])
      .where("scenario_id", "=", id)
      .orderBy("revision", "desc")
      .execute();
    if (rows.length === 0) throw scenarioNotFound(id);
    return rows.map(revisionInfo);
  }
}

import {
  type LedgerEntry,
  type LedgerRecord,
  ledgerEntryProblems,
  type Scenario,
} from "@entente/core";
import { type Kysely, type Selectable, sql } from "kysely";
import { canonicalJson, recordHash } from "../ledger/ledger-hash.ts";
import { ledgerRecords } from "../ledger/ledger-records.ts";
import type {
  Database,
  LedgerEntriesTable,
  RunsTable,
  ScenarioRevisionsTable,
} from "./database.ts";
import {
  DELETED_KEPT_DAYS,
  type DeletedScenario,
  type LedgerHead,
  type LedgerRow,
  type NewRevision,
  type NewRun,
  type RevisionInfo,
  RUN_KINDS,
  RUN_STATUSES,
  type RunFilter,
  type RunKind,
  type RunPatch,
  type RunRecord,
  type RunStatus,
  SCENARIO_FORMATS,
  type ScenarioFormat,
  type ScenarioRevision,
  type ScenarioSummary,
} from "./records.ts";
import { isoTime, isoTimeOrNull, jsonValue, wholeNumber } from "./row-values.ts";
import { newRunId } from "./run-id.ts";
import type { Store } from "./store.ts";
import { ConflictError, NotFoundError } from "./store-errors.ts";

/** How a dialect differs beyond the query code. */
export interface DialectTraits {
  dialect: "sqlite" | "postgres";
  location: string;
  /** true for a unique or primary-key violation raised by the driver. */
  isUniqueViolation(error: unknown): boolean;
  /** Called after the Kysely instance is destroyed. */
  onClose?: () => Promise<void> | void;
}

/** Most runs one listing returns. */
export const MAX_RUN_LISTING = 1000;

const UNFINISHED: RunStatus[] = ["queued", "running"];

/**
 * The {@link Store} over any Kysely database with the schema of `migrations/`. All query code
 * is shared by SQLite and PostgreSQL; a save increments `scenarios.latest_revision` first, which
 * takes the row's write lock in both, so concurrent saves get distinct revision numbers and the
 * `baseRevision` check is atomic.
 */
export class KyselyStore implements Store {
  readonly dialect: "sqlite" | "postgres";
  readonly location: string;
  readonly #db: Kysely<Database>;
  readonly #traits: DialectTraits;

  constructor(db: Kysely<Database>, traits: DialectTraits) {
    this.#db = db;
    this.#traits = traits;
    this.dialect = traits.dialect;
    this.location = traits.location;
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
        const current = await trx
          .selectFrom("scenarios")
          .select(["latest_revision", "deleted"])
          .where("id", "=", id)
          .executeTakeFirst();
        if (!current) throw scenarioNotFound(id);
        if (current.deleted !== null) throw scenarioDeleted(id, current.deleted);
        throw new ConflictError(
          "stale-revision",
          `scenario "${id}" is at revision ${current.latest_revision}, not ${base}: someone saved it since; reload it, reapply your change and save again`,
          current.latest_revision,
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
    const latest = await this.#live(id);
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
    if (!row) await this.#live(id);
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
      await this.#live(id);
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
    await this.#live(id);
    const rows = await this.#db
      .selectFrom("scenario_revisions")
      .select(["scenario_id", "revision", "title", "format", "author", "message", "created"])
      .where("scenario_id", "=", id)
      .orderBy("revision", "desc")
      .execute();
    if (rows.length === 0) throw scenarioNotFound(id);
    return rows.map(revisionInfo);
  }

  async createRun(run: NewRun): Promise<RunRecord> {
    checkId("scenario id", run.scenarioId);
    checkRevisionNumber("revision", run.revision);
    if (!RUN_KINDS.includes(run.kind)) {
      throw new RangeError(`run kind: expected one of ${RUN_KINDS.join(", ")}, got "${run.kind}"`);
    }
    const status = run.status ?? "queued";
    checkStatus(status);
    if (run.seed !== undefined && run.seed !== null) checkCount("seed", run.seed);
    if (run.progressTotal !== undefined) checkCount("progressTotal", run.progressTotal);
    const id = newRunId();
    const now = new Date().toISOString();
    await this.#db.transaction().execute(async (trx) => {
      await this.#live(run.scenarioId, trx);
      const exists = await trx
        .selectFrom("scenario_revisions")
        .select("revision")
        .where("scenario_id", "=", run.scenarioId)
        .where("revision", "=", run.revision)
        .executeTakeFirst();
      if (!exists) {
        const latest = await trx
          .selectFrom("scenarios")
          .select("latest_revision")
          .where("id", "=", run.scenarioId)
          .executeTakeFirst();
        if (!latest) throw scenarioNotFound(run.scenarioId);
        throw new NotFoundError(
          "revision",
          `scenario "${run.scenarioId}" has no revision ${run.revision}; its revisions are 1 to ${latest.latest_revision}`,
        );
      }
      await trx
        .insertInto("runs")
        .values({
          id,
          scenario_id: run.scenarioId,
          revision: run.revision,
          kind: run.kind,
          model: run.model ?? null,
          parameters: JSON.stringify(run.parameters ?? {}),
          seed: run.seed ?? null,
          status,
          progress_done: status === "done" ? (run.progressTotal ?? 0) : 0,
          progress_total: run.progressTotal ?? 0,
          result: run.result === undefined ? null : JSON.stringify(run.result),
          error: null,
          created: now,
          started: run.started ?? null,
          finished: run.finished ?? null,
        })
        .execute();
    });
    return this.getRun(id);
  }

  async updateRun(id: string, patch: RunPatch): Promise<RunRecord> {
    checkId("run id", id);
    if (patch.status !== undefined) checkStatus(patch.status);
    if (patch.progressDone !== undefined) checkCount("progressDone", patch.progressDone);
    if (patch.progressTotal !== undefined) checkCount("progressTotal", patch.progressTotal);
    const values: Partial<Record<keyof RunsTable, unknown>> = {};
    if (patch.status !== undefined) values.status = patch.status;
    if (patch.progressDone !== undefined) values.progress_done = patch.progressDone;
    if (patch.progressTotal !== undefined) values.progress_total = patch.progressTotal;
    if (patch.result !== undefined) values.result = JSON.stringify(patch.result);
    if (patch.error !== undefined) values.error = patch.error;
    if (patch.started !== undefined) values.started = patch.started;
    if (patch.finished !== undefined) values.finished = patch.finished;
    if (Object.keys(values).length === 0) return this.getRun(id);
    const row = await this.#db
      .updateTable("runs")
      .set(values as never)
      .where("id", "=", id)
      .where("status", "in", UNFINISHED)
      .returningAll()
      .executeTakeFirst();
    if (row) return runRecord(row);
    const current = await this.getRun(id);
    throw new ConflictError(
      "run-finished",
      `run ${id} is already ${current.status}; a finished run does not change`,
    );
  }

  async getRun(id: string): Promise<RunRecord> {
    checkId("run id", id);
    const row = await this.#db
      .selectFrom("runs")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError("run", `no run "${id}"`);
    return runRecord(row);
  }

  async listRuns(filter: RunFilter = {}): Promise<RunRecord[]> {
    const limit = filter.limit ?? 100;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_RUN_LISTING) {
      throw new RangeError(
        `limit: expected a whole number from 1 to ${MAX_RUN_LISTING}, got ${limit}`,
      );
    }
    if (filter.status !== undefined) checkStatus(filter.status);
    let query = this.#db
      .selectFrom("runs")
      .select([
        "id",
        "scenario_id",
        "revision",
        "kind",
        "model",
        "parameters",
        "seed",
        "status",
        "progress_done",
        "progress_total",
        "error",
        "created",
        "started",
        "finished",
      ]);
    if (filter.scenarioId !== undefined) {
      query = query.where("scenario_id", "=", filter.scenarioId);
    }
    if (filter.status !== undefined) query = query.where("status", "=", filter.status);
    const rows = await query
      .orderBy("created", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map((row) => runRecord({ ...row, result: null }));
  }

  async failUnfinishedRuns(error: string): Promise<number> {
    const result = await this.#db
      .updateTable("runs")
      .set({ status: "failed", error, finished: new Date().toISOString() })
      .where("status", "in", UNFINISHED)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async appendLedger(
    entries: readonly LedgerEntry[] | ((ledger: LedgerRecord[]) => readonly LedgerEntry[]),
  ): Promise<LedgerRecord[]> {
    if (typeof entries !== "function") checkLedgerEntries(entries);
    return this.#db.transaction().execute(async (trx) => {
      // Writing the head first takes its lock (SQLite: the write lock; PostgreSQL: the row's),
      // so the head read next, and the ledger `prepare` sees, stay current until commit.
      await trx
        .updateTable("ledger_head")
        .set({ seq: sql<number>`seq` })
        .where("id", "=", 1)
        .execute();
      const head = await trx
        .selectFrom("ledger_head")
        .select(["seq", "hash"])
        .where("id", "=", 1)
        .executeTakeFirstOrThrow();
      let list = entries as readonly LedgerEntry[];
      if (typeof entries === "function") {
        const rows = await trx.selectFrom("ledger_entries").selectAll().orderBy("seq").execute();
        list = entries(ledgerRecords(rows.map(ledgerRow)));
        checkLedgerEntries(list);
      }
      let seq = wholeNumber(head.seq);
      let prev = head.hash;
      const out: LedgerRecord[] = [];
      for (const entry of list) {
        seq++;
        const body = canonicalJson(entry);
        const hash = recordHash(seq, prev, body);
        await trx
          .insertInto("ledger_entries")
          .values({ seq, kind: entry.kind, question: entry.question, body, prev_hash: prev, hash })
          .execute();
        out.push({ seq, prevHash: prev, hash, entry: JSON.parse(body) as LedgerEntry });
        prev = hash;
      }
      await trx.updateTable("ledger_head").set({ seq, hash: prev }).where("id", "=", 1).execute();
      return out;
    });
  }

  async readLedger(): Promise<{ rows: LedgerRow[]; head: LedgerHead }> {
    // One snapshot for the rows and the head (PostgreSQL's default would let an append that
    // commits in between look like deleted entries); SQLite's transactions are snapshots anyway.
    const trx =
      this.dialect === "postgres"
        ? this.#db.transaction().setIsolationLevel("repeatable read")
        : this.#db.transaction();
    return trx.execute(async (trx) => {
      const rows = await trx.selectFrom("ledger_entries").selectAll().orderBy("seq").execute();
      const head = await trx
        .selectFrom("ledger_head")
        .select(["seq", "hash"])
        .where("id", "=", 1)
        .executeTakeFirst();
      return {
        rows: rows.map(ledgerRow),
        head: head
          ? { seq: wholeNumber(head.seq), hash: head.hash }
          : { seq: -1, hash: "(missing)" },
      };
    });
  }

  async close(): Promise<void> {
    await this.#db.destroy();
    await this.#traits.onClose?.();
  }

  /** A live scenario's latest revision; NotFoundError when it does not exist or is deleted. */
  async #live(id: string, db: Kysely<Database> = this.#db): Promise<number> {
    const row = await db
      .selectFrom("scenarios")
      .select(["latest_revision", "deleted"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw scenarioNotFound(id);
    if (row.deleted !== null) throw scenarioDeleted(id, row.deleted);
    return row.latest_revision;
  }
}

function scenarioNotFound(id: string): NotFoundError {
  return new NotFoundError("scenario", `no scenario "${id}"`);
}

function scenarioDeleted(id: string, deleted: string): NotFoundError {
  return new NotFoundError("scenario", deletedMessage(id, deleted, "restore it"));
}

/** "scenario "x" was deleted on …; <what> (…) before …, when it may be purged". */
function deletedMessage(id: string, deleted: string, what: string): string {
  const until = purgeAfter(deleted).slice(0, 10);
  return `scenario "${id}" was deleted on ${deleted.slice(0, 10)}; ${what} (POST /api/scenarios/${id}/restore, or the workbench's list of deleted scenarios) before ${until}, when it may be purged`;
}

/** When a scenario deleted at `deleted` may be purged. */
function purgeAfter(deleted: string): string {
  return new Date(Date.parse(deleted) + DELETED_KEPT_DAYS * 86_400_000).toISOString();
}

function deletedSummary(summary: ScenarioSummary, deleted: string): DeletedScenario {
  return { ...summary, deleted, purgeAfter: purgeAfter(deleted) };
}

function revisionRow(id: string, revision: number, input: NewRevision, now: string) {
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

function revisionRecord(
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

type RevisionColumns = Pick<
  Selectable<ScenarioRevisionsTable>,
  "scenario_id" | "revision" | "title" | "format" | "author" | "message" | "created"
>;

function revisionInfo(row: RevisionColumns): RevisionInfo {
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

function fullRevision(row: Selectable<ScenarioRevisionsTable>): ScenarioRevision {
  return {
    ...revisionInfo(row),
    text: row.text,
    scenario: jsonValue(row.scenario) as Scenario,
  };
}

function runRecord(row: Selectable<RunsTable>): RunRecord {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    revision: row.revision,
    kind: row.kind as RunKind,
    model: row.model,
    parameters: jsonValue(row.parameters) as Record<string, unknown>,
    seed: row.seed === null ? null : wholeNumber(row.seed),
    status: row.status as RunStatus,
    progressDone: wholeNumber(row.progress_done),
    progressTotal: wholeNumber(row.progress_total),
    result: row.result === null ? null : jsonValue(row.result),
    error: row.error,
    created: isoTime(row.created),
    started: isoTimeOrNull(row.started),
    finished: isoTimeOrNull(row.finished),
  };
}

function ledgerRow(row: Selectable<LedgerEntriesTable>): LedgerRow {
  return {
    seq: wholeNumber(row.seq),
    kind: row.kind,
    question: row.question,
    body: row.body,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Each entry well formed on its own ({@link ledgerEntryProblems}); a RangeError names the first bad one. */
function checkLedgerEntries(entries: readonly LedgerEntry[]): void {
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new RangeError("ledger entries: expected at least one entry");
  }
  for (const [i, entry] of entries.entries()) {
    const problems = ledgerEntryProblems(entry);
    if (problems.length > 0) {
      const where = entries.length > 1 ? `ledger entry ${i + 1}: ` : "";
      throw new RangeError(problems.map((p) => `${where}${p.path}: ${p.message}`).join("; "));
    }
  }
}

function checkId(what: string, id: unknown): void {
  if (typeof id !== "string" || id.length === 0 || id.length > 200) {
    throw new RangeError(
      `${what}: expected a non-empty string of at most 200 characters, got ${JSON.stringify(id)}`,
    );
  }
}

function checkRevisionNumber(what: string, n: unknown): void {
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`${what}: expected a whole number ≥ 1, got ${JSON.stringify(n)}`);
  }
}

function checkCount(what: string, n: unknown): void {
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${what}: expected a whole number ≥ 0, got ${JSON.stringify(n)}`);
  }
}

function checkStatus(status: unknown): void {
  if (!RUN_STATUSES.includes(status as RunStatus)) {
    throw new RangeError(
      `run status: expected one of ${RUN_STATUSES.join(", ")}, got ${JSON.stringify(status)}`,
    );
  }
}

function checkRevisionInput(input: NewRevision): void {
  if (!SCENARIO_FORMATS.includes(input.format)) {
    throw new RangeError(
      `format: expected one of ${SCENARIO_FORMATS.join(", ")}, got ${JSON.stringify(input.format)}`,
    );
  }
  if (typeof input.text !== "string") {
    throw new RangeError(`text: expected the scenario's text, got ${typeof input.text}`);
  }
  if (typeof input.scenario?.title !== "string") {
    throw new RangeError("scenario: expected a validated scenario with a title");
  }
}

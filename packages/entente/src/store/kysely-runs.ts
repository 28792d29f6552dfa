/**
 * Runs in the Kysely store: record a run on a revision, update it while it is unfinished, read
 * and list runs, and fail those a stopped process left unfinished.
 * @module
 */
import type { Kysely, Selectable } from "kysely";
import type { Database, RunsTable } from "./database.ts";
import { liveRevision, scenarioNotFound } from "./live-scenario.ts";
import {
  type NewRun,
  RUN_KINDS,
  type RunFilter,
  type RunKind,
  type RunPatch,
  type RunRecord,
  type RunStatus,
} from "./records.ts";
import { isoTime, isoTimeOrNull, jsonValue, wholeNumber } from "./row-values.ts";
import { newRunId } from "./run-id.ts";
import { checkCount, checkId, checkRevisionNumber, checkStatus } from "./store-arguments.ts";
import { ConflictError, NotFoundError } from "./store-errors.ts";

/** Most runs one listing returns. */
export const MAX_RUN_LISTING = 1000;

const UNFINISHED: RunStatus[] = ["queued", "running"];

/** The runs half of {@link Store} on a Kysely database; a finished run never changes. */
export class KyselyRuns {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
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
      await liveRevision(trx, run.scenarioId);
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
}

/** A run record from its row. */
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

/**
 * The {@link Store} over any Kysely database with the schema of `migrations/`, made of its three
 * parts: scenarios and revisions (`kysely-scenarios.ts`), runs (`kysely-runs.ts`) and the
 * forecast ledger (`kysely-ledger.ts`).
 * @module
 */
import type { LedgerEntry, LedgerRecord } from "@entente/core";
import type { Kysely } from "kysely";
import type { Database } from "./database.ts";
import type { DialectTraits } from "./dialect-traits.ts";
import { KyselyLedger } from "./kysely-ledger.ts";
import { KyselyRuns } from "./kysely-runs.ts";
import { KyselyScenarios } from "./kysely-scenarios.ts";
import type {
  DeletedScenario,
  LedgerHead,
  LedgerRow,
  NewRevision,
  NewRun,
  RevisionInfo,
  RunFilter,
  RunPatch,
  RunRecord,
  ScenarioRevision,
  ScenarioSummary,
} from "./records.ts";
import type { Store } from "./store.ts";

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
  readonly #scenarios: KyselyScenarios;
  readonly #runs: KyselyRuns;
  readonly #ledger: KyselyLedger;

  constructor(db: Kysely<Database>, traits: DialectTraits) {
    this.#db = db;
    this.#traits = traits;
    this.dialect = traits.dialect;
    this.location = traits.location;
    this.#scenarios = new KyselyScenarios(db, traits);
    this.#runs = new KyselyRuns(db);
    this.#ledger = new KyselyLedger(db, traits.dialect);
  }

  createScenario(id: string, first: NewRevision): Promise<ScenarioRevision> {
    return this.#scenarios.createScenario(id, first);
  }

  saveRevision(
    id: string,
    revision: NewRevision,
    options: { baseRevision?: number } = {},
  ): Promise<ScenarioRevision> {
    return this.#scenarios.saveRevision(id, revision, options);
  }

  getScenario(id: string, revision?: number): Promise<ScenarioRevision> {
    return this.#scenarios.getScenario(id, revision);
  }

  listScenarios(): Promise<ScenarioSummary[]> {
    return this.#scenarios.listScenarios();
  }

  listDeletedScenarios(): Promise<DeletedScenario[]> {
    return this.#scenarios.listDeletedScenarios();
  }

  deleteScenario(id: string): Promise<DeletedScenario> {
    return this.#scenarios.deleteScenario(id);
  }

  restoreScenario(id: string): Promise<ScenarioSummary> {
    return this.#scenarios.restoreScenario(id);
  }

  purgeScenarios(which: { id: string } | { before: string }): Promise<string[]> {
    return this.#scenarios.purgeScenarios(which);
  }

  listRevisions(id: string): Promise<RevisionInfo[]> {
    return this.#scenarios.listRevisions(id);
  }

  createRun(run: NewRun): Promise<RunRecord> {
    return this.#runs.createRun(run);
  }

  updateRun(id: string, patch: RunPatch): Promise<RunRecord> {
    return this.#runs.updateRun(id, patch);
  }

  getRun(id: string): Promise<RunRecord> {
    return this.#runs.getRun(id);
  }

  listRuns(filter: RunFilter = {}): Promise<RunRecord[]> {
    return this.#runs.listRuns(filter);
  }

  failUnfinishedRuns(error: string): Promise<number> {
    return this.#runs.failUnfinishedRuns(error);
  }

  appendLedger(
    entries: readonly LedgerEntry[] | ((ledger: LedgerRecord[]) => readonly LedgerEntry[]),
  ): Promise<LedgerRecord[]> {
    return this.#ledger.appendLedger(entries);
  }

  readLedger(): Promise<{ rows: LedgerRow[]; head: LedgerHead }> {
    return this.#ledger.readLedger();
  }

  async close(): Promise<void> {
    await this.#db.destroy();
    await this.#traits.onClose?.();
  }
}

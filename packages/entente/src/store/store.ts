import type { LedgerEntry, LedgerRecord } from "@entente/core";
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

/**
 * Entente's versioned store: scenarios whose every save is a new, numbered revision (nothing is
 * overwritten; a deleted scenario stays recoverable until purged), and the runs made on them. Implemented on SQLite (the default) and
 * PostgreSQL with the same behaviour, which `store.contract.ts` checks.
 *
 * Unknown ids throw {@link NotFoundError}; conflicting writes throw {@link ConflictError}. Every
 * write is one transaction: after a crash a save is either wholly there or not at all.
 */
export interface Store {
  /** Which database is behind the store. */
  readonly dialect: "sqlite" | "postgres";
  /** Where the data is, for messages (the SQLite file, or PostgreSQL's host and database). */
  readonly location: string;

  /** Create a scenario with `first` as revision 1. Throws ConflictError if `id` is taken. */
  createScenario(id: string, first: NewRevision): Promise<ScenarioRevision>;
  /**
   * Save a new revision (latest + 1). With `baseRevision`, refuse (ConflictError) unless it is
   * still the latest, so that two editors cannot overwrite each other unknowingly.
   */
  saveRevision(
    id: string,
    revision: NewRevision,
    options?: { baseRevision?: number },
  ): Promise<ScenarioRevision>;
  /** A scenario's revision `revision`, or its latest. */
  getScenario(id: string, revision?: number): Promise<ScenarioRevision>;
  /** Every scenario with its latest revision's metadata, most recently updated first. */
  listScenarios(): Promise<ScenarioSummary[]>;
  /** A scenario's revisions, newest first. */
  listRevisions(id: string): Promise<RevisionInfo[]>;
  /**
   * Delete a scenario softly: it leaves listings and reads (NotFoundError saying it was deleted)
   * but keeps its revisions and runs until purged. Throws NotFoundError if it is not live.
   */
  deleteScenario(id: string): Promise<DeletedScenario>;
  /** Deleted scenarios, most recently deleted first. */
  listDeletedScenarios(): Promise<DeletedScenario[]>;
  /** Bring a deleted scenario back as it was. Throws NotFoundError unless it is deleted. */
  restoreScenario(id: string): Promise<ScenarioSummary>;
  /**
   * Remove deleted scenarios with their revisions and runs for good: `id`, or every scenario
   * deleted before `before` (ISO time). A live scenario is never purged (ConflictError).
   * Returns the ids purged.
   */
  purgeScenarios(which: { id: string } | { before: string }): Promise<string[]>;

  /** Record a run on an existing revision; its id is generated. */
  createRun(run: NewRun): Promise<RunRecord>;
  /** Change an unfinished run. Throws ConflictError once the run is done, failed or cancelled. */
  updateRun(id: string, patch: RunPatch): Promise<RunRecord>;
  /** One run, with its result. */
  getRun(id: string): Promise<RunRecord>;
  /** Runs, newest first, without their results (`result` is null). */
  listRuns(filter?: RunFilter): Promise<RunRecord[]>;
  /**
   * Mark every queued or running run as failed with `error` (at start-up: runs left unfinished
   * by a process that stopped). Returns how many were marked.
   */
  failUnfinishedRuns(error: string): Promise<number>;

  /**
   * Append entries to the forecast ledger, in order, in one transaction: each is checked on its
   * own (`ledgerEntryProblems`; a RangeError names the entry and field, and nothing is written)
   * and chained to the one before by its hash. Appends from any number of processes are
   * serialised by the head row's lock. Given a function instead, it is called with the ledger
   * as it stands once the lock is held, and returns the entries to append (or throws, and
   * nothing is written): checks against the ledger can then not be overtaken by another append.
   */
  appendLedger(
    entries: readonly LedgerEntry[] | ((ledger: LedgerRecord[]) => readonly LedgerEntry[]),
  ): Promise<LedgerRecord[]>;
  /** The ledger's rows exactly as stored, in sequence order, and its head (for verifying). */
  readLedger(): Promise<{ rows: LedgerRow[]; head: LedgerHead }>;

  /** Close the database connection(s). */
  close(): Promise<void>;
}

/**
 * What the store keeps, as the rest of Entente sees it: scenarios, their revisions and runs.
 * Timestamps are ISO 8601 strings in UTC; JSON values are plain parsed values on both databases.
 * @module
 */
import type { Scenario } from "@entente/core";

/** How a revision's text was written. */
export const SCENARIO_FORMATS = ["yaml", "json"] as const;
/** How a revision's text was written. */
export type ScenarioFormat = (typeof SCENARIO_FORMATS)[number];

/** What one save adds: the text as the user wrote it and the validated scenario it gives. */
export interface NewRevision {
  /** The full YAML or JSON text as saved. */
  text: string;
  format: ScenarioFormat;
  /** The scenario after validation (defaults filled in). */
  scenario: Scenario;
  author?: string;
  message?: string;
}

/** One revision's metadata, without its text (for histories and listings). */
export interface RevisionInfo {
  scenarioId: string;
  /** 1 for the first save, then 2, 3, …; never reused. */
  revision: number;
  title: string;
  format: ScenarioFormat;
  author: string | null;
  message: string | null;
  created: string;
}

/** A whole revision: its metadata, the text as saved and the validated scenario. */
export interface ScenarioRevision extends RevisionInfo {
  text: string;
  scenario: Scenario;
}

/** A scenario in a listing, with its latest revision's metadata. */
export interface ScenarioSummary {
  id: string;
  /** The latest revision's title. */
  title: string;
  created: string;
  updated: string;
  latestRevision: number;
  latest: RevisionInfo;
}

/** How long a deleted scenario stays recoverable before it may be purged. */
export const DELETED_KEPT_DAYS = 30;

/** A deleted scenario: recoverable with its revisions and runs until `purgeAfter`. */
export interface DeletedScenario extends ScenarioSummary {
  deleted: string;
  /** From when the scenario may be purged for good ({@link DELETED_KEPT_DAYS} after `deleted`). */
  purgeAfter: string;
}

/** What a run does. */
export const RUN_KINDS = ["forecast", "run", "simulate", "deals"] as const;
/** What a run does. */
export type RunKind = (typeof RUN_KINDS)[number];

/** Where a run is in its life: queued → running → done | failed | cancelled. */
export const RUN_STATUSES = ["queued", "running", "done", "failed", "cancelled"] as const;
/** Where a run is in its life: queued → running → done | failed | cancelled. */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Statuses after which a run never changes again. */
export const FINAL_STATUSES: readonly RunStatus[] = ["done", "failed", "cancelled"];

/** Whether a run in this status is finished (done, failed or cancelled) and will not change. */
export function isFinal(status: RunStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** What is needed to record a run. */
export interface NewRun {
  scenarioId: string;
  revision: number;
  kind: RunKind;
  /** The model id (`run`), the comma-separated model ids (`simulate`), or null for every model. */
  model?: string | null;
  parameters?: Record<string, unknown>;
  seed?: number | null;
  /** Default `queued`; a synchronous run is recorded straight away as `done`. */
  status?: RunStatus;
  progressTotal?: number;
  result?: unknown;
  started?: string | null;
  finished?: string | null;
}

/** A change to an unfinished run; fields left out stay as they are. */
export interface RunPatch {
  status?: RunStatus;
  progressDone?: number;
  progressTotal?: number;
  result?: unknown;
  error?: string | null;
  started?: string | null;
  finished?: string | null;
}

/** A recorded run. */
export interface RunRecord {
  id: string;
  scenarioId: string;
  revision: number;
  kind: RunKind;
  model: string | null;
  parameters: Record<string, unknown>;
  seed: number | null;
  status: RunStatus;
  /** Work done and work in all (samples for a simulation); 0 of 0 before it starts. */
  progressDone: number;
  progressTotal: number;
  /** The run's output once done; null before (and in listings, which leave it out). */
  result: unknown;
  error: string | null;
  created: string;
  started: string | null;
  finished: string | null;
}

/** Which runs to list. */
export interface RunFilter {
  scenarioId?: string;
  status?: RunStatus;
  /** At most this many, newest first (default 100). */
  limit?: number;
}

/** A ledger row as stored, for verifying the chain ({@link Store.readLedger}). */
export interface LedgerRow {
  seq: number;
  kind: string;
  question: string;
  /** The entry's canonical JSON. */
  body: string;
  prevHash: string;
  hash: string;
}

/** The ledger's head: the last record's sequence number and hash (0 and 64 zeros when empty). */
export interface LedgerHead {
  seq: number;
  hash: string;
}

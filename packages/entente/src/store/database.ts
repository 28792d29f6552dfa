/**
 * The tables as Kysely sees them. The same query code runs on SQLite and PostgreSQL; only the
 * column types differ (JSON is text in SQLite and jsonb in PostgreSQL, times are ISO text and
 * timestamptz), so values read back go through `row-values.ts`.
 * @module
 */
import type { ColumnType } from "kysely";

/** A JSON column: written as JSON text, read back as text (SQLite) or a parsed value (pg). */
type Json = ColumnType<unknown, string, string>;
/** A nullable JSON column. */
type NullableJson = ColumnType<unknown, string | null, string | null>;
/** A time: written as ISO text, read back as text (SQLite) or a Date (pg). */
type Time = ColumnType<string | Date, string, string>;
/** A nullable time. */
type NullableTime = ColumnType<string | Date | null, string | null, string | null>;
/** An integer that PostgreSQL returns as a string when it is a bigint. */
type BigInteger = ColumnType<number | string, number, number>;

/** `scenarios`: one row per scenario; `latest_revision` is the counter saves increment. */
export interface ScenariosTable {
  id: string;
  title: string;
  created: Time;
  updated: Time;
  latest_revision: number;
  /** When the scenario was deleted (ISO text); null while it is live. */
  deleted: ColumnType<string | null, string | null | undefined, string | null>;
}

/** `scenario_revisions`: every save, never changed after it is written. */
export interface ScenarioRevisionsTable {
  scenario_id: string;
  revision: number;
  title: string;
  format: string;
  text: string;
  scenario: Json;
  author: string | null;
  message: string | null;
  created: Time;
}

/** `runs`: forecasts, model runs, simulations and deal searches on one revision. */
export interface RunsTable {
  id: string;
  scenario_id: string;
  revision: number;
  kind: string;
  model: string | null;
  parameters: Json;
  seed: ColumnType<number | string | null, number | null, number | null>;
  status: string;
  progress_done: BigInteger;
  progress_total: BigInteger;
  result: NullableJson;
  error: string | null;
  created: Time;
  started: NullableTime;
  finished: NullableTime;
}

/** `ledger_entries`: the forecast ledger, append-only, each row hashing the one before. */
export interface LedgerEntriesTable {
  seq: number;
  kind: string;
  question: string;
  /** The entry's canonical JSON text (what the hash covers). */
  body: string;
  prev_hash: string;
  hash: string;
}

/** `ledger_head`: one row, the last record's sequence number and hash. */
export interface LedgerHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** Every table of the store. */
export interface Database {
  scenarios: ScenariosTable;
  scenario_revisions: ScenarioRevisionsTable;
  runs: RunsTable;
  ledger_entries: LedgerEntriesTable;
  ledger_head: LedgerHeadTable;
}

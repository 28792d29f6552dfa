/**
 * SQLite: the first schema. JSON is stored as text, times as ISO 8601 text (which sorts in time
 * order), and CHECK constraints keep the enumerations honest.
 * @module
 */
import { type Kysely, sql } from "kysely";

/** Create the scenarios, scenario_revisions and runs tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("scenarios")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("created", "text", (c) => c.notNull())
    .addColumn("updated", "text", (c) => c.notNull())
    .addColumn("latest_revision", "integer", (c) => c.notNull().check(sql`latest_revision >= 1`))
    .execute();
  await db.schema
    .createTable("scenario_revisions")
    .addColumn("scenario_id", "text", (c) => c.notNull().references("scenarios.id"))
    .addColumn("revision", "integer", (c) => c.notNull().check(sql`revision >= 1`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull().check(sql`format in ('yaml', 'json')`))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("scenario", "text", (c) => c.notNull().check(sql`json_valid(scenario)`))
    .addColumn("author", "text")
    .addColumn("message", "text")
    .addColumn("created", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("scenario_revisions_pk", ["scenario_id", "revision"])
    .execute();
  await db.schema
    .createTable("runs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("scenario_id", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('forecast', 'run', 'simulate', 'deals')`),
    )
    .addColumn("model", "text")
    .addColumn("parameters", "text", (c) => c.notNull().check(sql`json_valid(parameters)`))
    .addColumn("seed", "integer")
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed', 'cancelled')`),
    )
    .addColumn("progress_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("progress_total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("result", "text", (c) => c.check(sql`result is null or json_valid(result)`))
    .addColumn("error", "text")
    .addColumn("created", "text", (c) => c.notNull())
    .addColumn("started", "text")
    .addColumn("finished", "text")
    .addForeignKeyConstraint(
      "runs_revision_fk",
      ["scenario_id", "revision"],
      "scenario_revisions",
      ["scenario_id", "revision"],
    )
    .execute();
  await db.schema
    .createIndex("runs_scenario")
    .on("runs")
    .columns(["scenario_id", "created"])
    .execute();
  await db.schema.createIndex("runs_status").on("runs").column("status").execute();
  await db.schema.createIndex("runs_created").on("runs").column("created").execute();
  await db.schema.createIndex("scenarios_updated").on("scenarios").column("updated").execute();
}

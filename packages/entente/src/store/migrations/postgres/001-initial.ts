/**
 * PostgreSQL: the first schema. JSON is jsonb, times are timestamptz, seeds are bigint, and
 * CHECK constraints keep the enumerations honest.
 * @module
 */
import { type Kysely, sql } from "kysely";

/** Create the scenarios, scenario_revisions and runs tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("scenarios")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("created", "timestamptz", (c) => c.notNull())
    .addColumn("updated", "timestamptz", (c) => c.notNull())
    .addColumn("latest_revision", "integer", (c) => c.notNull().check(sql`latest_revision >= 1`))
    .execute();
  await db.schema
    .createTable("scenario_revisions")
    .addColumn("scenario_id", "text", (c) => c.notNull().references("scenarios.id"))
    .addColumn("revision", "integer", (c) => c.notNull().check(sql`revision >= 1`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull().check(sql`format in ('yaml', 'json')`))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("scenario", "jsonb", (c) => c.notNull())
    .addColumn("author", "text")
    .addColumn("message", "text")
    .addColumn("created", "timestamptz", (c) => c.notNull())
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
    .addColumn("parameters", "jsonb", (c) => c.notNull())
    .addColumn("seed", "bigint")
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed', 'cancelled')`),
    )
    .addColumn("progress_done", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("progress_total", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("result", "jsonb")
    .addColumn("error", "text")
    .addColumn("created", "timestamptz", (c) => c.notNull())
    .addColumn("started", "timestamptz")
    .addColumn("finished", "timestamptz")
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

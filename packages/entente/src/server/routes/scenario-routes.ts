import { sameValue, show } from "@entente/core";
import { Hono } from "hono";
import { parse as parseYaml, stringify as toYaml } from "yaml";
import { patchYaml } from "../../io/patch-yaml.ts";
import { parseScenario } from "../../io/read-scenario.ts";
import { DELETED_KEPT_DAYS, type NewRevision } from "../../store/records.ts";
import type { Store } from "../../store/store.ts";
import { badRequest } from "../api-error.ts";
import type { AppDeps } from "../app-deps.ts";
import {
  onlyFields,
  optionalBoolean,
  optionalInteger,
  optionalString,
  queryInteger,
} from "../body-fields.ts";
import { importUpload } from "../import-upload.ts";
import { readJsonObject } from "../request-body.ts";
import { MAX_AUTHOR, MAX_MESSAGE, parseScenarioSubmission } from "../scenario-body.ts";

/**
 * The scenarios and their history: list, create, import (KTAB CSV/XML, EUM tables, scenario
 * files), read (latest or `?revision=n`), save a new revision (409 when `baseRevision` is stale),
 * restore an old revision as a new one, history, YAML export, and delete (recoverable for
 * {@link DELETED_KEPT_DAYS} days: list with `?deleted=true`, restore, or purge with `?purge=true`).
 */
export function scenarioRoutes(deps: AppDeps): Hono {
  const { store } = deps;
  const app = new Hono();

  app.get("/scenarios", async (c) => {
    if (!optionalBoolean(queryFlag(c.req.query("deleted")), "deleted", false)) {
      return c.json({ scenarios: await store.listScenarios() });
    }
    await purgeExpired(store);
    return c.json({ scenarios: await store.listDeletedScenarios() });
  });

  app.post("/import", async (c) => {
    const body = await readJsonObject(c);
    onlyFields(body, ["name", "text", "id", "author", "message"]);
    const name = optionalString(body.name, "name", 255);
    if (name === undefined || name.trim() === "") {
      throw badRequest("name", "expected the file's name, e.g. dummyData_3Dim.csv");
    }
    if (typeof body.text !== "string") {
      throw badRequest("text", `expected the file's contents as text, got ${show(body.text)}`);
    }
    const id = optionalString(body.id, "id", 64);
    const author = optionalString(body.author, "author", MAX_AUTHOR);
    const message = optionalString(body.message, "message", MAX_MESSAGE);
    const imported = importUpload(name, body.text, id);
    const saved = await store.createScenario(imported.revision.scenario.id, {
      ...imported.revision,
      ...(author === undefined ? {} : { author }),
      message: message ?? `Imported from ${name} (${imported.from})`,
    });
    c.header("Location", `/api/scenarios/${encodeURIComponent(saved.scenarioId)}`);
    return c.json({ ...saved, importedFrom: imported.from }, 201);
  });

  app.post("/scenarios", async (c) => {
    const body = await readJsonObject(c);
    const { revision } = parseScenarioSubmission(body, { requireBase: false });
    if (body.baseRevision !== undefined) {
      // A new scenario has no earlier revision; accepting one would hide a client's mistake.
      throw badRequest(
        "baseRevision",
        "a new scenario has no earlier revision; use PUT /api/scenarios/:id to save one",
      );
    }
    const saved = await store.createScenario(revision.scenario.id, revision);
    c.header("Location", `/api/scenarios/${encodeURIComponent(saved.scenarioId)}`);
    return c.json(saved, 201);
  });

  app.get("/scenarios/:id", async (c) => {
    const revision = queryInteger(c.req.query("revision"), "revision", 1);
    return c.json(await store.getScenario(c.req.param("id"), revision));
  });

  app.put("/scenarios/:id", async (c) => {
    const id = c.req.param("id");
    const body = await readJsonObject(c);
    const submitted = parseScenarioSubmission(body, { requireBase: true, urlId: id });
    const { baseRevision } = submitted;
    const revision =
      "scenario" in body && baseRevision !== undefined
        ? await inPlace(store, id, baseRevision, submitted.revision)
        : submitted.revision;
    const saved = await store.saveRevision(
      id,
      revision,
      baseRevision === undefined ? {} : { baseRevision },
    );
    return c.json(saved);
  });

  app.delete("/scenarios/:id", async (c) => {
    const id = c.req.param("id");
    if (optionalBoolean(queryFlag(c.req.query("purge")), "purge", false)) {
      return c.json({ purged: await store.purgeScenarios({ id }) });
    }
    const deleted = await store.deleteScenario(id);
    await purgeExpired(store);
    return c.json(deleted);
  });

  app.post("/scenarios/:id/restore", async (c) =>
    c.json(await store.restoreScenario(c.req.param("id"))),
  );

  app.post("/scenarios/:id/revisions/:revision/restore", async (c) => {
    const id = c.req.param("id");
    const from = queryInteger(c.req.param("revision"), "revision", 1) as number;
    const body = await readJsonObject(c);
    onlyFields(body, ["baseRevision", "author", "message"]);
    const baseRevision = optionalInteger(body.baseRevision, "baseRevision", 1);
    const author = optionalString(body.author, "author", MAX_AUTHOR);
    const message = optionalString(body.message, "message", MAX_MESSAGE);
    const old = await store.getScenario(id, from);
    const saved = await store.saveRevision(
      id,
      {
        text: old.text,
        format: old.format,
        scenario: old.scenario,
        ...(author === undefined ? {} : { author }),
        message: message ?? `Restored revision ${from}`,
      },
      baseRevision === undefined ? {} : { baseRevision },
    );
    return c.json(saved, 201);
  });

  app.get("/scenarios/:id/revisions", async (c) => {
    const id = c.req.param("id");
    return c.json({ id, revisions: await store.listRevisions(id) });
  });

  app.get("/scenarios/:id/export.yaml", async (c) => {
    const revision = queryInteger(c.req.query("revision"), "revision", 1);
    const saved = await store.getScenario(c.req.param("id"), revision);
    const text =
      saved.format === "yaml"
        ? saved.text
        : `# ${saved.title} — revision ${saved.revision}, saved as JSON\n${toYaml(parseYaml(saved.text))}`;
    c.header("Content-Type", "application/yaml; charset=utf-8");
    c.header(
      "Content-Disposition",
      `attachment; filename="${saved.scenarioId}-r${saved.revision}.yaml"`,
    );
    return c.body(text);
  });

  return app;
}

/**
 * A scenario sent as an object (the workbench's save) on top of a revision written in YAML is
 * saved into that YAML text, so that comments, order and wrapping survive and the new text
 * differs from the old only where the scenario does. Falls back to the submission as sent.
 */
async function inPlace(
  store: Store,
  id: string,
  baseRevision: number,
  revision: NewRevision,
): Promise<NewRevision> {
  const base = await store.getScenario(id, baseRevision).catch(() => undefined);
  if (base?.format !== "yaml") return revision;
  const text = patchYaml(base.text, base.scenario, revision.scenario);
  if (text === undefined) return revision;
  const parsed = parseScenario(new TextEncoder().encode(text), `${id}.yaml`);
  if ("diagnostics" in parsed || !sameValue(parsed.scenario, revision.scenario)) return revision;
  return { ...revision, text, format: "yaml", scenario: parsed.scenario };
}

/** `?deleted` alone means true. */
function queryFlag(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  return raw === "" || raw === "true" || raw === "1"
    ? true
    : raw === "false" || raw === "0"
      ? false
      : raw;
}

/** Purge scenarios deleted more than {@link DELETED_KEPT_DAYS} days ago. */
async function purgeExpired(store: Store): Promise<void> {
  const before = new Date(Date.now() - DELETED_KEPT_DAYS * 86_400_000).toISOString();
  await store.purgeScenarios({ before });
}

import { Hono } from "hono";
import { parse as parseYaml, stringify as toYaml } from "yaml";
import { badRequest } from "../api-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { queryInteger } from "../body-fields.ts";
import { readJsonObject } from "../request-body.ts";
import { parseScenarioSubmission } from "../scenario-body.ts";

/**
 * The scenarios and their history: list, create, read (latest or `?revision=n`), save a new
 * revision (409 when `baseRevision` is stale), history, and YAML export.
 */
export function scenarioRoutes(deps: AppDeps): Hono {
  const { store } = deps;
  const app = new Hono();

  app.get("/scenarios", async (c) => c.json({ scenarios: await store.listScenarios() }));

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
    const { revision, baseRevision } = parseScenarioSubmission(body, {
      requireBase: true,
      urlId: id,
    });
    const saved = await store.saveRevision(
      id,
      revision,
      baseRevision === undefined ? {} : { baseRevision },
    );
    return c.json(saved);
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

import { readdirSync, readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { firstInvalidUtf8 } from "../../io/decode-text.ts";
import { openSqliteStore } from "../../store/sqlite-store.ts";
import type { Store } from "../../store/store.ts";
import { callApi } from "../call-api.ts";
import { createApp, type EntenteApp } from "../create-app.ts";

const root = new URL("../../../../../", import.meta.url);
const fixture = (path: string) => readFileSync(new URL(`test/fixtures/${path}`, root), "utf8");
const minimal = fixture("valid/minimal.yaml");

let store: Store;
let app: EntenteApp;

beforeEach(async () => {
  store = await openSqliteStore(":memory:");
  app = createApp({ store, webDir: false });
});

afterEach(async () => {
  await app.close();
  await store.close();
});

const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  callApi(app, method, path, body, headers);

describe("creating and reading scenarios", () => {
  it("creates a scenario from YAML text as revision 1, keeping the text exactly", async () => {
    const created = await call("POST", "/api/scenarios", {
      text: minimal,
      author: "ana",
      message: "first draft",
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/api/scenarios/minimal");
    expect(created.body).toMatchObject({
      scenarioId: "minimal",
      revision: 1,
      title: "A minimal valid scenario",
      format: "yaml",
      author: "ana",
      message: "first draft",
      text: minimal,
    });
    expect(created.body.scenario.actors.map((a: { id: string }) => a.id)).toEqual(["a", "b"]);
    const read = await call("GET", "/api/scenarios/minimal");
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const list = await call("GET", "/api/scenarios");
    expect(list.body.scenarios).toMatchObject([
      { id: "minimal", latestRevision: 1, latest: { revision: 1, author: "ana" } },
    ]);
  });

  it("creates a scenario from a scenario object, bare or as { scenario }, stored as JSON", async () => {
    const scenario = parseYaml(minimal);
    const bare = await call("POST", "/api/scenarios", scenario);
    expect(bare.status).toBe(201);
    expect(bare.body.format).toBe("json");
    expect(JSON.parse(bare.body.text)).toEqual(scenario);
    const wrapped = await call("POST", "/api/scenarios", {
      scenario: { ...scenario, id: "other" },
      message: "copy",
    });
    expect(wrapped.status).toBe(201);
    expect(wrapped.body).toMatchObject({ scenarioId: "other", format: "json", message: "copy" });
  });

  it("takes JSON text, guessing the format from the first character", async () => {
    const text = JSON.stringify(parseYaml(minimal), null, 2);
    const created = await call("POST", "/api/scenarios", { text });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ format: "json", text });
  });

  it("refuses a second scenario with the same id with 409", async () => {
    await call("POST", "/api/scenarios", { text: minimal });
    const again = await call("POST", "/api/scenarios", { text: minimal });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([
      {
        path: "id",
        message: 'scenario "minimal" already exists; save a new revision of it instead',
      },
    ]);
  });

  it("answers 404 for an unknown scenario or revision and 400 for a bad revision number", async () => {
    await call("POST", "/api/scenarios", { text: minimal });
    const cases: Array<[string, number, string, string]> = [
      ["/api/scenarios/nope", 404, "(scenario)", 'no scenario "nope"'],
      [
        "/api/scenarios/minimal?revision=4",
        404,
        "(revision)",
        'scenario "minimal" has no revision 4; its revisions are 1 to 1',
      ],
      [
        "/api/scenarios/minimal?revision=abc",
        400,
        "revision",
        'expected a whole number ≥ 1, got "abc"',
      ],
      ["/api/scenarios/nope/revisions", 404, "(scenario)", 'no scenario "nope"'],
      ["/api/scenarios/nope/export.yaml", 404, "(scenario)", 'no scenario "nope"'],
      [
        `/api/scenarios/${"x".repeat(201)}`,
        400,
        "(request)",
        `scenario id: expected a non-empty string of at most 200 characters, got "${"x".repeat(201)}"`,
      ],
    ];
    for (const [path, status, where, message] of cases) {
      const answer = await call("GET", path);
      expect([path, answer.status]).toEqual([path, status]);
      expect(answer.body).toEqual({ errors: [{ path: where, message }] });
    }
  });
});

describe("validation errors", () => {
  const expected: Record<string, string[]> = JSON.parse(fixture("invalid/expected.json")).expected;
  const files = readdirSync(new URL("test/fixtures/invalid/", root)).filter(
    (f) =>
      /\.(ya?ml|json)$/.test(f) &&
      f !== "expected.json" &&
      firstInvalidUtf8(readFileSync(new URL(`test/fixtures/invalid/${f}`, root))) < 0,
  );

  it.each(files)(
    "reports %s exactly as `entente validate` does, with line and column",
    async (f) => {
      const text = fixture(`invalid/${f}`);
      const format = f.endsWith(".json") ? "json" : "yaml";
      const answer = await call("POST", "/api/scenarios", { text, format });
      expect(answer.status).toBe(400);
      const lines = answer.body.errors.map(
        (e: { line: number; col: number; path: string; message: string }) =>
          `${e.line}:${e.col} ${e.path}: ${e.message}`,
      );
      expect(lines).toEqual(expected[f]);
    },
  );

  it("reports a scenario object's problems by path, without line and column", async () => {
    const scenario = parseYaml(minimal);
    scenario.stances[0].salience = 130;
    scenario.colour = "red";
    const answer = await call("POST", "/api/scenarios", { scenario });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([
        { path: "stances.0.salience", message: "expected a salience from 0 to 100, got 130" },
        expect.objectContaining({
          path: "colour",
          message: expect.stringMatching(/^unknown field "colour"/),
        }),
      ]),
    );
  });

  it.each([
    ["text not text", { text: 42 }, "text", "expected the scenario's YAML or JSON text, got 42"],
    [
      "unknown format",
      { text: minimal, format: "toml" },
      "format",
      'expected one of yaml, json, got "toml"',
    ],
    [
      "unknown field",
      { text: minimal, colour: 1 },
      "colour",
      'unknown field "colour"; allowed: text, format, baseRevision, author, message',
    ],
    [
      "author not text",
      { text: minimal, author: 7 },
      "author",
      "expected text of at most 200 characters, got 7",
    ],
    [
      "baseRevision on create",
      { text: minimal, baseRevision: 1 },
      "baseRevision",
      "a new scenario has no earlier revision; use PUT /api/scenarios/:id to save one",
    ],
    [
      "scenario not an object",
      { scenario: [1] },
      "scenario",
      "expected the scenario as a JSON object, got a list of 1",
    ],
  ])("refuses a bad envelope: %s", async (_name, body, path, message) => {
    const answer = await call("POST", "/api/scenarios", body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ path, message }]);
  });

  it("refuses a body that is not JSON with 415, and broken JSON with 400", async () => {
    const form = await call("POST", "/api/scenarios", "text=abc", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
    expect(form.body.errors[0]).toEqual({
      path: "(body)",
      message: 'expected Content-Type: application/json, got "application/x-www-form-urlencoded"',
    });
    const broken = await call("POST", "/api/scenarios", '{"text": ', {
      "content-type": "application/json",
    });
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].path).toBe("(body)");
    expect(broken.body.errors[0].message).toMatch(/^invalid JSON: /);
    const list = await call("POST", "/api/scenarios", [1, 2]);
    expect(list.body.errors[0].message).toBe("expected a JSON object, got a list");
  });
});

describe("saving revisions", () => {
  beforeEach(async () => {
    await call("POST", "/api/scenarios", { text: minimal });
  });

  const edited = (title: string) => minimal.replace("A minimal valid scenario", title);

  it("saves a new revision on the latest and keeps the old one readable", async () => {
    const saved = await call("PUT", "/api/scenarios/minimal", {
      text: edited("Second title"),
      baseRevision: 1,
      message: "retitled",
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ revision: 2, title: "Second title", message: "retitled" });
    expect((await call("GET", "/api/scenarios/minimal")).body.revision).toBe(2);
    const old = await call("GET", "/api/scenarios/minimal?revision=1");
    expect(old.body).toMatchObject({ revision: 1, text: minimal });
    const history = await call("GET", "/api/scenarios/minimal/revisions");
    expect(history.body.id).toBe("minimal");
    expect(
      history.body.revisions.map((r: { revision: number; title: string }) => [r.revision, r.title]),
    ).toEqual([
      [2, "Second title"],
      [1, "A minimal valid scenario"],
    ]);
  });

  it("answers 409 when baseRevision is not the latest, and writes nothing", async () => {
    await call("PUT", "/api/scenarios/minimal", { text: edited("Mine"), baseRevision: 1 });
    const late = await call("PUT", "/api/scenarios/minimal", {
      text: edited("Theirs"),
      baseRevision: 1,
    });
    expect(late.status).toBe(409);
    expect(late.body.errors).toEqual([
      {
        path: "baseRevision",
        message:
          'scenario "minimal" is at revision 2, not 1: someone saved it since; reload it, reapply your change and save again',
      },
    ]);
    const history = await call("GET", "/api/scenarios/minimal/revisions");
    expect(history.body.revisions).toHaveLength(2);
    expect((await call("GET", "/api/scenarios/minimal")).body.title).toBe("Mine");
  });

  it("needs baseRevision, the scenario's own id, and an existing scenario", async () => {
    const missing = await call("PUT", "/api/scenarios/minimal", { text: edited("x") });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe("baseRevision");
    const renamed = await call("PUT", "/api/scenarios/minimal", {
      text: minimal.replace("id: minimal", "id: renamed"),
      baseRevision: 1,
    });
    expect(renamed.status).toBe(400);
    expect(renamed.body.errors).toEqual([
      {
        path: "id",
        line: 1,
        col: 5,
        message:
          'the scenario\'s id is "renamed" but this is scenario "minimal"; ids cannot change (create a new scenario instead)',
      },
    ]);
    const unknown = await call("PUT", "/api/scenarios/nope", {
      text: minimal.replace("id: minimal", "id: nope"),
      baseRevision: 1,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors).toEqual([{ path: "(scenario)", message: 'no scenario "nope"' }]);
  });

  it("saves an edit sent as a scenario object", async () => {
    const scenario = { ...parseYaml(minimal), title: "As object" };
    const saved = await call("PUT", "/api/scenarios/minimal", { scenario, baseRevision: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ revision: 2, format: "yaml", title: "As object" });
    // Saved into the YAML it was based on: only the title's line differs.
    expect(saved.body.text).toBe(
      minimal.replace("title: A minimal valid scenario", "title: As object"),
    );
  });

  it("keeps comments and layout when an object edit is saved on a YAML revision", async () => {
    await call("POST", "/api/scenarios", { text: minimal }).then(() =>
      call("POST", "/api/scenarios", { text: `# notes\n${minimal.replace("minimal", "noted")}` }),
    );
    const before = (await call("GET", "/api/scenarios/noted")).body;
    const scenario = structuredClone(before.scenario);
    scenario.stances[0].position = 25;
    scenario.actors.push({ id: "c", name: "Gamma", capability: 1 });
    const saved = await call("PUT", "/api/scenarios/noted", {
      scenario,
      baseRevision: 1,
      message: "Gamma joins",
    });
    expect(saved.status).toBe(200);
    expect(saved.body.message).toBe("Gamma joins");
    expect(saved.body.text.startsWith("# notes\n")).toBe(true);
    expect(saved.body.text).toContain("    position: 25\n");
    expect(saved.body.text).toContain("  - id: c\n    name: Gamma\n    capability: 1\n");
    expect(saved.body.text).toContain(
      "capability: { value: 1, low: 0.5, high: 2, sources: [s1], note: smaller economy }",
    );
  });

  it("saves an object edit on a JSON revision as JSON", async () => {
    await call("POST", "/api/scenarios", { ...parseYaml(minimal), id: "asjson" });
    const scenario = { ...parseYaml(minimal), id: "asjson", title: "Still JSON" };
    const saved = await call("PUT", "/api/scenarios/asjson", { scenario, baseRevision: 1 });
    expect(saved.body).toMatchObject({ revision: 2, format: "json", title: "Still JSON" });
  });
});

describe("exporting YAML", () => {
  it("gives YAML text as saved, and JSON converted to YAML", async () => {
    await call("POST", "/api/scenarios", { text: minimal });
    const scenario = { ...parseYaml(minimal), title: "JSON title" };
    await call("PUT", "/api/scenarios/minimal", {
      text: JSON.stringify(scenario),
      baseRevision: 1,
    });

    const first = await call("GET", "/api/scenarios/minimal/export.yaml?revision=1");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/yaml; charset=utf-8");
    expect(first.headers.get("content-disposition")).toBe('attachment; filename="minimal-r1.yaml"');
    expect(first.text).toBe(minimal);
    const latest = await call("GET", "/api/scenarios/minimal/export.yaml");
    expect(latest.text.startsWith("# JSON title — revision 2, saved as JSON\n")).toBe(true);
    expect(parseYaml(latest.text)).toEqual(scenario);
  });
});

describe("importing, restoring and deleting", () => {
  it("imports a KTAB CSV as a new scenario in YAML, under the id asked for", async () => {
    const text = fixture("import/dummyData_3Dim.csv");
    const made = await call("POST", "/api/import", { name: "dummyData_3Dim.csv", text });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ revision: 1, format: "yaml", importedFrom: "ktab-csv" });
    expect(made.body.message).toBe("Imported from dummyData_3Dim.csv (ktab-csv)");
    expect(made.body.scenario.issues).toHaveLength(3);
    expect(made.body.text).toMatch(/^# yaml-language-server/);
    const again = await call("POST", "/api/import", { name: "dummyData_3Dim.csv", text });
    expect(again.status).toBe(409);
    const renamed = await call("POST", "/api/import", {
      name: "dummyData_3Dim.csv",
      text,
      id: "dummy-copy",
    });
    expect(renamed.status).toBe(201);
    expect(renamed.body.scenarioId).toBe("dummy-copy");
    expect(renamed.body.text).toContain("\nid: dummy-copy\n");
  });

  it("imports scenario files as written, and reports a bad file with line and column", async () => {
    const yaml = await call("POST", "/api/import", { name: "m.yaml", text: minimal, id: "copy" });
    expect(yaml.status).toBe(201);
    expect(yaml.body.text).toBe(minimal.replace("id: minimal", "id: copy"));
    const bad = await call("POST", "/api/import", { name: "broken.csv", text: "a,b\n1,2\n" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ line: 1, col: 1, path: "(file)" });
    expect(bad.body.errors[0].message).toMatch(/cannot tell the format/);
    const badId = await call("POST", "/api/import", { name: "m.yaml", text: minimal, id: "1x" });
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0]).toMatchObject({ path: "id" });
    expect(badId.body.errors[0].message).toMatch(/^expected an id: a letter.*got "1x"$/);
    const noName = await call("POST", "/api/import", { text: minimal });
    expect(noName.status).toBe(400);
    expect(noName.body.errors[0].path).toBe("name");
  });

  it("restores an old revision as a new one", async () => {
    await call("POST", "/api/scenarios", { text: minimal });
    await call("PUT", "/api/scenarios/minimal", {
      text: minimal.replace("capability: 2", "capability: 3"),
      baseRevision: 1,
    });
    const restored = await call("POST", "/api/scenarios/minimal/revisions/1/restore", {
      baseRevision: 2,
    });
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ revision: 3, message: "Restored revision 1" });
    expect(restored.body.text).toBe(minimal);
    const stale = await call("POST", "/api/scenarios/minimal/revisions/1/restore", {
      baseRevision: 2,
    });
    expect(stale.status).toBe(409);
  });

  it("deletes softly, lists deleted scenarios, restores, and purges only on request", async () => {
    await call("POST", "/api/scenarios", { text: minimal });
    const deleted = await call("DELETE", "/api/scenarios/minimal");
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: "minimal", latestRevision: 1 });
    expect((await call("GET", "/api/scenarios")).body.scenarios).toEqual([]);
    const gone = await call("GET", "/api/scenarios/minimal");
    expect(gone.status).toBe(404);
    expect(gone.body.errors[0].message).toMatch(/was deleted on .* restore it/);
    const listed = await call("GET", "/api/scenarios?deleted=true");
    expect(listed.body.scenarios.map((s: { id: string }) => s.id)).toEqual(["minimal"]);
    expect(listed.body.scenarios[0].purgeAfter).toBeTypeOf("string");
    expect((await call("POST", "/api/scenarios/minimal/restore")).status).toBe(200);
    expect((await call("GET", "/api/scenarios/minimal")).status).toBe(200);
    expect((await call("DELETE", "/api/scenarios/minimal?purge=true")).status).toBe(409);
    await call("DELETE", "/api/scenarios/minimal");
    const purged = await call("DELETE", "/api/scenarios/minimal?purge=true");
    expect(purged.body).toEqual({ purged: ["minimal"] });
    expect((await call("GET", "/api/scenarios?deleted")).body.scenarios).toEqual([]);
  });
});

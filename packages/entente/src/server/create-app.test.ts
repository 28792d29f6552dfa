import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../store/sqlite-store.ts";
import type { Store } from "../store/store.ts";
import { LOOPBACK_HOSTS } from "./access-control.ts";
import { callApi } from "./call-api.ts";
import { type AppOptions, createApp, type EntenteApp } from "./create-app.ts";
import { DEFAULT_MAX_BODY_BYTES } from "./request-body.ts";

const root = new URL("../../../../", import.meta.url);
const minimal = readFileSync(new URL("test/fixtures/valid/minimal.yaml", root), "utf8");

const opened: Array<{ app: EntenteApp; store: Store }> = [];
const temp: string[] = [];

async function open(options: Omit<AppOptions, "store"> = {}) {
  const store = await openSqliteStore(":memory:");
  const app = createApp({ store, webDir: false, ...options });
  opened.push({ app, store });
  return { app, store };
}

afterEach(async () => {
  for (const { app, store } of opened.splice(0)) {
    await app.close();
    await store.close();
  }
  for (const dir of temp.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("the token", () => {
  it("guards every change when set, and leaves reading open", async () => {
    const { app } = await open({ token: "s3cret-token" });
    const bare = await callApi(app, "POST", "/api/scenarios", { text: minimal });
    expect(bare.status).toBe(401);
    expect(bare.headers.get("www-authenticate")).toBe('Bearer realm="entente"');
    expect(bare.body.errors).toEqual([
      {
        path: "(auth)",
        message:
          "this server needs Authorization: Bearer <token> (the ENTENTE_TOKEN it was started with) for changes",
      },
    ]);
    const wrong = await callApi(
      app,
      "POST",
      "/api/scenarios",
      { text: minimal },
      {
        authorization: "Bearer not-it",
      },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors[0].message).toBe("wrong token");
    const right = await callApi(
      app,
      "POST",
      "/api/scenarios",
      { text: minimal },
      {
        authorization: "Bearer s3cret-token",
      },
    );
    expect(right.status).toBe(201);
    expect((await callApi(app, "GET", "/api/scenarios/minimal")).status).toBe(200);
    for (const [method, path] of [
      ["PUT", "/api/scenarios/minimal"],
      ["POST", "/api/scenarios/minimal/forecast"],
      ["POST", "/api/scenarios/minimal/run"],
      ["POST", "/api/scenarios/minimal/simulate"],
      ["POST", "/api/scenarios/minimal/deals"],
      ["DELETE", "/api/runs/x"],
    ] as const) {
      expect([method, path, (await callApi(app, method, path, {})).status]).toEqual([
        method,
        path,
        401,
      ]);
    }
  });

  it("refuses a token too short to be a secret", async () => {
    await expect(open({ token: "abc" })).rejects.toThrow(
      "token: expected at least 8 characters, got 3",
    );
  });
});

describe("the body limit", () => {
  it("answers 413 for a body over 5 MiB, without reading it as a scenario", async () => {
    const { app } = await open();
    const text = `# ${"x".repeat(DEFAULT_MAX_BODY_BYTES)}\n${minimal}`;
    const answer = await callApi(app, "POST", "/api/scenarios", { text });
    expect(answer.status).toBe(413);
    expect(answer.body.errors).toEqual([
      { path: "(body)", message: "the body is larger than this server accepts (5242880 bytes)" },
    ]);
    expect((await callApi(app, "GET", "/api/scenarios")).body.scenarios).toEqual([]);
  });

  it("counts the bytes of a body sent without a length", async () => {
    const { app } = await open({ maxBodyBytes: 2048 });
    const chunk = new TextEncoder().encode(JSON.stringify({ text: "y".repeat(4000) }));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await app.request("/api/scenarios", {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});

describe("CORS, hosts and headers", () => {
  it("sends no CORS headers unless origins are configured", async () => {
    const { app } = await open();
    const response = await app.request("/api/scenarios", {
      headers: { origin: "http://localhost:5173" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows the configured origins, preflight included, and only them", async () => {
    const { app } = await open({ cors: "http://localhost:5173", token: "s3cret-token" });
    const preflight = await app.request("/api/scenarios", {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    const other = await app.request("/api/scenarios", {
      headers: { origin: "http://evil.example" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses a CORS setting that is not an origin", async () => {
    await expect(open({ cors: "localhost:5173/app" })).rejects.toThrow(
      'cors: expected an origin such as http://localhost:5173 (scheme, host and port only), got "localhost:5173/app"',
    );
  });

  it("answers only to the allowed host names", async () => {
    const { app } = await open({ allowedHosts: LOOPBACK_HOSTS });
    for (const host of ["localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LOCALHOST"]) {
      const ok = await app.request("/api/health", { headers: { host } });
      expect([host, ok.status]).toEqual([host, 200]);
    }
    const rebound = await callApi(app, "GET", "/api/health", undefined, {
      host: "evil.example:8080",
    });
    expect(rebound.status).toBe(403);
    expect(rebound.body.errors).toEqual([
      {
        path: "(host)",
        message: 'this server answers to localhost, 127.0.0.1, [::1], not "evil.example:8080"',
      },
    ]);
  });

  it("marks pages cross-origin isolated and API answers not to be cached or sniffed", async () => {
    const { app } = await open();
    const api = await app.request("/api/health");
    expect(api.headers.get("cache-control")).toBe("no-store");
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    expect(api.headers.get("cross-origin-opener-policy")).toBeNull();
    const page = await app.request("/");
    expect(page.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(page.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
  });
});

describe("the web UI", () => {
  it("says it is not built when packages/web/dist is missing", async () => {
    const { app } = await open();
    const page = await callApi(app, "GET", "/");
    expect(page.status).toBe(404);
    expect(page.body.errors[0].message).toMatch(/^the web UI is not part of this build/);
  });

  it("serves the build's files, index.html for the UI's own paths, and keeps /api JSON", async () => {
    const dir = await mkdtemp(join(tmpdir(), "entente-web-"));
    temp.push(dir);
    await writeFile(join(dir, "index.html"), "<!doctype html><title>Entente</title>");
    await writeFile(join(dir, "app.js"), "console.log('hi')");
    const { app } = await open({ webDir: dir });
    const index = await app.request("/");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toMatch(/^text\/html/);
    expect(index.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
    expect(await index.text()).toContain("<title>Entente</title>");
    const script = await app.request("/app.js");
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect(script.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    const deep = await app.request("/scenarios/budapest-2025/edit");
    expect(await deep.text()).toContain("<title>Entente</title>");
    const api = await callApi(app, "GET", "/api/nothing-here");
    expect(api.status).toBe(404);
    expect(api.body).toEqual({
      errors: [{ path: "(route)", message: "no route GET /api/nothing-here" }],
    });
  });
});

describe("errors", () => {
  it("answers 404 with the route for an unknown path or method", async () => {
    const { app } = await open();
    const answer = await callApi(app, "PATCH", "/api/scenarios/x");
    expect(answer.status).toBe(404);
    expect(answer.body.errors).toEqual([
      { path: "(route)", message: "no route PATCH /api/scenarios/x" },
    ]);
  });

  it("answers 500 without a stack trace and logs the details", async () => {
    const store = await openSqliteStore(":memory:");
    const broken: Store = Object.assign(Object.create(store), {
      listScenarios: async () => {
        throw new Error("disk on fire at /secret/path");
      },
    });
    const logged: string[] = [];
    const app = createApp({ store: broken, webDir: false, log: (m) => logged.push(m) });
    opened.push({ app, store });
    const answer = await callApi(app, "GET", "/api/scenarios");
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      errors: [{ path: "(server)", message: "internal error; the server's log has the details" }],
    });
    expect(answer.text).not.toContain("secret");
    expect(logged.join("\n")).toContain("disk on fire");
    expect(logged.join("\n")).toMatch(/\n\s+at /);
  });
});

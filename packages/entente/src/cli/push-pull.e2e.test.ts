import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { entente } from "../../../../test/support/cli.ts";
import { createApp, type EntenteApp } from "../server/create-app.ts";
import { type RunningServer, startServer } from "../server/start-server.ts";
import { openSqliteStore } from "../store/sqlite-store.ts";
import type { Store } from "../store/store.ts";

const minimal = await readFile(
  new URL("../../../../test/fixtures/valid/minimal.yaml", import.meta.url),
  "utf8",
);
const TOKEN = "push-pull-test-token-0123456789";

let store: Store;
let app: EntenteApp;
let server: RunningServer;
let dir: string;

beforeAll(async () => {
  store = await openSqliteStore(":memory:");
  app = createApp({ store, webDir: false, token: TOKEN });
  server = await startServer(app, { host: "127.0.0.1", port: 0 });
  dir = await mkdtemp(join(tmpdir(), "entente-push-"));
});
afterAll(async () => {
  await server.close();
  await app.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => vi.unstubAllEnvs());

describe("entente push and pull", () => {
  it("pushes a file as a new scenario, then as new revisions, and pulls it back byte for byte", async () => {
    const file = join(dir, "minimal.yaml");
    await writeFile(file, minimal);
    const refused = await entente("push", file, "--server", server.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused the request \(401\).*set ENTENTE_TOKEN/);

    vi.stubEnv("ENTENTE_TOKEN", TOKEN);
    const first = await entente("push", file, "--server", server.url, "-m", "first");
    expect(first.stdout).toBe(
      `${file}: saved as revision 1 of minimal on ${server.url} (new scenario)\n`,
    );
    const same = await entente("push", file, "--server", server.url);
    expect(same.stdout).toMatch(/unchanged; minimal stays at revision 1/);
    const edited = minimal.replace("capability: 2", "capability: 3 # revised");
    await writeFile(file, edited);
    const second = await entente("push", file, "--server", server.url, "-m", "Alpha up");
    expect(second.stdout).toMatch(/saved as revision 2 of minimal/);
    expect((await store.getScenario("minimal")).message).toBe("Alpha up");
    await writeFile(file, edited.replace("capability: 3", "capability: 4"));
    const stale = await entente("push", file, "--server", server.url, "--base", "1");
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/not pushed: .*is at revision 2, not 1/);

    await writeFile(file, edited);
    const out = join(dir, "pulled.yaml");
    const pulled = await entente("pull", "minimal", "--server", server.url, "-o", out);
    expect(pulled.stdout).toBe(`${out}: wrote minimal revision 2 from ${server.url}\n`);
    expect(await readFile(out, "utf8")).toBe(edited);
    const old = await entente("pull", "minimal", "--server", server.url, "-o", out, "-r", "1");
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/already exists and differs; use --force/);
    await entente("pull", "minimal", "--server", server.url, "-o", out, "-r", "1", "--force");
    expect(await readFile(out, "utf8")).toBe(minimal);
  });

  it("checks the file locally and names it with line and column", async () => {
    vi.stubEnv("ENTENTE_TOKEN", TOKEN);
    const file = join(dir, "bad.yaml");
    await writeFile(file, minimal.replace("capability: 2", "capability: lots"));
    const bad = await entente("push", file, "--server", server.url);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+`),
    );
    expect(bad.stderr).not.toMatch(/at .*\.ts:/);
  });

  it("says clearly when the server is unreachable or the scenario unknown", async () => {
    const down = await entente("pull", "minimal", "--server", "http://127.0.0.1:9", "-o", "-");
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/cannot reach the server at http:\/\/127\.0\.0\.1:9/);
    const unknown = await entente("pull", "nope", "--server", server.url, "-o", "-");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no scenario "nope"/);
    const badUrl = await entente("pull", "x", "--server", "ftp://x");
    expect(badUrl.code).toBe(2);
  });
});

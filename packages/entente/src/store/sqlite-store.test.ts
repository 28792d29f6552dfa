import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteStore, SQLITE_FILE } from "./sqlite-store.ts";
import { storeContract } from "./store.contract.ts";
import { sampleRevision } from "./store-samples.contract.ts";

storeContract("SQLite (file in a temporary folder)", async () => {
  const dir = await mkdtemp(join(tmpdir(), "entente-store-"));
  return {
    store: await openSqliteStore(dir),
    reopen: () => openSqliteStore(dir),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

storeContract("SQLite (in memory)", async () => ({
  store: await openSqliteStore(":memory:"),
  cleanup: async () => {},
}));

describe("the SQLite store", () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), "entente-store-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it("creates the data folder and a WAL-mode database file that passes the integrity check", async () => {
    const dir = join(await tempDir(), "nested", "data");
    const store = await openSqliteStore(dir);
    await store.createScenario("alpha", sampleRevision("alpha", "one"));
    expect(store.location).toBe(join(dir, SQLITE_FILE));
    await store.close();
    const db = new BetterSqlite3(join(dir, SQLITE_FILE), { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("foreign_key_check")).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("opens a database made earlier without migrating it twice", async () => {
    const dir = await tempDir();
    await (await openSqliteStore(dir)).close();
    const again = await openSqliteStore(dir);
    expect(await again.listScenarios()).toEqual([]);
    await again.close();
  });

  it("says which data folder it cannot create", async () => {
    const file = join(await tempDir(), "a-file");
    await (await import("node:fs/promises")).writeFile(file, "x");
    await expect(openSqliteStore(join(file, "sub"))).rejects.toThrow(
      `cannot create the data directory ${join(file, "sub")}`,
    );
    await expect(openSqliteStore("")).rejects.toThrow('data directory: expected a path, got ""');
  });

  it("gives distinct revisions to saves from two processes writing one file at once", async () => {
    const dir = await tempDir();
    const store = await openSqliteStore(dir);
    await store.createScenario("alpha", sampleRevision("alpha", "base"));
    await store.close();
    const perProcess = 15;
    const module = fileURLToPath(new URL("./sqlite-store.ts", import.meta.url));
    const samples = fileURLToPath(new URL("./store-samples.contract.ts", import.meta.url));
    const writer = (name: string) =>
      new Promise<void>((resolve, reject) => {
        const code = `
          import { openSqliteStore } from ${JSON.stringify(module)};
          import { sampleRevision } from ${JSON.stringify(samples)};
          const store = await openSqliteStore(${JSON.stringify(dir)});
          for (let i = 0; i < ${perProcess}; i++)
            await store.saveRevision("alpha", sampleRevision("alpha", "${name} " + i));
          await store.close();`;
        const child = spawn(
          process.execPath,
          ["--conditions=source", "--import", "tsx", "--input-type=module", "-e", code],
          { stdio: ["ignore", "ignore", "pipe"] },
        );
        let stderr = "";
        child.stderr.on("data", (d) => {
          stderr += d;
        });
        child.on("exit", (status) =>
          status === 0
            ? resolve()
            : reject(new Error(`writer ${name} exited ${status}: ${stderr}`)),
        );
      });
    await Promise.all([writer("p"), writer("q")]);
    const reopened = await openSqliteStore(dir);
    const history = await reopened.listRevisions("alpha");
    expect(history.map((r) => r.revision)).toEqual(
      Array.from({ length: 2 * perProcess + 1 }, (_, i) => 2 * perProcess + 1 - i),
    );
    const notes = new Set(history.map((r) => r.title));
    expect(notes.size).toBe(2 * perProcess + 1);
    await reopened.close();
  });
});

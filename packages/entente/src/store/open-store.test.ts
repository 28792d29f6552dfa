import { mkdtemp, rm } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDataDir } from "./data-dir.ts";
import { openStore } from "./open-store.ts";
import { SQLITE_FILE } from "./sqlite-store.ts";

describe("choosing the data directory", () => {
  it("takes --data-dir, else ENTENTE_DATA_DIR, else ~/.entente", () => {
    expect(resolveDataDir("rel/dir", { ENTENTE_DATA_DIR: "/env" })).toBe(resolve("rel/dir"));
    expect(resolveDataDir(undefined, { ENTENTE_DATA_DIR: "/env/dir" })).toBe("/env/dir");
    expect(resolveDataDir(undefined, { ENTENTE_DATA_DIR: "" })).toBe(join(homedir(), ".entente"));
    expect(resolveDataDir(undefined, {})).toBe(join(homedir(), ".entente"));
    expect(() => resolveDataDir("  ", {})).toThrow(
      "data directory: expected a path, got an empty string",
    );
  });
});

describe("opening the store", () => {
  it("opens SQLite in the data directory when DATABASE_URL is not set", async () => {
    const dir = await mkdtemp(join(tmpdir(), "entente-open-"));
    try {
      const store = await openStore({ env: { ENTENTE_DATA_DIR: dir } });
      expect(store.dialect).toBe("sqlite");
      expect(store.location).toBe(join(dir, SQLITE_FILE));
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses --data-dir together with DATABASE_URL, and a DATABASE_URL that is not PostgreSQL", async () => {
    await expect(
      openStore({ dataDir: "/tmp/x", env: { DATABASE_URL: "postgres://h/db" } }),
    ).rejects.toThrow(
      "--data-dir /tmp/x was given but DATABASE_URL is set (PostgreSQL); unset DATABASE_URL to use SQLite in that folder",
    );
    await expect(openStore({ env: { DATABASE_URL: "sqlite:///tmp/x" } })).rejects.toThrow(
      "database URL: expected postgres://… or postgresql://…",
    );
  });
});

import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { describeUrl, openPostgresStore } from "./postgres-store.ts";
import { storeContract } from "./store.contract.ts";

/** A PostgreSQL server for the contract test; the suite is skipped without one. */
const url = process.env.ENTENTE_TEST_DATABASE_URL;

/** Drop a test schema and everything in it. */
async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

if (url) {
  storeContract("PostgreSQL (a fresh schema per test)", async () => {
    const schema = `entente_test_${randomBytes(6).toString("hex")}`;
    return {
      store: await openPostgresStore({ url, schema }),
      reopen: () => openPostgresStore({ url, schema }),
      cleanup: () => dropSchema(url, schema),
    };
  });
} else {
  describe.skip("Store contract: PostgreSQL (set ENTENTE_TEST_DATABASE_URL to run)", () => {
    it("needs a database", () => {});
  });
}

describe("the PostgreSQL store's options", () => {
  it("refuses a URL that is not postgres://, without printing a password", async () => {
    await expect(openPostgresStore({ url: "mysql://u:secret@h/db" })).rejects.toThrow(
      "database URL: expected postgres://… or postgresql://…, got mysql://h/db",
    );
    await expect(
      openPostgresStore({ url: "postgres://h/db", schema: "x; drop table y" }),
    ).rejects.toThrow('schema: expected letters, digits and _ only, got "x; drop table y"');
  });

  it("describes a URL by host, port and database only", () => {
    expect(describeUrl("postgresql://me:pw@127.0.0.1:55432/entente")).toBe(
      "postgresql://127.0.0.1:55432/entente",
    );
  });
});

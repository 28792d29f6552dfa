import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LedgerEntry } from "@entente/core";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entente } from "../../../../test/support/cli.ts";
import { openSqliteStore, SQLITE_FILE } from "../store/sqlite-store.ts";
import { recordHash } from "./ledger-hash.ts";

const forecast = (question: string, probability: number): LedgerEntry => ({
  kind: "forecast",
  question,
  text: `Will ${question} happen?`,
  forecaster: "alice",
  forecasterKind: "analyst",
  probability,
  date: "2025-10-20",
  created: "2025-10-20T12:00:00.000Z",
});

let root: string;
let original: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "entente-ledger-"));
  original = join(root, "original");
  const store = await openSqliteStore(original);
  for (let i = 1; i <= 5; i++) await store.appendLedger([forecast(`q${i}`, i / 10)]);
  await store.close();
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the five-entry ledger, changed by `tamper` through SQL. */
function tampered(name: string, tamper: (db: BetterSqlite3.Database) => void): string {
  const dir = join(root, name);
  mkdirSync(dir);
  copyFileSync(join(original, SQLITE_FILE), join(dir, SQLITE_FILE));
  const db = new BetterSqlite3(join(dir, SQLITE_FILE));
  tamper(db);
  db.close();
  return dir;
}

async function verify(dir: string) {
  const r = await entente("ledger", "verify", "--data-dir", dir, "-f", "json");
  return { code: r.code, result: JSON.parse(r.stdout), stderr: r.stderr };
}

describe("ledger verify on a copied database", () => {
  it("passes the untouched copy", async () => {
    const { code, result } = await verify(tampered("untouched", () => {}));
    expect(code).toBe(0);
    expect(result).toMatchObject({ ok: true, entries: 5 });
  });

  const cases: Array<[string, (db: BetterSqlite3.Database) => void, number, RegExp]> = [
    [
      "an edited entry",
      (db) =>
        db
          .prepare("update ledger_entries set body = replace(body, '0.3', '0.9') where seq = 3")
          .run(),
      3,
      /edited/,
    ],
    [
      "an edited entry whose hash was recomputed",
      (db) => {
        const row = db
          .prepare("select prev_hash, body from ledger_entries where seq = 3")
          .get() as { prev_hash: string; body: string };
        const body = row.body.replace("0.3", "0.9");
        db.prepare("update ledger_entries set body = ?, hash = ? where seq = 3").run(
          body,
          recordHash(3, row.prev_hash, body),
        );
      },
      4,
      /previous hash .* is not entry 3's hash/,
    ],
    [
      "an edited indexed column",
      (db) => db.prepare("update ledger_entries set question = 'q9' where seq = 2").run(),
      2,
      /columns disagree/,
    ],
    [
      "a deleted entry",
      (db) => db.prepare("delete from ledger_entries where seq = 2").run(),
      2,
      /entry 2 is missing/,
    ],
    [
      "a deleted last entry",
      (db) => db.prepare("delete from ledger_entries where seq = 5").run(),
      5,
      /last entries were deleted/,
    ],
    [
      "two entries swapped",
      (db) => {
        db.prepare("update ledger_entries set seq = 100 where seq = 2").run();
        db.prepare("update ledger_entries set seq = 2 where seq = 3").run();
        db.prepare("update ledger_entries set seq = 3 where seq = 100").run();
      },
      2,
      /previous hash/,
    ],
  ];
  it("passes a chain rewritten from entry 4 on, unless given the head written down before", async () => {
    const original = JSON.parse(
      (await entente("ledger", "verify", "--data-dir", join(root, "untouched"), "-f", "json"))
        .stdout,
    ).head as string;
    const dir = tampered("rewritten", (db) => {
      const rows = db
        .prepare("select seq, prev_hash, body from ledger_entries where seq >= 4 order by seq")
        .all() as Array<{ seq: number; prev_hash: string; body: string }>;
      let prev = rows[0]?.prev_hash as string;
      for (const row of rows) {
        const body = row.seq === 4 ? row.body.replace("0.4", "0.1") : row.body;
        const hash = recordHash(row.seq, prev, body);
        db.prepare("update ledger_entries set body = ?, prev_hash = ?, hash = ? where seq = ?").run(
          body,
          prev,
          hash,
          row.seq,
        );
        prev = hash;
      }
      db.prepare("update ledger_head set hash = ? where id = 1").run(prev);
    });
    expect((await verify(dir)).code).toBe(0);
    const r = await entente("ledger", "verify", "--data-dir", dir, "--head", original);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/no entry has the saved head hash/);
    // The original ledger passes through its own head.
    expect(
      (await entente("ledger", "verify", "--data-dir", join(root, "untouched"), "--head", original))
        .code,
    ).toBe(0);
  });

  for (const [what, tamper, seq, reason] of cases) {
    it(`names the first broken entry after ${what}`, async () => {
      const { code, result, stderr } = await verify(tampered(what.replaceAll(" ", "-"), tamper));
      expect(code).toBe(1);
      expect(result.ok).toBe(false);
      expect(result.broken.seq).toBe(seq);
      expect(result.broken.reason).toMatch(reason);
      expect(stderr).toContain(`the ledger's chain is broken at entry ${seq}`);
    });
  }
});

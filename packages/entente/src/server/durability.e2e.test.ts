// The real `entente serve` process: saves that were answered 2xx survive a SIGKILL mid-write.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServeProcess, startServe } from "../../../../test/support/serve-process.ts";
import { SQLITE_FILE } from "../store/sqlite-store.ts";

const root = new URL("../../../../", import.meta.url);
const minimal = readFileSync(new URL("test/fixtures/valid/minimal.yaml", root), "utf8");

const text = (id: string, n: number) =>
  `# save ${n} of ${id}\n${minimal.replace("id: minimal", `id: ${id}`).replace("A minimal valid scenario", `${id} save ${n}`)}`;

let dir: string;
let server: ServeProcess | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "entente-durability-"));
});

afterAll(async () => {
  server?.child.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

describe("durability of the real server", () => {
  it("keeps every save answered 2xx through a SIGKILL mid-write, and the database stays sound", async () => {
    const t0 = performance.now();
    server = await startServe(["--data-dir", dir]);
    const first = server;
    const acked = new Map<string, Map<number, string>>(); // scenario → revision → text
    const sent = new Map<string, Set<string>>(); // scenario → every text sent, answered or not
    let inFlight = 0;
    let stop = false;
    const clients = 8;
    /** One editor: creates its scenario, then saves revision after revision. */
    const client = async (k: number) => {
      const id = `s${k}`;
      const mine = new Map<number, string>();
      acked.set(id, mine);
      sent.set(id, new Set());
      let latest = 0;
      for (let n = 1; !stop; n++) {
        const body = text(id, n);
        sent.get(id)?.add(body);
        inFlight++;
        try {
          const response = await fetch(
            `${first.url}/api/scenarios${latest === 0 ? "" : `/${id}`}`,
            {
              method: latest === 0 ? "POST" : "PUT",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(
                latest === 0 ? { text: body } : { text: body, baseRevision: latest },
              ),
            },
          );
          const saved = (await response.json()) as { revision: number; text: string };
          if (response.status === 200 || response.status === 201) {
            mine.set(saved.revision, body);
            latest = saved.revision;
          } else {
            throw new Error(`save answered ${response.status}: ${JSON.stringify(saved)}`);
          }
        } catch (e) {
          if (!stop) throw e;
          return; // the server was killed under this request: its outcome is unknown
        } finally {
          inFlight--;
        }
      }
    };
    const running = Array.from({ length: clients }, (_, k) => client(k));
    const count = () => [...acked.values()].reduce((n, m) => n + m.size, 0);
    while (count() < 500) await new Promise((r) => setTimeout(r, 5));
    const pending = inFlight;
    first.child.kill("SIGKILL");
    stop = true;
    await Promise.all(running);
    expect(await first.exited).toBeNull(); // killed, not exited
    const answered = count();
    const tKilled = performance.now();

    // The file alone, before any server touches it again: SQLite recovers the WAL.
    const file = join(dir, SQLITE_FILE);
    const raw = new BetterSqlite3(file);
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(raw.pragma("foreign_key_check")).toEqual([]);
    raw.close();

    server = await startServe(["--data-dir", dir]);
    const second = server;
    let extra = 0;
    for (const [id, mine] of acked) {
      const history = await fetch(`${second.url}/api/scenarios/${id}/revisions`);
      expect(history.status).toBe(200);
      const { revisions } = (await history.json()) as { revisions: Array<{ revision: number }> };
      const numbers = revisions.map((r) => r.revision).sort((a, b) => a - b);
      // No gaps, nothing missing: revisions 1..latest, a superset of the answered ones.
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
      expect(numbers.length).toBeGreaterThanOrEqual(mine.size);
      extra += numbers.length - mine.size;
      for (const n of numbers) {
        const read = await fetch(`${second.url}/api/scenarios/${id}?revision=${n}`);
        const saved = (await read.json()) as { text: string };
        const expected = mine.get(n);
        if (expected !== undefined) expect(saved.text).toBe(expected);
        // A save that was cut off before its answer is whole or absent, never half-written.
        else expect(sent.get(id)?.has(saved.text)).toBe(true);
      }
    }
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(second.stderr()).toContain("entente: stopping");
    const after = new BetterSqlite3(file, { readonly: true });
    expect(after.pragma("integrity_check", { simple: true })).toBe("ok");
    after.close();
    const seconds = (performance.now() - t0) / 1000;
    console.info(
      `durability: ${answered} saves answered 2xx before SIGKILL (${pending} in flight, ${extra} of them landed), all ${answered} found after restart; integrity ok; ${((tKilled - t0) / 1000).toFixed(1)} s to the kill, ${seconds.toFixed(1)} s in all`,
    );
    expect(seconds).toBeLessThan(15);
  }, 30_000);
});

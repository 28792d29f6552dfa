import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSimulationPools } from "../../pool/run-simulation.ts";
import { openSqliteStore } from "../../store/sqlite-store.ts";
import type { Store } from "../../store/store.ts";
import { callApi } from "../call-api.ts";
import { createApp, type EntenteApp } from "../create-app.ts";

const root = new URL("../../../../../", import.meta.url);
const budapest = readFileSync(new URL("scenarios/budapest-2025.yaml", root), "utf8");

let store: Store;
let app: EntenteApp;
const call = (method: string, path: string, body?: unknown) => callApi(app, method, path, body);

beforeAll(async () => {
  store = await openSqliteStore(":memory:");
  app = createApp({ store, webDir: false });
  expect((await call("POST", "/api/scenarios", { text: budapest })).status).toBe(201);
});

afterAll(async () => {
  await app.close();
  await store.close();
  await closeSimulationPools();
});

describe("the ledger API", () => {
  it("records a stored scenario's forecasts, resolves questions and scores them", async () => {
    const recorded = await call("POST", "/api/ledger/record", {
      scenario: "budapest-2025",
      samples: 500,
      date: "2025-10-20",
    });
    expect(recorded.status).toBe(201);
    const { recorded: count } = recorded.body as { recorded: number };
    // 12 questions × 3 models, the sources' 9 figures, 8 issues × 3 models.
    expect(count).toBe(12 * 3 + 9 + 8 * 3);

    const ledger = (await call("GET", "/api/ledger")).body as {
      head: { seq: number };
      questions: Array<{
        question: string;
        kind: string;
        forecasts: Array<{ forecaster: string; probability?: number }>;
      }>;
    };
    expect(ledger.head.seq).toBe(count);
    const summit = ledger.questions.find((q) => q.question === "budapest-2025/summit-agreement");
    expect(summit?.kind).toBe("binary");
    expect(summit?.forecasts.map((f) => f.forecaster)).toEqual([
      "compromise",
      "weighted-median",
      "eum",
      "seed-001",
      "seed-000",
    ]);

    for (const [question, outcome] of [
      ["summit-agreement", "no"],
      ["us-eu-strain", "yes"],
    ] as const) {
      const r = await call("POST", "/api/ledger/resolutions", {
        question,
        outcome,
        date: "2025-11-01",
        source: "test",
      });
      expect(r.status).toBe(201);
    }
    const scores = (await call("GET", "/api/ledger/scores")).body as {
      questions: { resolved: number };
      groups: Array<{ forecaster: string; binary: { n: number; brier: number } | null }>;
    };
    expect(scores.questions.resolved).toBe(2);
    expect(scores.groups.find((g) => g.forecaster === "compromise")?.binary?.n).toBe(2);
    expect(scores.groups.find((g) => g.forecaster === "seed-003")?.binary?.n).toBe(1);
    const byModel = (await call("GET", "/api/ledger/scores?by=model")).body as {
      groups: Array<{ forecaster: string }>;
    };
    expect(byModel.groups.every((g) => g.forecaster.includes(" · calibration of "))).toBe(true);

    const verify = (await call("GET", "/api/ledger/verify")).body as {
      ok: boolean;
      entries: number;
    };
    expect(verify).toMatchObject({ ok: true, entries: count + 2 });
  });

  it("refuses bad input with the field named, and writes nothing", async () => {
    const before = ((await call("GET", "/api/ledger/verify")).body as { entries: number }).entries;
    const cases: Array<[unknown, number, RegExp]> = [
      [
        { question: "no-such-question", outcome: "yes", date: "2025-11-01", source: "x" },
        404,
        /no question "no-such-question"/,
      ],
      [
        { question: "summit-agreement", outcome: 42, date: "2025-11-01", source: "x" },
        400,
        /yes\/no question: expected yes or no/,
      ],
      [
        { question: "territory", outcome: 420, date: "2025-11-01", source: "x" },
        400,
        /expected a number from 0 to 100, got 420/,
      ],
      [
        { question: "summit-agreement", outcome: "yes", date: "1 Nov", source: "x" },
        400,
        /date YYYY-MM-DD/,
      ],
      [
        { question: "summit-agreement", outcome: "yes", date: "2025-11-01", source: "" },
        400,
        /source: expected a non-empty text/,
      ],
    ];
    for (const [body, status, message] of cases) {
      const r = await call("POST", "/api/ledger/resolutions", body);
      expect(r.status).toBe(status);
      expect(messages(r.body)).toMatch(message);
    }
    const analyst = await call("POST", "/api/ledger/forecasts", {
      question: "summit-agreement",
      forecaster: "alice",
      probability: 1.5,
    });
    expect(analyst.status).toBe(400);
    expect(messages(analyst.body)).toMatch(/probability: expected a number from 0 to 1, got 1.5/);
    const after = ((await call("GET", "/api/ledger/verify")).body as { entries: number }).entries;
    expect(after).toBe(before);
    const ok = await call("POST", "/api/ledger/forecasts", {
      question: "summit-agreement",
      forecaster: "alice",
      probability: 0.3,
      date: "2025-10-21",
    });
    expect(ok.status).toBe(201);
  });
});

function messages(body: { errors: Array<{ path: string; message: string }> }): string {
  return body.errors.map((e) => `${e.path}: ${e.message}`).join("\n");
}

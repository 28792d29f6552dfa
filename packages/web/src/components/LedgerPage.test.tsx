// @vitest-environment happy-dom
import type { LedgerQuestion } from "@entente/core";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { LedgerScoreTable, ScenarioList } from "entente/wire-types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LedgerPage } from "./LedgerPage.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const forecast = (seq: number, forecaster: string, probability: number) => ({
  seq,
  forecaster,
  forecasterKind: forecaster.startsWith("seed") ? ("source" as const) : ("model" as const),
  probability,
  date: "2025-11-01",
  created: "2025-11-01T10:00:00Z",
  superseded: false,
});

const summit: LedgerQuestion = {
  question: "budapest-2025/summit",
  text: "Does the summit take place?",
  kind: "binary",
  forecasts: [forecast(1, "eum", 0.3), forecast(2, "seed-003", 0.4)],
  resolution: null,
};

const noScores: LedgerScoreTable = {
  by: "forecaster",
  reference: "50%",
  questions: { total: 1, resolved: 0 },
  groups: [],
};

/** A fake server: answers by method and path, and records every call. */
function server(answers: Record<string, (body: unknown) => [number, unknown]>) {
  const calls: Array<{ method: string; url: string; body: unknown }> = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    const body = init?.body ? JSON.parse(init.body as string) : undefined;
    calls.push({ method, url, body });
    const path = url.split("?")[0] as string;
    const answer = answers[`${method} ${path}`];
    const [status, json] = answer ? answer(body) : [404, { errors: [{ path, message: "no" }] }];
    return new Response(JSON.stringify(json), { status });
  });
  vi.stubGlobal("fetch", fetch);
  return calls;
}

const created = "2025-11-01T09:00:00Z";
/** `GET /api/scenarios` as the server answers it: one scenario at its first revision. */
const stored: ScenarioList = {
  scenarios: [
    {
      id: "budapest-2025",
      title: "Budapest",
      created,
      updated: created,
      latestRevision: 1,
      latest: {
        scenarioId: "budapest-2025",
        revision: 1,
        title: "Budapest",
        format: "yaml",
        author: null,
        message: null,
        created,
      },
    },
  ],
};

const reads = {
  "GET /api/scenarios": () => [200, stored],
  "GET /api/ledger": () => [200, { head: { seq: 2, hash: "ab".repeat(32) }, questions: [summit] }],
  "GET /api/ledger/verify": () => [200, { ok: true, entries: 2, head: "ab".repeat(32) }],
  "GET /api/ledger/scores": () => [200, noScores],
} satisfies Record<string, () => [number, unknown]>;

describe("LedgerPage", () => {
  it("shows the chain, each question's standing forecasts, and no diagram before a resolution", async () => {
    server(reads);
    render(<LedgerPage />);
    await waitFor(() =>
      expect(screen.getByTestId("chain-status").textContent).toBe(
        "Chain intact: 2 entries, head abababababab…",
      ),
    );
    const card = await screen.findByRole("article", { name: "Does the summit take place?" });
    expect(
      within(card)
        .getAllByTestId("latest")
        .map((c) => c.textContent),
    ).toEqual(["30 %", "40 %"]);
    expect((await screen.findByTestId("reliability-empty")).textContent).toMatch(
      /^No resolved questions yet/,
    );
  });

  it("resolves a question from its form, then asks for the questions and scores again", async () => {
    const calls = server({
      ...reads,
      "POST /api/ledger/resolutions": (body) => [201, { seq: 3, entry: body }],
    });
    render(<LedgerPage />);
    const card = await screen.findByRole("article", { name: "Does the summit take place?" });
    const form = within(card).getByRole("form", { name: "Resolve “Does the summit take place?”" });
    fireEvent.click(within(form).getByLabelText("No"));
    fireEvent.change(within(form).getByLabelText("Date"), { target: { value: "2025-11-30" } });
    fireEvent.change(within(form).getByLabelText("Source"), { target: { value: " Reuters " } });
    const before = calls.filter((c) => c.url.startsWith("/api/ledger/scores")).length;
    fireEvent.submit(form);
    await waitFor(() =>
      expect(calls.filter((c) => c.url.startsWith("/api/ledger/scores")).length).toBe(before + 1),
    );
    expect(calls.find((c) => c.method === "POST")).toEqual({
      method: "POST",
      url: "/api/ledger/resolutions",
      body: {
        question: "budapest-2025/summit",
        outcome: "no",
        date: "2025-11-30",
        source: "Reuters",
      },
    });
  });

  it("records a stored scenario's forecasts, and shows the server's error when it fails", async () => {
    let fail = false;
    const calls = server({
      ...reads,
      "POST /api/ledger/record": () =>
        fail
          ? [400, { errors: [{ path: "samples", message: "expected at least 100" }] }]
          : [201, { recorded: 96, head: { seq: 98, hash: "cd".repeat(32) } }],
    });
    render(<LedgerPage />);
    await screen.findByRole("option", { name: "Budapest (revision 1)" });
    fireEvent.click(screen.getByRole("button", { name: "Record forecasts" }));
    expect((await screen.findByText(/^Recorded 96 forecasts/)).textContent).toBe(
      "Recorded 96 forecasts from budapest-2025; the chain's head is now entry 98.",
    );
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ scenario: "budapest-2025" });

    fail = true;
    fireEvent.change(screen.getByLabelText("Samples"), { target: { value: "10" } });
    fireEvent.click(screen.getByRole("button", { name: "Record forecasts" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Recording failed: 400: samples: expected at least 100",
    );
    expect(calls.filter((c) => c.method === "POST")[1]?.body).toEqual({
      scenario: "budapest-2025",
      samples: 10,
    });
  });
});

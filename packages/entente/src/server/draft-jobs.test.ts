import type { DraftArticle, Scenario } from "@entente/core";
import { describe, expect, it } from "vitest";
import type { draftArticles } from "../draft/draft-articles.ts";
import { DraftError } from "../draft/draft-error.ts";
import type { ProviderConfig } from "../draft/provider-config.ts";
import { DraftJobs } from "./draft-jobs.ts";

const config: ProviderConfig = {
  baseUrl: "http://127.0.0.1:1/v1",
  model: "stand-in",
  apiKeyEnv: "ENTENTE_LLM_API_KEY",
  timeoutSeconds: 1,
  retries: 0,
};
const articles: DraftArticle[] = [{ id: "a", locator: "a.txt", text: "Some text." }];
const request = { id: "draft", title: "A draft" };
const scenario = {
  id: "draft",
  title: "A draft",
  asOf: "2026-01-01",
  sources: [],
  actors: [{ id: "x" }],
  issues: [{ id: "i" }],
  stances: [{ actor: "x", issue: "i" }],
  draft: { model: "stand-in", dropped: [] },
} as unknown as Scenario;

/** A stand-in for draftArticles: resolves (or fails) when told, reporting progress first. */
function controlled() {
  const pending: { finish: (error?: Error) => void; signal: AbortSignal | undefined }[] = [];
  const draft: typeof draftArticles = (list, _config, _request, options = {}) =>
    new Promise((resolve, reject) => {
      options.onProgress?.({ done: 0, total: list.length, note: "asking" });
      const signal = options.signal;
      signal?.addEventListener("abort", () => reject(new DraftError("cancelled")));
      pending.push({ finish: (error) => (error ? reject(error) : resolve(scenario)), signal });
    });
  return { draft, pending };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("DraftJobs", () => {
  it("runs a draft in the background: running with progress, then done with the scenario", async () => {
    const { draft, pending } = controlled();
    const jobs = new DraftJobs({ draft });
    const job = jobs.start(articles, config, request);
    expect(job).toEqual({ id: job.id, status: "running", done: 0, total: 1, note: "starting" });
    expect(jobs.get(job.id)).toMatchObject({ status: "running", note: "asking" });
    pending[0]?.finish();
    await settle();
    expect(jobs.get(job.id)).toEqual({
      id: job.id,
      status: "done",
      done: 1,
      total: 1,
      note: "drafted 1 actor, 1 issue, 1 stance from 1 article with stand-in; 0 numbers dropped",
      scenario,
    });
    expect(jobs.get("other")).toBeUndefined();
  });

  it("records a draft's own error, and only a generic one (logged) for anything else", async () => {
    const { draft, pending } = controlled();
    const logged: string[] = [];
    const jobs = new DraftJobs({ draft, log: (m) => logged.push(m) });
    const a = jobs.start(articles, config, request);
    const b = jobs.start(articles, config, request);
    pending[0]?.finish(new DraftError("the provider refused"));
    pending[1]?.finish(new TypeError("a bug"));
    await settle();
    expect(jobs.get(a.id)).toMatchObject({ status: "failed", error: "the provider refused" });
    expect(jobs.get(b.id)).toMatchObject({
      status: "failed",
      error: "internal error while drafting; the server's log has the details",
    });
    expect(logged).toEqual([expect.stringContaining("TypeError: a bug")]);
  });

  it("runs at most maxRunning at once", async () => {
    const { draft, pending } = controlled();
    const jobs = new DraftJobs({ draft, maxRunning: 2 });
    jobs.start(articles, config, request);
    jobs.start(articles, config, request);
    expect(jobs.full).toBe(true);
    expect(() => jobs.start(articles, config, request)).toThrow(/at most 2 at once/);
    pending[0]?.finish();
    await settle();
    expect(jobs.full).toBe(false);
  });

  it("keeps finished drafts keepMs, and the last keepFinished at most", async () => {
    const { draft, pending } = controlled();
    let now = 0;
    const jobs = new DraftJobs({ draft, keepFinished: 2, keepMs: 1000, clock: () => now });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(jobs.start(articles, config, request).id);
      pending[i]?.finish();
      await settle();
      now += 100;
    }
    expect(ids.map((id) => jobs.get(id)?.status)).toEqual([undefined, "done", "done"]);
    const running = jobs.start(articles, config, request).id;
    now += 1000; // the second finished at 100, the third at 200: both older than keepMs now
    expect(ids.map((id) => jobs.get(id)?.status)).toEqual([undefined, undefined, undefined]);
    expect(jobs.get(running)?.status).toBe("running"); // running drafts are never forgotten
  });

  it("close() aborts the running drafts, waits for them, and starts no more", async () => {
    const { draft, pending } = controlled();
    const jobs = new DraftJobs({ draft });
    const job = jobs.start(articles, config, request);
    await jobs.close();
    expect(pending[0]?.signal?.aborted).toBe(true);
    expect(jobs.get(job.id)).toMatchObject({ status: "failed", error: "cancelled" });
    expect(jobs.full).toBe(true);
    expect(() => jobs.start(articles, config, request)).toThrow(/stopping/);
  });

  it("refuses bad options, naming the value", () => {
    expect(() => new DraftJobs({ maxRunning: 0 })).toThrow(
      "maxRunning: expected a whole number ≥ 1, got 0",
    );
    expect(() => new DraftJobs({ keepFinished: 1.5 })).toThrow(
      "keepFinished: expected a whole number ≥ 0, got 1.5",
    );
    expect(() => new DraftJobs({ keepMs: -1 })).toThrow(
      "keepMs: expected a number of ms ≥ 0, got -1",
    );
  });
});

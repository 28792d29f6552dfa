import { randomUUID } from "node:crypto";
import type { DraftArticle, Scenario } from "@entente/core";
import { type DraftRequest, draftArticles } from "../draft/draft-articles.ts";
import { DraftError } from "../draft/draft-error.ts";
import type { ProviderConfig } from "../draft/provider-config.ts";

/** Where a draft is in its life: running, then done (with its scenario) or failed (with why). */
export const DRAFT_STATUSES = ["running", "done", "failed"] as const;

/** One of {@link DRAFT_STATUSES}. */
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** A draft from articles as `GET /api/drafts/:id` answers it. */
export interface DraftJob {
  /** Random (a UUID); only who started the draft knows it. */
  id: string;
  status: DraftStatus;
  /** Articles answered so far. */
  done: number;
  /** Articles in the draft. */
  total: number;
  /** What is happening now, or how it ended, in words. */
  note: string;
  /** When done: the drafted scenario, with its `draft` block and the quotes behind its numbers. */
  scenario?: Scenario;
  /** When failed: why (the draft's own message). */
  error?: string;
}

/** Options of {@link DraftJobs}. */
export interface DraftJobsOptions {
  /** Drafts running at once, at most (default 4); {@link DraftJobs.full} says when reached. */
  maxRunning?: number;
  /** Finished drafts kept, at most (default 50): the oldest finished are forgotten first. */
  keepFinished?: number;
  /** How long a finished draft is kept, in ms (default one hour). */
  keepMs?: number;
  /** Where a failure that is not a {@link DraftError} is reported with its stack. */
  log?: (message: string) => void;
  /** What drafts (default {@link draftArticles}); tests give a stand-in. */
  draft?: typeof draftArticles;
  /** The time in ms (default `Date.now`). */
  clock?: () => number;
}

/** The error a failed draft shows when the failure was not a draft's own (a bug). */
const INTERNAL = "internal error while drafting; the server's log has the details";

interface Entry {
  job: DraftJob;
  controller: AbortController;
  /** When it finished (by the clock); undefined while running. */
  finishedAt?: number;
}

/**
 * Drafts from articles running in the background of the server, in memory only: each started
 * with {@link start}, its progress and outcome read with {@link get}. At most `maxRunning` run
 * at once; finished drafts are kept `keepMs` or the last `keepFinished`, whichever is fewer.
 * {@link close} aborts the running drafts (they end failed) and waits for them.
 */
export class DraftJobs {
  readonly #maxRunning: number;
  readonly #keepFinished: number;
  readonly #keepMs: number;
  readonly #log: (message: string) => void;
  readonly #draft: typeof draftArticles;
  readonly #clock: () => number;
  readonly #jobs = new Map<string, Entry>();
  /** Ids of finished drafts, oldest first. */
  readonly #finished: string[] = [];
  readonly #settled = new Set<Promise<void>>();
  #running = 0;
  #closed = false;

  constructor(options: DraftJobsOptions = {}) {
    const { maxRunning = 4, keepFinished = 50, keepMs = 3_600_000 } = options;
    if (!Number.isSafeInteger(maxRunning) || maxRunning < 1) {
      throw new RangeError(`maxRunning: expected a whole number ≥ 1, got ${maxRunning}`);
    }
    if (!Number.isSafeInteger(keepFinished) || keepFinished < 0) {
      throw new RangeError(`keepFinished: expected a whole number ≥ 0, got ${keepFinished}`);
    }
    if (!Number.isFinite(keepMs) || keepMs < 0) {
      throw new RangeError(`keepMs: expected a number of ms ≥ 0, got ${keepMs}`);
    }
    this.#maxRunning = maxRunning;
    this.#keepFinished = keepFinished;
    this.#keepMs = keepMs;
    this.#log = options.log ?? (() => {});
    this.#draft = options.draft ?? draftArticles;
    this.#clock = options.clock ?? Date.now;
  }

  /** Drafts running at once, at most. */
  get maxRunning(): number {
    return this.#maxRunning;
  }

  /** Whether no draft can start now: `maxRunning` are running, or the server is stopping. */
  get full(): boolean {
    return this.#closed || this.#running >= this.#maxRunning;
  }

  /**
   * Start drafting `articles` with `config` in the background; returns the running draft.
   * Throws when {@link full} (check it first: the route answers 503).
   */
  start(
    articles: readonly DraftArticle[],
    config: ProviderConfig,
    request: DraftRequest,
  ): DraftJob {
    if (this.#closed) throw new Error("the server is stopping; no new drafts are started");
    if (this.#running >= this.#maxRunning) {
      throw new Error(`${this.#running} drafts are running, at most ${this.#maxRunning} at once`);
    }
    this.#forget();
    const job: DraftJob = {
      id: randomUUID(),
      status: "running",
      done: 0,
      total: articles.length,
      note: "starting",
    };
    const controller = new AbortController();
    const entry: Entry = { job, controller };
    this.#jobs.set(job.id, entry);
    this.#running++;
    const snapshot = { ...job };
    const settled = this.#run(entry, articles, config, request).finally(() => {
      this.#settled.delete(settled);
    });
    this.#settled.add(settled);
    return snapshot;
  }

  /** The draft `id` as it stands now, or undefined when there is none (or it was forgotten). */
  get(id: string): DraftJob | undefined {
    this.#forget();
    const entry = this.#jobs.get(id);
    return entry === undefined ? undefined : { ...entry.job };
  }

  /** Abort the running drafts (each ends failed, "cancelled") and wait until they have settled. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const entry of this.#jobs.values()) {
      if (entry.job.status === "running") entry.controller.abort();
    }
    await Promise.all([...this.#settled]);
  }

  async #run(
    entry: Entry,
    articles: readonly DraftArticle[],
    config: ProviderConfig,
    request: DraftRequest,
  ): Promise<void> {
    const { job } = entry;
    try {
      const scenario = await this.#draft(articles, config, request, {
        signal: entry.controller.signal,
        onProgress: (p) => {
          if (job.status !== "running") return;
          job.done = p.done;
          job.total = p.total;
          job.note = p.note;
        },
      });
      const dropped = scenario.draft?.dropped.length ?? 0;
      Object.assign(job, {
        status: "done",
        done: job.total,
        note: `drafted ${count(scenario.actors.length, "actor")}, ${count(scenario.issues.length, "issue")}, ${count(scenario.stances.length, "stance")} from ${count(articles.length, "article")} with ${config.model}; ${count(dropped, "number")} dropped`,
        scenario,
      });
    } catch (e) {
      const own = e instanceof DraftError;
      if (!own) this.#log(`draft ${job.id} failed: ${(e as Error)?.stack ?? String(e)}`);
      Object.assign(job, {
        status: "failed",
        note: "failed; nothing was drafted",
        error: own ? e.message : INTERNAL,
      });
    } finally {
      this.#running--;
      entry.finishedAt = this.#clock();
      this.#finished.push(job.id);
      this.#forget();
    }
  }

  /** Forget the finished drafts older than `keepMs`, then all but the last `keepFinished`. */
  #forget(): void {
    const oldest = this.#clock() - this.#keepMs;
    while (this.#finished.length > 0) {
      const id = this.#finished[0] as string;
      const finishedAt = this.#jobs.get(id)?.finishedAt ?? Number.NEGATIVE_INFINITY;
      if (this.#finished.length <= this.#keepFinished && finishedAt >= oldest) break;
      this.#finished.shift();
      this.#jobs.delete(id);
    }
  }
}

/** `1 actor`, `4 actors`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/**
 * The page's side of the forecast worker. Drags are coalesced: while the worker computes, only
 * the newest position waits, so the drawn state never lags behind a queue of stale moves. Each
 * answer carries the `performance.now()` of the pointer event it answers, for the latency line.
 * @module
 */
import type { ForecastTable, OutcomeForecasts } from "@entente/core";
import { ForecastEngine } from "./forecast-engine.ts";
import type { Move, WorkerRequest, WorkerResponse } from "./forecast-protocol.ts";

/** What the views draw: the merged forecast table and where it came from. */
export interface LiveForecast {
  status: "starting" | "ready" | "invalid" | "error";
  /** Every model's forecast; during a drag the fast models are fresh and the others stale. */
  table?: ForecastTable;
  /** Model ids whose forecasts predate the last drag. */
  stale: ReadonlySet<string>;
  /** Calibrated outcome distributions of the draft as loaded (kept during drags). */
  outcomes?: OutcomeForecasts;
  /** The dragged actor's position this table was computed for. */
  moved?: Move;
  /** `performance.now()` of the pointer event this state answers (drags only). */
  startedAt?: number;
  computeMs?: number;
  /** Validation errors (status invalid) or the failure (status error). */
  message?: string;
}

type Listener = (state: LiveForecast) => void;

interface Port {
  post(request: WorkerRequest): void;
  close(): void;
}

/** A worker when the platform has them; otherwise the same engine on this thread. */
function openPort(onResponse: (r: WorkerResponse) => void): Port {
  if (typeof Worker !== "undefined") {
    const worker = new Worker(new URL("./forecast.worker.ts", import.meta.url), {
      type: "module",
      name: "forecast",
    });
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => onResponse(e.data);
    worker.onerror = (e) =>
      onResponse({ type: "error", seq: -1, message: e.message || "the forecast worker failed" });
    return { post: (r) => worker.postMessage(r), close: () => worker.terminate() };
  }
  const engine = new ForecastEngine();
  let open = true;
  return {
    post: (r) => {
      queueMicrotask(() => {
        const response = open ? engine.handle(r) : undefined;
        if (response) onResponse(response);
      });
    },
    close: () => {
      open = false;
    },
  };
}

/** Talks to the forecast worker and keeps the merged {@link LiveForecast}. */
export class ForecastClient {
  #port: Port;
  #seq = 0;
  #busy = false;
  #waiting: WorkerRequest | undefined;
  #startedAt = new Map<number, number>();
  #state: LiveForecast = { status: "starting", stale: new Set() };
  #listener: Listener;

  constructor(listener: Listener) {
    this.#listener = listener;
    this.#port = openPort((r) => this.#receive(r));
  }

  get state(): LiveForecast {
    return this.#state;
  }

  /** Forecast a new draft with every model (drops any waiting drag). */
  load(scenario: unknown): void {
    this.#waiting = undefined;
    this.#send({ type: "load", seq: ++this.#seq, scenario });
  }

  /** Preview a move with the fast models; `startedAt` is the pointer event's time. */
  drag(move: Move, startedAt: number): void {
    const seq = ++this.#seq;
    this.#startedAt.set(seq, startedAt);
    const request: WorkerRequest = { type: "drag", seq, ...move };
    if (this.#busy) this.#waiting = request;
    else this.#send(request);
  }

  /** After a drag: bring the slower models up to date too. */
  settle(): void {
    const request: WorkerRequest = { type: "settle", seq: ++this.#seq };
    if (this.#busy) this.#waiting = request;
    else this.#send(request);
  }

  close(): void {
    this.#port.close();
  }

  #send(request: WorkerRequest) {
    this.#busy = true;
    this.#port.post(request);
  }

  #receive(response: WorkerResponse) {
    this.#busy = false;
    const next = this.#waiting;
    this.#waiting = undefined;
    if (next) this.#send(next);
    const startedAt = this.#startedAt.get(response.seq);
    this.#startedAt.delete(response.seq);
    if (response.type === "invalid") {
      this.#emit({
        status: "invalid",
        stale: new Set(),
        message: `${response.errors} validation error${response.errors === 1 ? "" : "s"}`,
      });
    } else if (response.type === "error") {
      this.#emit({ ...this.#state, status: "error", message: response.message });
    } else {
      const table = response.fastOnly ? merge(this.#state.table, response.table) : response.table;
      const fresh = new Set(response.table.models.map((m) => m.id));
      const stale = response.fastOnly
        ? new Set(table.models.map((m) => m.id).filter((id) => !fresh.has(id)))
        : new Set<string>();
      const outcomes = response.outcomes ?? this.#state.outcomes;
      this.#emit({
        status: "ready",
        table,
        stale,
        ...(outcomes ? { outcomes } : {}),
        ...(response.moved ? { moved: response.moved } : {}),
        ...(startedAt === undefined ? {} : { startedAt }),
        computeMs: response.computeMs,
      });
    }
  }

  #emit(state: LiveForecast) {
    this.#state = state;
    this.#listener(state);
  }
}

/** Lay fresh fast-model forecasts over the last full table, keeping the other models' values. */
export function merge(full: ForecastTable | undefined, fast: ForecastTable): ForecastTable {
  if (!full) return fast;
  return {
    ...full,
    issues: full.issues.map((row) => {
      const update = fast.issues.find((r) => r.issue === row.issue);
      if (!update) return row;
      const forecasts = { ...row.forecasts, ...update.forecasts };
      const values = Object.values(forecasts);
      const spread = values.length ? Math.max(...values) - Math.min(...values) : 0;
      return { ...row, statusQuo: update.statusQuo, forecasts, spread };
    }),
  };
}

/**
 * The workbench's only door to the server: typed calls to the `entente serve` JSON API. Every
 * non-2xx answer becomes an {@link ApiError} carrying the status and the parsed body, so views
 * can show validation errors (400) and stale-revision conflicts (409) precisely.
 * @module
 */
import type { ForecastTable, Scenario } from "@entente/core";

/** One problem the server found in a scenario (400 `{errors: [...]}`). */
export interface ApiFieldError {
  path: string;
  line?: number;
  col?: number;
  message: string;
}

/** A failed request: the HTTP status, a readable message and the server's JSON body. */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, message: string, body: unknown) {
    super(message);
    this.status = status;
    this.body = body;
  }
  /** The field errors of a 400 answer (empty for other failures). */
  get errors(): ApiFieldError[] {
    const errors = (this.body as { errors?: unknown } | null)?.errors;
    if (!Array.isArray(errors)) return [];
    return errors.map((e: Record<string, unknown>) => ({
      ...e,
      path: Array.isArray(e.path) ? e.path.join(".") : String(e.path ?? ""),
      message: String(e.message ?? ""),
    }));
  }
}

/** A scenario in the listing, with its latest revision. */
export interface ScenarioSummary {
  id: string;
  title: string;
  updated?: string;
  latestRevision: number;
}

/** One revision's metadata (history rows). */
export interface RevisionInfo {
  revision: number;
  title: string;
  created: string;
  author?: string | null;
  message?: string | null;
}

/** A whole revision: metadata plus the validated scenario. */
export interface ScenarioRevision extends RevisionInfo {
  scenarioId: string;
  latestRevision?: number;
  scenario: Scenario;
}

/** What GET /api/models says about one model. */
export interface ModelInfo {
  id: string;
  label: string;
  reference?: string;
  dynamic: boolean;
  fast?: boolean;
  presets?: string[];
}

/** `POST /run`: one model's forecast and its rounds, per issue. */
export interface RunDocument {
  model: string;
  issues: Array<{
    issue: string;
    forecast: number;
    rounds?: Array<{ round: number; positions: Record<string, number> }>;
    /** The model's own record (EUM: `medians` per round and `moves` with their offers). */
    details?: Record<string, unknown>;
  }>;
  /** Diagnostics across issues (the exchange model: `exchanges`, every realised exchange). */
  details?: Record<string, unknown>;
}

/** A recorded run as `GET /api/runs/:id` returns it. */
export interface RunRecord {
  id: string;
  status: "queued" | "running" | "done" | "failed" | "cancelled";
  progressDone: number;
  progressTotal: number;
  result: unknown;
  error: string | null;
}

/** What a run listing tells about each run besides its status. */
export interface RunInfo {
  kind: string;
  revision: number;
  model: string | null;
  parameters: Record<string, unknown>;
  seed: number | null;
  created: string;
}

/** What the server says about itself (`GET /api/health`: status, version, store). */
export interface ServerInfo {
  health: Record<string, unknown>;
}

/** Times a request refused with 503 and `Retry-After` (the server is busy) is tried again. */
const BUSY_RETRIES = 3;

/**
 * One JSON request to the server: `body` (when given) is sent as JSON; the answer is parsed as
 * JSON, and any non-2xx answer is thrown as an {@link ApiError} whose message joins the
 * server's `{errors: [{path, message}]}`. A 503 with `Retry-After` (the server refused the work
 * before starting it) is tried again after the time it names, up to {@link BUSY_RETRIES} times.
 */
export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: "application/json" } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, "content-type": "application/json" };
  }
  let response = await fetch(url, init);
  for (let retry = 0; retry < BUSY_RETRIES && response.status === 503; retry++) {
    const header = response.headers.get("retry-after");
    const seconds = header === null || header.trim() === "" ? Number.NaN : Number(header);
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > 30) break;
    await response.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    response = await fetch(url, init);
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {
    // not JSON: keep the text for the message
  }
  if (!response.ok) {
    const errors = (parsed as { errors?: Array<{ path?: string; message?: string }> } | null)
      ?.errors;
    const message = Array.isArray(errors)
      ? errors.map((e) => `${e.path ? `${e.path}: ` : ""}${e.message ?? ""}`).join("; ")
      : typeof parsed === "string" && parsed !== ""
        ? parsed
        : response.statusText;
    throw new ApiError(response.status, `${response.status}: ${message}`, parsed);
  }
  return parsed as T;
}

/** Unwrap `{key: [...]}` or a bare list, whichever the server sends. */
function list<T>(value: unknown, key: string): T[] {
  if (Array.isArray(value)) return value as T[];
  const inner = (value as Record<string, unknown> | null)?.[key];
  return Array.isArray(inner) ? (inner as T[]) : [];
}

function summary(raw: Record<string, unknown>): ScenarioSummary {
  const latest = raw.latest as { revision?: number } | undefined;
  return {
    id: String(raw.id),
    title: String(raw.title ?? raw.id),
    ...(typeof raw.updated === "string" ? { updated: raw.updated } : {}),
    latestRevision: Number(raw.latestRevision ?? latest?.revision ?? raw.revision ?? 1),
  };
}

function revision(raw: Record<string, unknown>): ScenarioRevision {
  return {
    scenarioId: String(raw.scenarioId ?? raw.id),
    revision: Number(raw.revision),
    title: String(raw.title ?? ""),
    created: String(raw.created ?? ""),
    author: (raw.author as string | null | undefined) ?? null,
    message: (raw.message as string | null | undefined) ?? null,
    ...(raw.latestRevision === undefined ? {} : { latestRevision: Number(raw.latestRevision) }),
    scenario: raw.scenario as Scenario,
  };
}

const enc = encodeURIComponent;

/** The JSON API of `entente serve`, relative to the page's origin. */
export const api = {
  async serverInfo(): Promise<ServerInfo> {
    return { health: (await request<Record<string, unknown>>("GET", "/api/health")) ?? {} };
  },

  async models(): Promise<ModelInfo[]> {
    const raw = list<Record<string, unknown>>(await request("GET", "/api/models"), "models");
    return raw.map((m) => ({
      id: String(m.id),
      label: String(m.label ?? m.id),
      ...(typeof m.reference === "string" ? { reference: m.reference } : {}),
      dynamic: Boolean(m.dynamic),
      ...(typeof m.fast === "boolean" ? { fast: m.fast } : {}),
      ...(m.presets ? { presets: presetNames(m.presets) } : {}),
    }));
  },

  async scenarios(): Promise<ScenarioSummary[]> {
    return list<Record<string, unknown>>(await request("GET", "/api/scenarios"), "scenarios").map(
      summary,
    );
  },

  /** Create a scenario from YAML or JSON text; answers with its first revision. */
  async createScenario(text: string, format: "yaml" | "json"): Promise<ScenarioRevision> {
    return revision(await request("POST", "/api/scenarios", { text, format }));
  },

  /** Create a scenario written in the workbench; the server stores it as YAML. */
  async createFromDraft(scenario: Scenario, message?: string): Promise<ScenarioRevision> {
    return revision(
      await request("POST", "/api/scenarios", {
        scenario,
        format: "yaml",
        ...(message ? { message } : {}),
      }),
    );
  },

  /**
   * Create a scenario from a file's contents: a scenario (YAML/JSON), a KTAB CSV or XML file
   * or an EUM table; the server runs the importers. `id` replaces the file's own id.
   */
  async importFile(
    name: string,
    text: string,
    id?: string,
    message?: string,
  ): Promise<ScenarioRevision> {
    return revision(
      await request("POST", "/api/import", {
        name,
        text,
        ...(id ? { id } : {}),
        ...(message ? { message } : {}),
      }),
    );
  },

  /** Delete a scenario (recoverable for 30 days). */
  async deleteScenario(id: string): Promise<{ purgeAfter: string }> {
    return request("DELETE", `/api/scenarios/${enc(id)}`);
  },

  /** Deleted scenarios, with when they were deleted and from when they may be purged. */
  async deletedScenarios(): Promise<
    Array<ScenarioSummary & { deleted: string; purgeAfter: string }>
  > {
    const raw = list<Record<string, unknown>>(
      await request("GET", "/api/scenarios?deleted=true"),
      "scenarios",
    );
    return raw.map((r) => ({
      ...summary(r),
      deleted: String(r.deleted),
      purgeAfter: String(r.purgeAfter),
    }));
  },

  async restoreScenario(id: string): Promise<void> {
    await request("POST", `/api/scenarios/${enc(id)}/restore`);
  },

  async purgeScenario(id: string): Promise<void> {
    await request("DELETE", `/api/scenarios/${enc(id)}?purge=true`);
  },

  /** Save revision `rev`'s text again as the newest revision. */
  async restoreRevision(id: string, rev: number, baseRevision: number): Promise<ScenarioRevision> {
    return revision(
      await request("POST", `/api/scenarios/${enc(id)}/revisions/${rev}/restore`, { baseRevision }),
    );
  },

  /** The stored text of a revision (YAML or JSON, as saved). */
  async scenarioText(id: string, rev: number): Promise<string> {
    const raw = await request<Record<string, unknown>>(
      "GET",
      `/api/scenarios/${enc(id)}?revision=${rev}`,
    );
    return String(raw.text ?? "");
  },

  async scenario(id: string, rev?: number): Promise<ScenarioRevision> {
    const query = rev === undefined ? "" : `?revision=${rev}`;
    return revision(await request("GET", `/api/scenarios/${enc(id)}${query}`));
  },

  /** Save a new revision on top of `baseRevision`; a stale base is a 409 {@link ApiError}. */
  async saveScenario(
    id: string,
    scenario: Scenario,
    baseRevision: number,
    message?: string,
  ): Promise<ScenarioRevision> {
    return revision(
      await request("PUT", `/api/scenarios/${enc(id)}`, {
        scenario,
        baseRevision,
        ...(message ? { message } : {}),
      }),
    );
  },

  async revisions(id: string): Promise<RevisionInfo[]> {
    return list<Record<string, unknown>>(
      await request("GET", `/api/scenarios/${enc(id)}/revisions`),
      "revisions",
    ).map((r) => ({
      revision: Number(r.revision),
      title: String(r.title ?? ""),
      created: String(r.created ?? ""),
      author: (r.author as string | null | undefined) ?? null,
      message: (r.message as string | null | undefined) ?? null,
    }));
  },

  /** The report of a revision (`entente report`): a self-contained HTML page, a PDF or Markdown. */
  reportUrl(id: string, rev: number, format: "html" | "pdf" | "md" = "html"): string {
    return `/api/scenarios/${enc(id)}/report.${format}?revision=${rev}`;
  },
  exportUrl(id: string, rev?: number): string {
    return `/api/scenarios/${enc(id)}/export.yaml${rev === undefined ? "" : `?revision=${rev}`}`;
  },

  /**
   * Every model's forecast of a revision. The workbench asks for these as it opens a revision,
   * not as analyses to keep, so they are not recorded as runs (`record: false`).
   */
  async forecast(id: string, rev?: number): Promise<ForecastTable> {
    const raw = await request<Record<string, unknown>>(
      "POST",
      `/api/scenarios/${enc(id)}/forecast`,
      { record: false, ...(rev === undefined ? {} : { revision: rev }) },
    );
    return (raw.result ?? raw) as ForecastTable;
  },

  /** One model's run document (rounds per issue) for a revision; not recorded as a run. */
  async run(id: string, model: string, rev?: number): Promise<RunDocument> {
    const raw = await request<Record<string, unknown>>("POST", `/api/scenarios/${enc(id)}/run`, {
      model,
      record: false,
      ...(rev === undefined ? {} : { revision: rev }),
    });
    return (raw.result ?? raw) as RunDocument;
  },

  /**
   * Deal-space search between two actors (`between`), optionally with the win-set of the
   * scenario's ratifiers; the server answers 501 when its build has no deal engine.
   */
  async deals(
    id: string,
    options: { between?: [string, string]; ratify?: boolean },
    rev?: number,
  ): Promise<unknown> {
    const raw = await request<Record<string, unknown>>("POST", `/api/scenarios/${enc(id)}/deals`, {
      record: false,
      ...options,
      ...(rev === undefined ? {} : { revision: rev }),
    });
    return raw.result ?? raw;
  },

  async cancelRun(id: string): Promise<RunRecord> {
    return request("DELETE", `/api/runs/${enc(id)}`);
  },

  /** Start a Monte Carlo run; answers at once with the run id (202). */
  async simulate(
    id: string,
    options: {
      samples: number;
      seed: number;
      models?: string[];
      sensitivity?: boolean;
      sensitivitySamples?: number;
      calibration?: "default" | "none";
      agreement?: boolean;
    },
    rev?: number,
  ): Promise<RunRecord> {
    return request("POST", `/api/scenarios/${enc(id)}/simulate`, {
      ...options,
      ...(rev === undefined ? {} : { revision: rev }),
    });
  },

  async runRecord(id: string): Promise<RunRecord> {
    return request("GET", `/api/runs/${enc(id)}`);
  },

  /** A scenario's runs, newest first, without their results. */
  async runs(scenarioId: string): Promise<Array<RunRecord & RunInfo>> {
    return list<RunRecord & RunInfo>(
      await request("GET", `/api/runs?scenario=${enc(scenarioId)}&limit=50`),
      "runs",
    );
  },

  runEventsUrl(id: string): string {
    return `/api/runs/${enc(id)}/events`;
  },
};

function presetNames(presets: unknown): string[] {
  if (Array.isArray(presets)) return presets.map((p) => (typeof p === "string" ? p : String(p)));
  return Object.keys(presets as Record<string, unknown>);
}

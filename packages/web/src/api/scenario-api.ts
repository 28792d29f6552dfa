/**
 * The stored scenarios' part of the `entente serve` API: list, create, import, delete and
 * restore scenarios; read, save and restore their revisions; the report and export links.
 * Answers are the server's wire types; failures are {@link ApiRequestError}s (a stale base
 * revision is a 409).
 * @module
 */
import type { Scenario } from "@entente/core";
import type {
  DeletedScenario,
  DeletedScenarioList,
  ImportedScenario,
  PurgedScenarios,
  RevisionInfo,
  RevisionList,
  ScenarioList,
  ScenarioRevision,
  ScenarioSummary,
} from "entente/wire-types";
import type { ApiRequestError } from "./api-request-error.ts";
import { request } from "./request.ts";

const enc = encodeURIComponent;

/**
 * The scenario endpoints, relative to the page's origin.
 * @example
 * const latest = await scenarioApi.scenario("budapest-2025");
 * await scenarioApi.saveScenario(latest.scenarioId, edited, latest.revision, "Moved Russia");
 */
export const scenarioApi = {
  /** Every scenario with its latest revision's metadata, newest first. */
  async scenarios(): Promise<ScenarioSummary[]> {
    return (await request<ScenarioList>("GET", "/api/scenarios")).scenarios;
  },

  /** Create a scenario from YAML or JSON text; answers with its first revision. */
  async createScenario(text: string, format: "yaml" | "json"): Promise<ScenarioRevision> {
    return request("POST", "/api/scenarios", { text, format });
  },

  /** Create a scenario written in the workbench; the server stores it as YAML. */
  async createFromDraft(scenario: Scenario, message?: string): Promise<ScenarioRevision> {
    return request("POST", "/api/scenarios", {
      scenario,
      format: "yaml",
      ...(message ? { message } : {}),
    });
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
  ): Promise<ImportedScenario> {
    return request("POST", "/api/import", {
      name,
      text,
      ...(id ? { id } : {}),
      ...(message ? { message } : {}),
    });
  },

  /** Delete a scenario (recoverable for 30 days, until its `purgeAfter`). */
  async deleteScenario(id: string): Promise<DeletedScenario> {
    return request("DELETE", `/api/scenarios/${enc(id)}`);
  },

  /** Deleted scenarios, with when they were deleted and from when they may be purged. */
  async deletedScenarios(): Promise<DeletedScenario[]> {
    return (await request<DeletedScenarioList>("GET", "/api/scenarios?deleted=true")).scenarios;
  },

  /** Bring a deleted scenario back, with its revisions and runs. */
  async restoreScenario(id: string): Promise<ScenarioSummary> {
    return request("POST", `/api/scenarios/${enc(id)}/restore`);
  },

  /** Remove a deleted scenario for good. */
  async purgeScenario(id: string): Promise<PurgedScenarios> {
    return request("DELETE", `/api/scenarios/${enc(id)}?purge=true`);
  },

  /** Save revision `rev`'s text again as the newest revision. */
  async restoreRevision(id: string, rev: number, baseRevision: number): Promise<ScenarioRevision> {
    return request("POST", `/api/scenarios/${enc(id)}/revisions/${rev}/restore`, { baseRevision });
  },

  /** The stored text of a revision (YAML or JSON, as saved). */
  async scenarioText(id: string, rev: number): Promise<string> {
    return (await scenarioApi.scenario(id, rev)).text;
  },

  /** A revision (the latest when `rev` is absent): metadata, text and validated scenario. */
  async scenario(id: string, rev?: number): Promise<ScenarioRevision> {
    const query = rev === undefined ? "" : `?revision=${rev}`;
    return request("GET", `/api/scenarios/${enc(id)}${query}`);
  },

  /** Save a new revision on top of `baseRevision`; a stale base is a 409 {@link ApiRequestError}. */
  async saveScenario(
    id: string,
    scenario: Scenario,
    baseRevision: number,
    message?: string,
  ): Promise<ScenarioRevision> {
    return request("PUT", `/api/scenarios/${enc(id)}`, {
      scenario,
      baseRevision,
      ...(message ? { message } : {}),
    });
  },

  /** A scenario's revisions' metadata (history rows). */
  async revisions(id: string): Promise<RevisionInfo[]> {
    return (await request<RevisionList>("GET", `/api/scenarios/${enc(id)}/revisions`)).revisions;
  },

  /** The report of a revision (`entente report`): a self-contained HTML page, a PDF or Markdown. */
  reportUrl(id: string, rev: number, format: "html" | "pdf" | "md" = "html"): string {
    return `/api/scenarios/${enc(id)}/report.${format}?revision=${rev}`;
  },

  /** A revision's text as a YAML download (the latest when `rev` is absent). */
  exportUrl(id: string, rev?: number): string {
    return `/api/scenarios/${enc(id)}/export.yaml${rev === undefined ? "" : `?revision=${rev}`}`;
  },
};

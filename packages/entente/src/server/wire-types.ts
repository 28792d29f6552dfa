/**
 * The JSON API's wire types in one place: what each route of `entente serve` answers, and the
 * error body every failure carries. Clients import them type-only (the web workbench:
 * `import type { … } from "entente/wire-types"`); the module has no runtime code, so a
 * client's bundle gains nothing from it.
 *
 * Each is the very type the server builds its answer from, never a copy: the store's records,
 * the CLI's `--format json` documents, the OpenAPI schemas (`z.output`), or a route's envelope
 * around those.
 * @module
 */
import type { ForecasterScore, LedgerQuestion, LedgerScores } from "@entente/core";
import type { z } from "@hono/zod-openapi";
import type {
  DeletedScenario,
  LedgerHead,
  RevisionInfo,
  RunRecord,
  ScenarioRevision,
  ScenarioSummary,
} from "../store/records.ts";
import type { ApiErrorItem } from "./api-error.ts";
import type {
  DraftArticleUpload as DraftArticleUploadSchema,
  DraftProviderInfo as DraftProviderInfoSchema,
  DraftRequestBody as DraftRequestBodySchema,
} from "./routes/draft-schemas.ts";
import type { Health, ModelInfo as ModelInfoSchema } from "./routes/meta-routes.ts";
import type { analysisAnswer } from "./routes/run-schemas.ts";

export type {
  DealsDocument,
  DescribedConcession,
  DescribedPackage,
  DescribedPart,
} from "../format/deals.ts";
export type { ForecastDocument } from "../format/forecast-document.ts";
export type { RunDocument } from "../format/run.ts";
export type { SimulationDocument } from "../format/simulation.ts";
export type { LedgerVerification } from "../ledger/verify-ledger.ts";
export type {
  DeletedScenario,
  LedgerHead,
  RevisionInfo,
  RunKind,
  RunRecord,
  RunStatus,
  ScenarioFormat,
  ScenarioRevision,
  ScenarioSummary,
} from "../store/records.ts";
export type { ApiErrorItem } from "./api-error.ts";
export type { DraftJob, DraftStatus } from "./draft-jobs.ts";

/** Every error answer (the `Errors` schema): `{ errors: [{ path, line?, col?, message }] }`. */
export interface ApiErrorBody {
  errors: ApiErrorItem[];
}

/** `GET /api/health`: whether the server is up, its version, its database and its queue. */
export type ServerHealth = z.output<typeof Health>;

/** One model as `GET /api/models` lists it: reference, parameters and presets. */
export type ModelInfo = z.output<typeof ModelInfoSchema>;

/** `GET /api/models`: every registered model, in the registry's order. */
export interface ModelList {
  models: ModelInfo[];
}

/** `GET /api/scenarios`: every scenario with its latest revision's metadata, newest first. */
export interface ScenarioList {
  scenarios: ScenarioSummary[];
}

/** `GET /api/scenarios?deleted=true`: the deleted scenarios, recoverable until `purgeAfter`. */
export interface DeletedScenarioList {
  scenarios: DeletedScenario[];
}

/** `GET /api/scenarios/:id/revisions`: a scenario's revisions' metadata, oldest first. */
export interface RevisionList {
  id: string;
  revisions: RevisionInfo[];
}

/** `POST /api/import` (201): the new scenario's first revision, and the format it was read as. */
export type ImportedScenario = ScenarioRevision & { importedFrom: string };

/** `DELETE /api/scenarios/:id?purge=true`: the ids removed for good. */
export interface PurgedScenarios {
  purged: string[];
}

/**
 * What a synchronous analysis answers (`POST /api/scenarios/:id/forecast`, `…/run`,
 * `…/deals`): the recorded run's id (null with `record: false`) and its document `T`.
 */
export type AnalysisAnswer<T> = Omit<z.output<ReturnType<typeof analysisAnswer>>, "result"> & {
  result: T;
};

/** `GET /api/runs?scenario=`: a scenario's runs, newest first, each without its result. */
export interface RunList {
  runs: RunRecord[];
}

/** `POST /api/scenarios/:id/simulate` (202): the queued run, and where to follow it. */
export type QueuedRun = RunRecord & { links: { self: string; events: string } };

/** A `progress` event of `GET /api/runs/:id/events`; the `end` event carries the {@link RunRecord}. */
export interface RunProgress {
  done: number;
  total: number;
  fraction: number;
}

/** `GET /api/ledger`: the chain's head and every question with its forecasts in order. */
export interface LedgerView {
  head: LedgerHead;
  questions: LedgerQuestion[];
}

/** A group's yes/no scores as JSON carries them: a log score of −∞ arrives as null. */
export type BinaryScores = Omit<NonNullable<ForecasterScore["binary"]>, "logScore"> & {
  logScore: number | null;
};

/** One forecaster's (or model's) scores, as `GET /api/ledger/scores` sends them. */
export type GroupScores = Omit<ForecasterScore, "binary"> & { binary: BinaryScores | null };

/** `GET /api/ledger/scores`: every group's scores against one reference forecaster. */
export type LedgerScoreTable = Omit<LedgerScores, "groups"> & { groups: GroupScores[] };

/** `POST /api/ledger/record` (201): how many forecasts were written, and the new head. */
export interface RecordedForecasts {
  recorded: number;
  /** The last record written (empty when nothing was). */
  head: Partial<LedgerHead>;
}

/** `GET /api/draft-provider`: whether drafting is configured, its model and endpoint, or `help`. */
export type DraftProviderInfo = z.output<typeof DraftProviderInfoSchema>;

/** One article of a `POST /api/drafts` body: its file name (the extension picks the format) and text. */
export type DraftArticleUpload = z.input<typeof DraftArticleUploadSchema>;

/**
 * `POST /api/drafts`'s body: 1 to 20 articles, and optionally the scenario's `title`, `id`
 * (default "draft") and `asOf` (YYYY-MM-DD). It answers 202 with a {@link DraftJob}.
 */
export type DraftRequestBody = z.input<typeof DraftRequestBodySchema>;

import type { ProviderConfig } from "../draft/provider-config.ts";
import type { QueueStatus } from "../queue/queue-status.ts";
import type { Store } from "../store/store.ts";
import type { AnalysisPool } from "./analysis-pool.ts";
import type { DealsHandler } from "./deals-extension.ts";
import type { DraftJobs } from "./draft-jobs.ts";
import type { SimulationJobs } from "./simulation-jobs.ts";

/** What the routes share: the store, the background simulations and the limits. */
export interface AppDeps {
  store: Store;
  jobs: SimulationJobs;
  /** Forecasts, runs and deal searches: on worker threads, cached, with a bounded queue. */
  analyses: AnalysisPool;
  /** The Redis queue's state, when the server has one (`REDIS_URL`). */
  queue: QueueStatus | undefined;
  deals: DealsHandler | undefined;
  /** Drafts from articles running or recently finished (in memory). */
  drafts: DraftJobs;
  /** The language model drafts are made with; undefined when none is configured. */
  draftProvider: ProviderConfig | undefined;
  /** Most samples one simulation may ask for. */
  maxSamples: number;
  /** Most worker threads one simulation may ask for (default: the machine's cores). */
  maxWorkers: number;
}

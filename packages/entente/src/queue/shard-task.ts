/**
 * What goes on the shard queue: a part of one run — some shards of a simulation plan, or a
 * sensitivity analysis — and how a run is cut into such parts.
 * @module
 */
import type { SimulationPlan } from "@entente/core";

/** The BullMQ queue every Entente client and worker shares. */
export const SHARD_QUEUE = "entente-shards";
/** The Redis channel on which a client announces that a run is cancelled (message: run id). */
export const CANCEL_CHANNEL = "entente:cancel";
/** Jobs a run is cut into, at most (more balance the load across workers; fewer cost less). */
export const JOBS_PER_RUN = 64;
/** Shards in one job, at most (16 × 250 samples: a few seconds of work). */
export const MAX_SHARDS_PER_JOB = 16;

/** One job's work: shards of a plan (their summaries merged), or a sensitivity analysis. */
export type QueueTask =
  | { kind: "shards"; run: string; plan: SimulationPlan; shards: number[] }
  | { kind: "sensitivity"; run: string; plan: SimulationPlan; baseSamples: number };

/**
 * Cut `shards` (in order) into contiguous jobs of equal size: enough jobs to spread over many
 * workers ({@link JOBS_PER_RUN}), none longer than {@link MAX_SHARDS_PER_JOB} shards.
 */
export function shardJobs(shards: readonly number[]): number[][] {
  const size = Math.min(MAX_SHARDS_PER_JOB, Math.max(1, Math.ceil(shards.length / JOBS_PER_RUN)));
  const jobs: number[][] = [];
  for (let i = 0; i < shards.length; i += size) jobs.push(shards.slice(i, i + size));
  return jobs;
}

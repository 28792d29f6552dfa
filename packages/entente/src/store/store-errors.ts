/**
 * The store's expected failures, each with a message that names the thing and says what to do.
 * The HTTP layer maps them to 404 and 409; anything else the store throws is an internal error.
 * @module
 */

/** A scenario, revision or run that does not exist. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  readonly entity: "scenario" | "revision" | "run";
  constructor(entity: "scenario" | "revision" | "run", message: string) {
    super(message);
    this.entity = entity;
  }
}

/**
 * A write that conflicts with the current state: a scenario id already taken, a save based on a
 * revision that is no longer the latest, or a change to a run that has finished.
 */
export class ConflictError extends Error {
  override name = "ConflictError";
  readonly reason: "exists" | "stale-revision" | "run-finished" | "live";
  /** For `stale-revision`: the latest revision when the save was refused. */
  readonly latestRevision: number | undefined;
  constructor(
    reason: "exists" | "stale-revision" | "run-finished" | "live",
    message: string,
    latestRevision?: number,
  ) {
    super(message);
    this.reason = reason;
    this.latestRevision = latestRevision;
  }
}

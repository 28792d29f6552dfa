import { type StanceIndex, stanceKey } from "./check-stances.ts";
import { type ConsistencyContext, checkEstimate, checkRefs } from "./consistency-context.ts";
import { duplicate } from "./duplicate-ids.ts";
import { isRec, list, type Rec } from "./raw-document.ts";

/**
 * Every phase: a unique id, declared actors, issues and sources, and only issues on which some
 * actor at its table has a stance. Returns the phase ids with the index of each.
 */
export function checkPhases(
  doc: Rec,
  ctx: ConsistencyContext,
  stances: StanceIndex,
): Map<string, number> {
  const { actorIds, issueIds, sourceIds } = ctx;
  const phaseIds = new Map<string, number>();
  for (const [i, phase] of list(doc.phases).entries()) {
    if (!isRec(phase)) continue;
    duplicate(phase.id, phaseIds, ["phases", i, "id"], "phases", "phase", ctx.issues);
    checkRefs(ctx, phase.actors, ["phases", i, "actors"], actorIds, "actor");
    checkRefs(ctx, phase.issues, ["phases", i, "issues"], issueIds, "issue");
    checkRefs(ctx, phase.sources, ["phases", i, "sources"], sourceIds, "source");
    // A phase decides only issues on which someone at its table has a stance.
    const atTable = list(phase.actors).filter((a): a is string => typeof a === "string");
    for (const [k, issue] of list(phase.issues).entries()) {
      if (typeof issue !== "string" || !issueIds.has(issue)) continue;
      if (!atTable.some((a) => stances.pairs.has(stanceKey(a, issue)))) {
        ctx.issues.push({
          path: ["phases", i, "issues", k],
          message: `no actor of this phase (${atTable.join(", ") || "none"}) has a stance on issue "${issue}"; add one who does, or leave the issue out of the phase`,
        });
      }
    }
  }
  return phaseIds;
}

/**
 * The phases that cannot be checked for agreement, by id, each with its issues that have no
 * status quo (a phase deciding one has no "no agreement" outcome to compare with).
 */
export function phasesWithoutStatusQuo(doc: Rec): Map<string, string[]> {
  const noStatusQuo = new Set(
    list(doc.issues).flatMap((x) =>
      isRec(x) && typeof x.id === "string" && x.statusQuo === undefined ? [x.id] : [],
    ),
  );
  const unchecked = new Map<string, string[]>();
  for (const phase of list(doc.phases)) {
    if (!isRec(phase) || typeof phase.id !== "string") continue;
    const missing = list(phase.issues).filter(
      (id): id is string => typeof id === "string" && noStatusQuo.has(id),
    );
    if (missing.length > 0) unchecked.set(phase.id, missing);
  }
  return unchecked;
}

/**
 * Every phase's agreement prior: a probability strictly between 0 and 1, declared sources, and
 * a status quo on every issue of the phase (`unchecked`: see {@link phasesWithoutStatusQuo}).
 */
export function checkAgreementPriors(
  doc: Rec,
  ctx: ConsistencyContext,
  unchecked: ReadonlyMap<string, string[]>,
): void {
  for (const [i, phase] of list(doc.phases).entries()) {
    if (!isRec(phase) || !isRec(phase.agreement)) continue;
    checkEstimate(ctx, phase.agreement.probability, ["phases", i, "agreement", "probability"], {
      min: 0,
      max: 1,
      openMin: true,
      openMax: true,
      what: "a probability between 0 and 1 (a prior of 0 or 1 would override every sample)",
    });
    checkRefs(
      ctx,
      phase.agreement.sources,
      ["phases", i, "agreement", "sources"],
      ctx.sourceIds,
      "source",
    );
    const missing = typeof phase.id === "string" ? unchecked.get(phase.id) : undefined;
    if (missing) {
      ctx.issues.push({
        path: ["phases", i, "agreement"],
        message: `an agreement prior needs a status quo on every issue of the phase; no status quo on ${missing.join(", ")}`,
      });
    }
  }
}

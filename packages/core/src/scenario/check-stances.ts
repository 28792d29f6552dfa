import { type ConsistencyContext, checkEstimate } from "./consistency-context.ts";
import { isRec, list, type Rec } from "./raw-document.ts";
import { type Bounds, CAPABILITY_BOUNDS } from "./value-bounds.ts";

/** The stances found by {@link checkStances}, for the checks that depend on them. */
export interface StanceIndex {
  /** The first stance index of each actor–issue pair, by {@link stanceKey}. */
  pairs: ReadonlyMap<string, number>;
  /** The ids of the issues some stance names. */
  issuesWithStances: ReadonlySet<string>;
}

/** The key of an actor–issue pair in {@link StanceIndex.pairs}. */
export const stanceKey = (actor: string, issue: string): string => `${actor}\u0000${issue}`;

/**
 * Every stance: a declared actor and issue, at most one stance per actor and issue, a position
 * on the issue's scale (`scales`), a salience from 0 to 100 and a capability greater than 0.
 */
export function checkStances(
  doc: Rec,
  ctx: ConsistencyContext,
  scales: ReadonlyMap<string, Bounds>,
): StanceIndex {
  const { issues, actorIds, issueIds } = ctx;
  const pairs = new Map<string, number>();
  const issuesWithStances = new Set<string>();
  for (const [i, stance] of list(doc.stances).entries()) {
    if (!isRec(stance)) continue;
    const { actor, issue } = stance;
    if (typeof actor === "string" && !actorIds.has(actor)) {
      issues.push({
        path: ["stances", i, "actor"],
        message: `unknown actor "${actor}"; declared actors: ${[...actorIds].join(", ") || "none"}`,
      });
    }
    if (typeof issue === "string" && !issueIds.has(issue)) {
      issues.push({
        path: ["stances", i, "issue"],
        message: `unknown issue "${issue}"; declared issues: ${[...issueIds].join(", ") || "none"}`,
      });
    }
    if (typeof actor === "string" && typeof issue === "string") {
      issuesWithStances.add(issue);
      const key = stanceKey(actor, issue);
      const first = pairs.get(key);
      if (first !== undefined) {
        issues.push({
          path: ["stances", i, "actor"],
          message: `duplicate stance: actor "${actor}" on issue "${issue}" is already given at stances.${first}`,
        });
      } else pairs.set(key, i);
    }
    const bounds = typeof issue === "string" ? scales.get(issue) : undefined;
    checkEstimate(ctx, stance.position, ["stances", i, "position"], bounds);
    checkEstimate(ctx, stance.salience, ["stances", i, "salience"], {
      min: 0,
      max: 100,
      what: "a salience from 0 to 100",
    });
    checkEstimate(ctx, stance.capability, ["stances", i, "capability"], CAPABILITY_BOUNDS);
  }
  return { pairs, issuesWithStances };
}

/** Every issue is named by some stance (checked only when the document has a stance list). */
export function checkIssuesHaveStances(
  doc: Rec,
  ctx: ConsistencyContext,
  stances: StanceIndex,
): void {
  if (!Array.isArray(doc.stances)) return;
  for (const [i, issue] of list(doc.issues).entries()) {
    if (isRec(issue) && typeof issue.id === "string" && !stances.issuesWithStances.has(issue.id)) {
      ctx.issues.push({
        path: ["issues", i, "id"],
        message: `no stance names issue "${issue.id}"; give at least one actor a position on it`,
      });
    }
  }
}

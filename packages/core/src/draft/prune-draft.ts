import type { DroppedNumber, Estimate, Scenario, Shock } from "../scenario/schema.ts";

const empty = (e: Estimate | undefined): boolean => Array.isArray(e) && e.length === 0;

/**
 * A draft made whole after numbers were taken out of it (by the grounding check or by the
 * analyst): actors left without a capability estimate, stances without a position or a salience,
 * issues no stance names, actors with no stance, shocks without a probability or an effect, and
 * phases without a decidable issue are removed, each listed with the reason. Estimates that are
 * empty lists are the numbers that were taken out; an empty status quo is simply left out.
 */
export function pruneDraft(draft: Scenario): { scenario: Scenario; removed: DroppedNumber[] } {
  const removed: DroppedNumber[] = [];
  const gone = (item: string, reason: string) => removed.push({ item, reason });

  let actors = draft.actors.filter((a) => {
    if (!empty(a.capability)) return true;
    gone(`actor ${a.id}`, "no source's capability for it was grounded");
    return false;
  });
  let actorIds = new Set(actors.map((a) => a.id));
  const stances = draft.stances.filter((s) => {
    const what = `stance of ${s.actor} on ${s.issue}`;
    if (!actorIds.has(s.actor)) gone(what, `actor ${s.actor} was removed`);
    else if (empty(s.position)) gone(what, "no source's position was grounded");
    else if (empty(s.salience)) gone(what, "no source's salience was grounded");
    else return true;
    return false;
  });
  const named = new Set(stances.map((s) => s.issue));
  const issues = draft.issues.flatMap((issue) => {
    if (!named.has(issue.id)) {
      gone(`issue ${issue.id}`, "no actor's stance on it was grounded");
      return [];
    }
    if (!empty(issue.statusQuo)) return [issue];
    const { statusQuo: _, ...rest } = issue;
    return [rest];
  });
  const withStance = new Set(stances.map((s) => s.actor));
  actors = actors.filter((a) => {
    if (withStance.has(a.id)) return true;
    gone(`actor ${a.id}`, "no stance of it was grounded");
    return false;
  });
  actorIds = new Set(actors.map((a) => a.id));
  const issueIds = new Set(issues.map((i) => i.id));
  const shocks = (draft.shocks ?? []).flatMap((shock) => {
    const kept = pruneShock(shock, actorIds, issueIds);
    if (typeof kept === "string") gone(`shock ${shock.id}`, kept);
    return typeof kept === "string" ? [] : [kept];
  });
  const pairs = new Set(stances.map((s) => `${s.actor}\u0000${s.issue}`));
  const phases = (draft.phases ?? []).flatMap((phase) => {
    const atTable = phase.actors.filter((a) => actorIds.has(a));
    const decided = phase.issues.filter((i) => atTable.some((a) => pairs.has(`${a}\u0000${i}`)));
    if (atTable.length > 0 && decided.length > 0) {
      return [{ ...phase, actors: atTable, issues: decided }];
    }
    gone(`phase ${phase.id}`, "none of its actors has a grounded stance on its issues");
    return [];
  });
  const { shocks: _s, phases: _p, ...rest } = draft;
  const scenario: Scenario = { ...rest, actors, issues, stances };
  if (shocks.length > 0) scenario.shocks = shocks;
  if (phases.length > 0) scenario.phases = phases;
  return { scenario, removed };
}

/** The shock with its effects restricted to kept actors and issues, or why nothing is left. */
function pruneShock(shock: Shock, actors: Set<string>, issues: Set<string>): Shock | string {
  if (empty(shock.probability)) return "no source's probability for it was grounded";
  const effects = shock.effects.flatMap((effect) => {
    const next = { ...effect };
    if (next.actors) {
      next.actors = next.actors.filter((a) => actors.has(a));
      if (next.actors.length === 0) return [];
    }
    if ("issues" in next && next.issues) {
      next.issues = next.issues.filter((i) => issues.has(i));
      if (next.issues.length === 0) return [];
    }
    return [next];
  });
  return effects.length > 0
    ? { ...shock, effects }
    : "none of its effects names a kept actor or issue";
}

import { checkActorCapabilities } from "./check-actors.ts";
import { checkIssues } from "./check-issues.ts";
import { checkAgreementPriors, checkPhases, phasesWithoutStatusQuo } from "./check-phases.ts";
import { checkQuestions } from "./check-questions.ts";
import { checkShocks } from "./check-shocks.ts";
import { checkIssuesHaveStances, checkStances } from "./check-stances.ts";
import type { ConsistencyContext } from "./consistency-context.ts";
import { collectIds } from "./duplicate-ids.ts";
import { isRec } from "./raw-document.ts";
import type { ValidationIssue } from "./validation-issue.ts";

/**
 * The checks that need the whole document, tolerant of any shape (the schema reports shape
 * errors): unique ids, references to declared sources, actors, issues and phases, and values
 * within bounds that depend on an issue's scale. Problems come in document order: ids, actors,
 * issues, stances, shocks, phases, agreement priors, questions, issues without stances.
 */
export function checkConsistency(doc: unknown): ValidationIssue[] {
  if (!isRec(doc)) return [];
  const issues: ValidationIssue[] = [];
  const ctx: ConsistencyContext = {
    issues,
    sourceIds: collectIds(doc, "sources", "source", issues),
    actorIds: collectIds(doc, "actors", "actor", issues),
    issueIds: collectIds(doc, "issues", "issue", issues),
  };
  checkActorCapabilities(doc, ctx);
  const scales = checkIssues(doc, ctx);
  const stances = checkStances(doc, ctx, scales);
  checkShocks(doc, ctx);
  const phases = checkPhases(doc, ctx, stances);
  const unchecked = phasesWithoutStatusQuo(doc);
  checkAgreementPriors(doc, ctx, unchecked);
  checkQuestions(doc, ctx, scales, phases, unchecked);
  checkIssuesHaveStances(doc, ctx, stances);
  return issues;
}

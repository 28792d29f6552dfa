import { isIsoDate } from "../ledger/ledger-entry-problems.ts";
import type {
  Actor,
  DroppedNumber,
  Issue,
  Phase,
  Scenario,
  Shock,
  ShockEffect,
  Source,
  SourceEstimate,
  Stance,
} from "../scenario/schema.ts";
import { QUOTE_MAX } from "../scenario/schema.ts";
import { draftId } from "./draft-id.ts";
import type { DraftClaim, DraftResponse } from "./draft-response.ts";
import { type GroundingText, groundingText, quoteIsGrounded } from "./ground-quote.ts";
import { pruneDraft } from "./prune-draft.ts";

/** One article the draft is made from: its source id, where it is, and its plain text. */
export interface DraftArticle {
  id: string;
  locator: string;
  title?: string | undefined;
  text: string;
}

/** The scenario's own fields and the draft's provenance. */
export interface DraftOptions {
  id: string;
  title: string;
  /** The scenario's date (default: the latest date an article gives, else `today`). */
  asOf?: string | undefined;
  /** Today's date, YYYY-MM-DD (the core reads no clock). */
  today: string;
  model: string;
  provider?: string | undefined;
  createdAt?: string | undefined;
}

type Range = readonly [low: number, high: number, lowOpen?: boolean];
type Claim = (item: string, c: DraftClaim | null, range: Range, into: SourceEstimate[]) => void;
const SCALE: Range = [0, 100];
const CAPABILITY: Range = [0, 100, true];
const PROBABILITY: Range = [0, 1];

/**
 * A scenario drafted from the model's answers, one per article, in the articles' order.
 *
 * Every number is kept only if its quote is at most {@link QUOTE_MAX} characters and occurs in
 * that article's text (see `quoteIsGrounded`), and its value lies in the field's range;
 * otherwise it is listed in `draft.dropped` with the reason. Where articles disagree, each
 * article's estimate is kept as its own entry of a source-estimate list, never averaged.
 * Actors, issues, shocks and phases take the first article's definition. What the dropped
 * numbers leave incomplete is removed and listed too ({@link pruneDraft}).
 */
export function assembleDraft(
  articles: readonly DraftArticle[],
  responses: readonly DraftResponse[],
  options: DraftOptions,
): Scenario {
  if (articles.length !== responses.length) {
    throw new RangeError(
      `expected one answer per article, got ${responses.length} for ${articles.length}`,
    );
  }
  const dropped: DroppedNumber[] = [];
  const actors = new Map<string, Actor & { capability: SourceEstimate[] }>();
  const issues = new Map<string, Issue & { statusQuo: SourceEstimate[] }>();
  const stances = new Map<
    string,
    Stance & { position: SourceEstimate[]; salience: SourceEstimate[] }
  >();
  const shocks = new Map<string, Shock & { probability: SourceEstimate[] }>();
  const phases = new Map<string, Phase>();
  const sources: Source[] = [];
  const claims: Claim[] = [];

  for (const [k, article] of articles.entries()) {
    const r = responses[k] as DraftResponse;
    const text = groundingText(article.text);
    const claim: Claim = (item, c, range, into) => {
      if (c === null) return;
      const problem =
        claimProblem(c, range, text) ??
        (into.some((e) => e.source === article.id)
          ? "the article gave it twice; the first is kept"
          : undefined);
      if (problem !== undefined) {
        dropped.push(droppedClaim(article.id, item, c, problem));
      } else {
        const note = c.note.trim();
        into.push({
          value: c.value,
          source: article.id,
          ...(note ? { note } : {}),
          quote: c.quote.trim(),
        });
      }
    };
    sources.push(source(article, r));
    claims.push(claim);

    for (const a of r.actors) {
      const id = draftId(a.id);
      const description = a.description.trim();
      const actor = actors.get(id) ?? {
        id,
        name: a.name.trim() || id,
        ...(description ? { description } : {}),
        capability: [],
      };
      actors.set(id, actor);
      claim(`capability of ${id}`, a.capability, CAPABILITY, actor.capability);
    }
    for (const i of r.issues) {
      const id = draftId(i.id);
      const issue = issues.get(id) ?? newIssue(id, i);
      issues.set(id, issue);
      claim(`status quo of ${id}`, i.statusQuo, SCALE, issue.statusQuo);
    }
  }
  // Stances, shocks and phases once every article's actors and issues are known, so that one
  // may name an actor that a later article defines.
  for (const [k, article] of articles.entries()) {
    const r = responses[k] as DraftResponse;
    const claim = claims[k] as Claim;
    for (const s of r.stances) {
      const actor = draftId(s.actor);
      const issue = draftId(s.issue);
      const what = `of ${actor} on ${issue}`;
      const unknown = !actors.has(actor)
        ? `actor ${actor}`
        : !issues.has(issue)
          ? `issue ${issue}`
          : undefined;
      if (unknown !== undefined) {
        const reason = `unknown ${unknown}: no article defines it`;
        if (s.position)
          dropped.push(droppedClaim(article.id, `position ${what}`, s.position, reason));
        if (s.salience)
          dropped.push(droppedClaim(article.id, `salience ${what}`, s.salience, reason));
        continue;
      }
      const key = `${actor}\u0000${issue}`;
      const stance = stances.get(key) ?? { actor, issue, position: [], salience: [] };
      stances.set(key, stance);
      claim(`position ${what}`, s.position, SCALE, stance.position);
      claim(`salience ${what}`, s.salience, SCALE, stance.salience);
    }
    for (const s of r.shocks) {
      const id = draftId(s.id);
      const description = s.description.trim();
      const shock = shocks.get(id) ?? {
        id,
        title: s.title.trim() || id,
        ...(description ? { description } : {}),
        probability: [],
        effects: s.effects.flatMap((e) => shockEffect(e)),
      };
      shocks.set(id, shock);
      claim(`probability of shock ${id}`, s.probability, PROBABILITY, shock.probability);
    }
    for (const p of r.phases) {
      const id = draftId(p.id);
      const known = phases.get(id);
      if (known) {
        if (!known.sources?.includes(article.id))
          known.sources = [...(known.sources ?? []), article.id];
        continue;
      }
      const description = p.description.trim();
      phases.set(id, {
        id,
        title: p.title.trim() || id,
        ...(description ? { description } : {}),
        actors: unique(p.actors.map(draftId)),
        issues: unique(p.issues.map(draftId)),
        sources: [article.id],
      });
    }
  }

  const { scenario, removed } = pruneDraft({
    id: options.id,
    title: options.title,
    asOf: options.asOf ?? latestDate(sources) ?? options.today,
    description: `Machine draft from ${articles.length} article${articles.length === 1 ? "" : "s"} by ${options.model}. Every number cites a verbatim quote of its source; review each before use.`,
    sources,
    actors: [...actors.values()],
    issues: [...issues.values()],
    stances: [...stances.values()],
    shocks: [...shocks.values()],
    phases: [...phases.values()],
  });
  // A kept shock has effects; their sizes are the model's reading, which no quote can settle.
  const review = (scenario.shocks ?? []).map(
    (s) =>
      `shock ${s.id}: the size of its effects is the model's reading of the article, not a quoted number; check it`,
  );
  scenario.draft = {
    model: options.model,
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    dropped: [...dropped, ...removed],
    ...(review.length > 0 ? { review } : {}),
  };
  return scenario;
}

/** A refused claim as `draft.dropped` lists it (its quote cut to {@link QUOTE_MAX}). */
function droppedClaim(source: string, item: string, c: DraftClaim, reason: string): DroppedNumber {
  return { source, item, value: c.value, quote: cut(c.quote), reason };
}

/** The latest publication date the sources give, as YYYY-MM-DD. */
function latestDate(sources: readonly Source[]): string | undefined {
  return sources
    .flatMap((s) => (s.date ? [s.date] : []))
    .sort()
    .at(-1);
}

/** Why a claimed number cannot be kept, or undefined when it is grounded and in range. */
function claimProblem(
  c: DraftClaim,
  [low, high, lowOpen]: Range,
  text: GroundingText,
): string | undefined {
  const quote = c.quote.trim();
  if (quote === "") return "no quote given";
  if (quote.length > QUOTE_MAX)
    return `quote longer than ${QUOTE_MAX} characters (${quote.length})`;
  if (!Number.isFinite(c.value) || c.value > high || (lowOpen ? c.value <= low : c.value < low)) {
    return `value ${c.value} outside the allowed range, ${lowOpen ? "above " : ""}${low} to ${high}`;
  }
  if (!quoteIsGrounded(quote, text)) {
    return "quote not found in the source (after white-space and quote-mark normalisation)";
  }
  return undefined;
}

function source(article: DraftArticle, r: DraftResponse): Source {
  const { author, outlet, date } = r.source;
  const title = r.source.title.trim() || article.title || article.locator;
  return {
    id: article.id,
    title,
    ...(author?.trim() ? { author: author.trim() } : {}),
    ...(outlet?.trim() ? { outlet: outlet.trim() } : {}),
    ...(isIsoDate(date) ? { date } : {}),
    locator: article.locator,
  };
}

function newIssue(
  id: string,
  i: DraftResponse["issues"][number],
): Issue & { statusQuo: SourceEstimate[] } {
  const seen = new Set<string>();
  const marks = i.marks
    .map((m) => ({ at: m.at, label: m.label.trim() }))
    .filter((m) => Number.isFinite(m.at) && m.at >= 0 && m.at <= 100 && m.label !== "")
    .filter((m) => !seen.has(`${m.at} ${m.label}`) && seen.add(`${m.at} ${m.label}`))
    .sort((a, b) => a.at - b.at);
  const description = i.description.trim();
  return {
    id,
    title: i.title.trim() || id,
    ...(description ? { description } : {}),
    scale: {
      min: 0,
      max: 100,
      minLabel: i.minLabel.trim() || "0",
      maxLabel: i.maxLabel.trim() || "100",
      ...(marks.length > 0 ? { marks } : {}),
    },
    statusQuo: [],
  };
}

function shockEffect(e: DraftResponse["shocks"][number]["effects"][number]): ShockEffect[] {
  const actors = unique(e.actors.map(draftId));
  const issues = unique(e.issues.map(draftId));
  const who = actors.length > 0 ? { actors } : {};
  const where = issues.length > 0 ? { issues } : {};
  if (!Number.isFinite(e.amount)) return [];
  switch (e.kind) {
    case "shift-position":
      return e.amount >= -100 && e.amount <= 100
        ? [{ kind: e.kind, ...who, ...where, by: e.amount }]
        : [];
    case "scale-salience":
      return e.amount >= 0 ? [{ kind: e.kind, ...who, ...where, factor: e.amount }] : [];
    case "scale-capability":
      return e.amount >= 0 ? [{ kind: e.kind, ...who, factor: e.amount }] : [];
    case "remove-actor":
      return actors.length > 0 ? [{ kind: e.kind, actors }] : [];
  }
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
const cut = (q: string): string => (q.length > QUOTE_MAX ? `${q.slice(0, QUOTE_MAX - 1)}…` : q);

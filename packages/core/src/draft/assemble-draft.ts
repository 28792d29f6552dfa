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
  asOf: string;
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
  const review: string[] = [];
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
      const problem = claimProblem(c, range, text);
      if (problem !== undefined) {
        dropped.push({
          source: article.id,
          item,
          value: c.value,
          quote: cut(c.quote),
          reason: problem,
        });
      } else if (into.some((e) => e.source === article.id)) {
        dropped.push({
          source: article.id,
          item,
          value: c.value,
          quote: c.quote,
          reason: "the article gave it twice; the first is kept",
        });
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
      if (!actors.has(id)) {
        const description = a.description.trim();
        actors.set(id, {
          id,
          name: a.name.trim() || id,
          ...(description ? { description } : {}),
          capability: [],
        });
      }
      claim(
        `capability of ${id}`,
        a.capability,
        CAPABILITY,
        (actors.get(id) as { capability: SourceEstimate[] }).capability,
      );
    }
    for (const i of r.issues) {
      const id = draftId(i.id);
      if (!issues.has(id)) issues.set(id, newIssue(id, i));
      claim(
        `status quo of ${id}`,
        i.statusQuo,
        SCALE,
        (issues.get(id) as { statusQuo: SourceEstimate[] }).statusQuo,
      );
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
        for (const [field, c] of [
          ["position", s.position],
          ["salience", s.salience],
        ] as const) {
          if (c)
            dropped.push({
              source: article.id,
              item: `${field} ${what}`,
              value: c.value,
              quote: cut(c.quote),
              reason: `unknown ${unknown}: no article defines it`,
            });
        }
        continue;
      }
      const key = `${actor}\u0000${issue}`;
      if (!stances.has(key)) stances.set(key, { actor, issue, position: [], salience: [] });
      const stance = stances.get(key) as { position: SourceEstimate[]; salience: SourceEstimate[] };
      claim(`position ${what}`, s.position, SCALE, stance.position);
      claim(`salience ${what}`, s.salience, SCALE, stance.salience);
    }
    for (const s of r.shocks) {
      const id = draftId(s.id);
      if (!shocks.has(id)) {
        const effects = s.effects.flatMap((e) => shockEffect(e));
        const description = s.description.trim();
        shocks.set(id, {
          id,
          title: s.title.trim() || id,
          ...(description ? { description } : {}),
          probability: [],
          effects,
        });
        if (effects.length > 0) {
          review.push(
            `shock ${id}: the size of its effects is the model's reading of the article, not a quoted number; check it`,
          );
        }
      }
      claim(
        `probability of shock ${id}`,
        s.probability,
        PROBABILITY,
        (shocks.get(id) as { probability: SourceEstimate[] }).probability,
      );
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
    asOf: options.asOf,
    description: `Machine draft from ${articles.length} article${articles.length === 1 ? "" : "s"} by ${options.model}. Every number cites a verbatim quote of its source; review each before use.`,
    sources,
    actors: [...actors.values()],
    issues: [...issues.values()],
    stances: [...stances.values()],
    shocks: [...shocks.values()],
    phases: [...phases.values()],
  });
  scenario.draft = {
    model: options.model,
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    dropped: [...dropped, ...removed],
    ...(review.length > 0
      ? {
          review: review.filter((r) =>
            scenario.shocks?.some((s) => r.startsWith(`shock ${s.id}:`)),
          ),
        }
      : {}),
  };
  if (scenario.draft.review?.length === 0) delete scenario.draft.review;
  return scenario;
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
    ...(date && isIsoDate(date) ? { date } : {}),
    locator: article.locator,
  };
}

function newIssue(
  id: string,
  i: DraftResponse["issues"][number],
): Issue & { statusQuo: SourceEstimate[] } {
  const marks = unique(
    i.marks
      .filter((m) => Number.isFinite(m.at) && m.at >= 0 && m.at <= 100 && m.label.trim() !== "")
      .sort((a, b) => a.at - b.at)
      .map((m) => JSON.stringify({ at: m.at, label: m.label.trim() })),
  ).map((m) => JSON.parse(m) as { at: number; label: string });
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
const isIsoDate = (d: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d));

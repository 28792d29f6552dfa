/**
 * The Entente scenario format, defined once as a zod schema.
 *
 * The same schema validates scenario files in the CLI, request bodies in the HTTP API and the
 * web editor, and is published as JSON Schema (`entente schema`) so that editors autocomplete it.
 * Cross-references (actor, issue and source ids), bounds that depend on an issue's scale and
 * duplicate ids are checked by {@link validateScenario}, which reports every problem at once.
 * @module
 */
import { z } from "zod";

/** An identifier: a letter, then letters, digits, `_`, `-` or `.` (at most 64 characters). */
export const Id = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/,
    "expected an id: a letter, then up to 63 letters, digits, '_', '-' or '.'",
  )
  .describe("An identifier: a letter, then letters, digits, '_', '-' or '.'");

const finite = z.number().refine(Number.isFinite, "expected a finite number");

/** A calendar date written `YYYY-MM-DD`. */
export const IsoDate = z.iso.date("expected a date written YYYY-MM-DD");

/** The longest quote a drafted number may carry as evidence, in characters. */
export const QUOTE_MAX = 200;

/** One source's estimate of a number, for when sources disagree. */
export const SourceEstimate = z
  .strictObject({
    value: finite.describe("This source's value"),
    source: Id.describe("Id of the source that gives this value"),
    note: z.string().optional().describe("Why this source reads it so (paraphrase)"),
    weight: z
      .number()
      .positive("expected a weight > 0")
      .optional()
      .describe("Relative weight when sampling among estimates (default 1)"),
    quote: z
      .string()
      .min(1, "expected a non-empty quote")
      .max(QUOTE_MAX, `expected a quote of at most ${QUOTE_MAX} characters`)
      .optional()
      .describe(
        "A short verbatim passage of the source behind this value (drafts: evidence for the analyst)",
      ),
  })
  .describe("One source's estimate");

/** A number with its uncertainty and provenance. */
export const SourcedNumber = z
  .strictObject({
    value: finite.describe("Central value"),
    low: finite.optional().describe("Lowest plausible value (inclusive)"),
    high: finite.optional().describe("Highest plausible value (inclusive)"),
    sources: z.array(Id).optional().describe("Ids of the sources behind this number"),
    note: z.string().optional().describe("One-line rationale (paraphrase, never a quotation)"),
  })
  .describe("A number with an optional range and its sources");

/**
 * Any number in a scenario: written plainly (`42`), with range and sources
 * (`{ value, low, high, sources, note }`), or as a list of disagreeing source estimates
 * (`[{ value, source, note }, …]`).
 */
export const Estimate = z
  .union([
    finite,
    SourcedNumber,
    z.array(SourceEstimate).min(1, "expected at least one estimate in the list"),
  ])
  .describe("A number: plain, {value, low, high, sources, note}, or a list of source estimates");

export const Source = z
  .strictObject({
    id: Id,
    title: z.string().min(1, "expected a non-empty title"),
    author: z.string().optional().describe("Author(s)"),
    outlet: z.string().optional().describe("Publisher, outlet or dataset"),
    date: IsoDate.optional(),
    locator: z.string().min(1).describe("File name, URL or DOI where the source can be found"),
    note: z.string().optional(),
  })
  .describe("A source behind the scenario's numbers");

export const Actor = z
  .strictObject({
    id: Id,
    name: z.string().min(1, "expected a non-empty name"),
    description: z.string().optional(),
    capability: Estimate.describe("Capability (power, resources) — a positive number"),
  })
  .describe("A party to the negotiation");

export const ScaleMark = z.strictObject({
  at: finite.describe("Point on the scale"),
  label: z.string().min(1),
});

export const Scale = z
  .strictObject({
    min: finite.default(0).describe("Value at the low end (default 0)"),
    max: finite.default(100).describe("Value at the high end (default 100)"),
    unit: z.string().optional().describe("Unit of the scale, e.g. 'years'"),
    minLabel: z
      .string()
      .min(1, "expected a label for the low end")
      .describe("What the low end means"),
    maxLabel: z
      .string()
      .min(1, "expected a label for the high end")
      .describe("What the high end means"),
    marks: z.array(ScaleMark).optional().describe("Labelled points in between"),
  })
  .describe("The issue's scale: numeric range and the meaning of its ends");

export const Issue = z
  .strictObject({
    id: Id,
    title: z.string().min(1, "expected a non-empty title"),
    description: z.string().optional(),
    scale: Scale,
    statusQuo: Estimate.optional().describe("Where the issue stands if nothing is agreed"),
    outcome: Estimate.optional().describe("The actual outcome, when known (for backtests)"),
    ratifiers: z
      .array(Id)
      .optional()
      .describe(
        "Ids of the actors whose consent a deal on this issue needs (veto players, e.g. a legislature that must ratify)",
      ),
  })
  .describe("An issue on a one-dimensional scale");

export const Stance = z
  .strictObject({
    actor: Id.describe("Id of the actor"),
    issue: Id.describe("Id of the issue"),
    position: Estimate.describe("The actor's preferred outcome, on the issue's scale"),
    salience: Estimate.describe("How much the issue matters to the actor, 0–100"),
    capability: Estimate.optional().describe(
      "The actor's capability on this issue when it differs from the actor's own (e.g. a vote share that varies by policy area)",
    ),
  })
  .describe("One actor's position and salience on one issue");

/** One thing a shock does to the inputs when it happens. */
export const ShockEffect = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("shift-position"),
      actors: z.array(Id).optional().describe("Actors affected (default: every actor)"),
      issues: z.array(Id).optional().describe("Issues affected (default: every issue)"),
      by: finite.describe(
        "Amount added to the position, in the issue's units (clamped to the scale)",
      ),
    }),
    z.strictObject({
      kind: z.literal("scale-salience"),
      actors: z.array(Id).optional(),
      issues: z.array(Id).optional(),
      factor: z
        .number()
        .nonnegative("expected a factor ≥ 0")
        .describe("Multiplier (capped at 100)"),
    }),
    z.strictObject({
      kind: z.literal("scale-capability"),
      actors: z.array(Id).optional(),
      factor: z.number().nonnegative("expected a factor ≥ 0"),
    }),
    z.strictObject({
      kind: z.literal("remove-actor"),
      actors: z.array(Id).min(1, "expected at least one actor"),
    }),
  ])
  .describe("An effect: shift-position, scale-salience, scale-capability or remove-actor");

/** An event that may or may not happen, changing the inputs when it does. */
export const Shock = z
  .strictObject({
    id: Id,
    title: z.string().min(1),
    description: z.string().optional(),
    probability: Estimate.describe("Chance the shock happens, 0–1"),
    effects: z.array(ShockEffect).min(1, "expected at least one effect"),
  })
  .describe("A shock: a probability and the effects applied when it happens");

/** The analysts' prior for an agreement in a phase, combined with the win-set check. */
export const AgreementPrior = z
  .strictObject({
    probability: Estimate.describe("Chance of an agreement in this phase, 0–1"),
    sources: z.array(Id).optional().describe("Ids of the sources behind it"),
    note: z.string().optional().describe("Why (paraphrase, never a quotation)"),
  })
  .describe(
    "Analysts' prior that the phase ends in an agreement; its odds multiply the odds from the win-set check",
  );

/** One step of the talks: who sits at the table and on which issues. */
export const Phase = z
  .strictObject({
    id: Id,
    title: z.string().min(1),
    description: z.string().optional(),
    actors: z.array(Id).min(1, "expected at least one actor"),
    issues: z.array(Id).min(1, "expected at least one issue"),
    sources: z.array(Id).optional(),
    agreement: AgreementPrior.optional(),
  })
  .describe("A phase: its forecast becomes the status quo of the next phase on the same issues");

/** A yes/no event on the outcome: a condition on issues and agreements, combined freely. */
export type Predicate =
  | { issue: string; atLeast?: number | undefined; atMost?: number | undefined }
  | { agreement: string }
  | { all: Predicate[] }
  | { any: Predicate[] }
  | { not: Predicate };

const IssueCondition = z
  .strictObject({
    issue: Id.describe("Id of the issue"),
    atLeast: finite.optional().describe("True when the outcome is at least this (issue's units)"),
    atMost: finite.optional().describe("True when the outcome is at most this (issue's units)"),
  })
  .describe("An issue's outcome at least and/or at most a value");

/**
 * A predicate on the negotiation's outcome: `{ issue, atLeast?, atMost? }`,
 * `{ agreement: phase }` (that phase ends in an agreement), `{ all: […] }`, `{ any: […] }` and
 * `{ not: … }`.
 */
export const Predicate: z.ZodType<Predicate> = z.lazy(() =>
  z.union([
    IssueCondition,
    z
      .strictObject({ agreement: Id.describe("Id of the phase") })
      .describe("The phase ends in an agreement"),
    z
      .strictObject({ all: z.array(Predicate).min(1, "expected at least one condition") })
      .describe("Every condition holds"),
    z
      .strictObject({ any: z.array(Predicate).min(1, "expected at least one condition") })
      .describe("At least one condition holds"),
    z.strictObject({ not: Predicate }).describe("The condition does not hold"),
  ]),
);

/** A source's stated probability of a question. */
export const QuestionEstimate = z
  .strictObject({
    probability: z
      .number()
      .min(0, "expected a probability from 0 to 1")
      .max(1, "expected a probability from 0 to 1")
      .describe("The probability the source gives, 0–1"),
    source: Id.describe("Id of the source"),
    note: z.string().optional().describe("How the source's words map to this question"),
  })
  .describe("One source's probability for the question");

/** A yes/no question about the outcome, with the sources' own figures. */
export const Question = z
  .strictObject({
    id: Id,
    title: z.string().min(1, "expected a non-empty title").describe("The question, as asked"),
    description: z.string().optional(),
    when: Predicate.describe("When the answer is yes"),
    estimates: z
      .array(QuestionEstimate)
      .optional()
      .describe("Probabilities the sources state for it"),
  })
  .describe("A yes/no question: a predicate on the outcome, and what the sources say");

/** A drafted number the grounding check refused, and why. */
export const DroppedNumber = z
  .strictObject({
    source: Id.optional().describe("Id of the source the model cited"),
    item: z.string().min(1).describe("What the number was, e.g. 'position of usa on territory'"),
    value: finite.optional().describe("The value the model proposed"),
    quote: z.string().optional().describe("The quote the model gave (cut at 200 characters)"),
    reason: z.string().min(1).describe("Why it was dropped"),
  })
  .describe("A drafted number that was dropped");

/** Marks a scenario as a machine draft that an analyst has not yet reviewed. */
export const DraftInfo = z
  .strictObject({
    model: z.string().min(1).describe("The language model that drafted it"),
    provider: z.string().optional().describe("The provider, e.g. the endpoint's base URL"),
    createdAt: z.string().optional().describe("When the draft was made (ISO 8601)"),
    dropped: z
      .array(DroppedNumber)
      .default([])
      .describe("Numbers the model proposed whose quote could not be found in the source"),
    review: z
      .array(z.string())
      .optional()
      .describe("Points the analyst must check that no quote can settle"),
  })
  .describe("A draft: which model wrote it and what the grounding check dropped");

/** The whole scenario document. */
export const Scenario = z
  .strictObject({
    $schema: z.string().optional().describe("JSON Schema reference for editors"),
    id: Id,
    title: z.string().min(1, "expected a non-empty title"),
    asOf: IsoDate.describe("Date the scenario describes"),
    description: z.string().optional(),
    sources: z.array(Source).default([]),
    actors: z.array(Actor).min(1, "expected at least one actor"),
    issues: z.array(Issue).min(1, "expected at least one issue"),
    stances: z.array(Stance).min(1, "expected at least one stance"),
    shocks: z.array(Shock).optional().describe("Events that may happen, each with its effects"),
    phases: z.array(Phase).optional().describe("Ordered steps of the talks"),
    questions: z.array(Question).optional().describe("Yes/no questions about the outcome"),
    draft: DraftInfo.optional().describe(
      "Present while the scenario is an unreviewed machine draft from articles",
    ),
  })
  .describe("An Entente negotiation scenario");

export type Estimate = z.infer<typeof Estimate>;
export type SourcedNumber = z.infer<typeof SourcedNumber>;
export type SourceEstimate = z.infer<typeof SourceEstimate>;
export type Source = z.infer<typeof Source>;
export type Actor = z.infer<typeof Actor>;
export type Scale = z.infer<typeof Scale>;
export type Issue = z.infer<typeof Issue>;
export type Stance = z.infer<typeof Stance>;
export type ShockEffect = z.infer<typeof ShockEffect>;
export type Shock = z.infer<typeof Shock>;
export type Phase = z.infer<typeof Phase>;
export type AgreementPrior = z.infer<typeof AgreementPrior>;
export type QuestionEstimate = z.infer<typeof QuestionEstimate>;
export type Question = z.infer<typeof Question>;
export type DroppedNumber = z.infer<typeof DroppedNumber>;
export type DraftInfo = z.infer<typeof DraftInfo>;
export type Scenario = z.infer<typeof Scenario>;
/** A scenario as written, before defaults are filled in. */
export type ScenarioInput = z.input<typeof Scenario>;

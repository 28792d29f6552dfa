/**
 * The draft routes' wire: the provider as the server reports it, the articles a draft is asked
 * for with, and a draft job with its progress and outcome.
 * @module
 */
import { Id, isIsoDate, show } from "@entente/core";
import { z } from "@hono/zod-openapi";
import { DRAFT_STATUSES } from "../draft-jobs.ts";
import { choice, fields } from "../field-schemas.ts";
import { ScenarioDocument } from "./scenario-schemas.ts";

/** Articles one draft may be made from, at most. */
export const MAX_DRAFT_ARTICLES = 20;
/** Largest article text accepted, in UTF-8 bytes (1 MB). */
export const MAX_ARTICLE_BYTES = 1_000_000;
/** Longest article file name accepted, in characters. */
const MAX_NAME = 255;
/** Longest scenario title accepted, in characters. */
const MAX_TITLE = 200;

/** `GET /api/draft-provider`: whether drafting is configured, and with what (never the key). */
export const DraftProviderInfo = z
  .object({
    configured: z.boolean(),
    model: z.string().optional().describe("The model drafts are made with, when configured"),
    baseUrl: z
      .string()
      .optional()
      .describe("The chat-completions endpoint's base URL (without credentials), when configured"),
    help: z.string().optional().describe("How to configure a provider, when none is"),
  })
  .openapi("DraftProviderInfo");

/** One uploaded article: its file name (whose extension picks the format) and its text. */
export const DraftArticleUpload = fields({
  name: z
    .string({ error: (issue) => `expected the article's file name, got ${show(issue.input)}` })
    .min(1, { error: () => "expected the article's file name, got an empty name" })
    .max(MAX_NAME, {
      error: (issue) =>
        `expected a file name of at most ${MAX_NAME} characters, got ${(issue.input as string).length}`,
    })
    .describe("The file name: .md/.markdown is read as Markdown, .html/.htm as HTML, else text"),
  text: z
    .string({ error: (issue) => `expected the article's text, got ${show(issue.input)}` })
    .min(1, { error: () => "expected the article's text, got an empty text" })
    .check((ctx) => {
      const bytes = Buffer.byteLength(ctx.value, "utf8");
      if (bytes > MAX_ARTICLE_BYTES) {
        ctx.issues.push({
          code: "custom",
          message: `expected an article of at most ${MAX_ARTICLE_BYTES} bytes, got ${bytes}`,
          input: ctx.value,
        });
      }
    })
    .describe(`The file's content, at most ${MAX_ARTICLE_BYTES} bytes (UTF-8)`),
}).openapi("DraftArticleUpload");

/** `POST /api/drafts`: the articles to draft a scenario from, and the scenario's own fields. */
export const DraftRequestBody = fields({
  articles: z
    .array(DraftArticleUpload, {
      error: (issue) => `expected a list of articles ({ name, text }), got ${show(issue.input)}`,
    })
    .min(1, { error: () => "expected at least one article, got none" })
    .max(MAX_DRAFT_ARTICLES, {
      error: (issue) =>
        `expected at most ${MAX_DRAFT_ARTICLES} articles, got ${(issue.input as unknown[]).length}`,
    })
    .describe(
      "The articles, in the order the model reads them (earlier ones set the ids later ones reuse)",
    ),
  title: z
    .string({ error: (issue) => `expected the scenario's title, got ${show(issue.input)}` })
    .trim()
    .min(1, { error: () => "expected a non-empty title" })
    .max(MAX_TITLE, {
      error: (issue) =>
        `expected a title of at most ${MAX_TITLE} characters, got ${(issue.input as string).length}`,
    })
    .optional()
    .describe('The scenario\'s title (default: "Draft from N articles")'),
  id: z
    .string({ error: (issue) => `expected a scenario id, got ${show(issue.input)}` })
    .check((ctx) => {
      if (!Id.safeParse(ctx.value).success) {
        ctx.issues.push({
          code: "custom",
          message: `expected an id: a letter, then up to 63 letters, digits, '_', '-' or '.', got ${show(ctx.value)}`,
          input: ctx.value,
        });
      }
    })
    .default("draft")
    .describe("The scenario's id")
    .openapi({ pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$" }),
  asOf: z
    .string({ error: (issue) => `expected a date written YYYY-MM-DD, got ${show(issue.input)}` })
    .check((ctx) => {
      if (!isIsoDate(ctx.value)) {
        ctx.issues.push({
          code: "custom",
          message: `expected a date written YYYY-MM-DD, got ${show(ctx.value)}`,
          input: ctx.value,
        });
      }
    })
    .optional()
    .describe("The scenario's date (default: the latest article date, else today)")
    .openapi({ format: "date" }),
}).openapi("DraftRequest");

/** A draft job: its progress while running, then the scenario (done) or the reason (failed). */
export const DraftJobSchema = z
  .object({
    id: z.string(),
    status: choice(DRAFT_STATUSES),
    done: z.int().describe("Articles answered so far"),
    total: z.int().describe("Articles in the draft"),
    note: z.string().describe("What is happening now, or how it ended"),
    scenario: ScenarioDocument.optional().describe(
      "When done: the drafted scenario, with its `draft` block and the quotes behind its numbers",
    ),
    error: z.string().optional().describe("When failed: why"),
  })
  .openapi("DraftJob");

/** `{id}` in a draft's path. */
export const DraftParams = z.object({ id: z.string().describe("Draft id") });

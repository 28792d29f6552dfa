/**
 * The forecast ledger's wire: the bodies that add to it and what it answers (its head, records,
 * questions, scores and chain check).
 * @module
 */
import { isIsoDate, show } from "@entente/core";
import { z } from "@hono/zod-openapi";
import { asAWhole, fields, text, wholeNumber } from "../field-schemas.ts";
import { calibrationField, revisionField } from "../schemas.ts";
import { DEFAULT_SAMPLES, DEFAULT_SEED } from "./simulate-route.ts";

/** A day, YYYY-MM-DD (default: today). */
const date = z
  .string({ error: (issue) => `expected a date YYYY-MM-DD, got ${show(issue.input)}` })
  .refine(isIsoDate, { error: (issue) => `expected a date YYYY-MM-DD, got ${show(issue.input)}` })
  .optional()
  .openapi({ format: "date", description: "YYYY-MM-DD (default: today)" });

/** `POST /ledger/record`: simulate a stored scenario and record its forecasts. */
export function recordBody(maxSamples: number) {
  return fields({
    scenario: z
      .string({ error: (issue) => `expected a stored scenario's id, got ${show(issue.input)}` })
      .describe("A stored scenario's id"),
    revision: revisionField,
    samples: wholeNumber(1, maxSamples).default(DEFAULT_SAMPLES),
    seed: wholeNumber(0).default(DEFAULT_SEED),
    date,
    questions: asAWhole(
      z.array(z.string()),
      (value) => `expected a list of question or issue ids, got ${show(value)}`,
    )
      .optional()
      .describe("Only these question or issue ids"),
    calibration: calibrationField,
  });
}

/** `POST /ledger/resolutions`: what happened. */
export const ResolutionBody = fields({
  question: text().describe("Its id, or the part after the scenario id when unique"),
  outcome: z
    .union([z.enum(["yes", "no"]), z.boolean(), z.number()], {
      error: (issue) => `expected "yes", "no" or a number, got ${show(issue.input)}`,
    })
    .transform((o) => (o === "yes" ? true : o === "no" ? false : o)),
  date,
  source: text().describe("Where the outcome is documented (not empty)"),
  note: text(2000).optional(),
});

/** `POST /ledger/forecasts`: a named analyst's probability. */
export const ForecastBody = fields({
  question: text().describe("Its id, or the part after the scenario id when unique"),
  forecaster: text().describe("The analyst's name (not empty)"),
  probability: z
    .number({ error: (issue) => `expected a number from 0 to 1, got ${show(issue.input)}` })
    .describe("P(yes), from 0 to 1"),
  date,
  note: text(2000).optional(),
  text: text().optional().describe("Not used: the question's text is the ledger's"),
});

/** The ledger's last record: its sequence number and hash (0 and 64 zeros when empty). */
export const LedgerHead = z.object({
  seq: z.int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** An entry with its place in the chain. */
export const LedgerRecord = z
  .object({
    seq: z.int().min(1),
    prevHash: z.string(),
    hash: z.string(),
    entry: z.object({
      kind: z.enum(["forecast", "resolution"]),
      question: z.string(),
      text: z.string().optional(),
      forecaster: z.string().optional(),
      forecasterKind: z.enum(["model", "source", "analyst"]).optional(),
      calibration: z.string().optional(),
      probability: z.number().min(0).max(1).optional(),
      distribution: z
        .object({
          min: z.number(),
          max: z.number(),
          percentiles: z.array(z.number()).length(99),
        })
        .optional(),
      outcome: z.union([z.boolean(), z.number()]).optional(),
      source: z.string().optional(),
      note: z.string().optional(),
      date: z.iso.date(),
      created: z.iso.datetime(),
      supersedes: z.int().min(1).optional(),
    }),
  })
  .openapi("LedgerRecord", {
    description:
      "An entry with its place in the chain: hash = SHA-256(seq, prevHash, canonical entry)",
  });

/** The ledger's questions, each with its forecasts and standing resolution. */
export const LedgerQuestions = z.object({
  head: LedgerHead,
  questions: z.array(
    z.object({
      question: z.string(),
      text: z.string(),
      kind: z.enum(["binary", "numeric"]),
      forecasts: z.array(z.object({})),
      resolution: z.object({}).nullable(),
    }),
  ),
});

/** The scores per forecaster or model. */
export const LedgerScores = z.object({
  by: z.enum(["forecaster", "model"]),
  reference: z.string(),
  questions: z.object({ total: z.int(), resolved: z.int() }),
  groups: z.array(z.object({})),
});

/** The hash chain's check. */
export const LedgerVerdict = z.object({
  ok: z.boolean(),
  entries: z.int(),
  head: z.string(),
  broken: z.object({ seq: z.int(), reason: z.string() }).optional(),
});

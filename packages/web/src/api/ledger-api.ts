/**
 * The forecast ledger's part of the `entente serve` JSON API: the questions with their
 * forecasts and resolutions, the scores, the chain check, and the three writes (record a
 * scenario's forecasts, resolve a question, add an analyst's forecast). Answers are the server's
 * wire types; failures are the same `ApiRequestError`s as every request's; options are checked
 * here, before anything is sent.
 * @module
 */
import { FIFTY_FIFTY, type LedgerRecord, type ScoreGrouping } from "@entente/core";
import type {
  LedgerScoreTable,
  LedgerVerification,
  LedgerView,
  RecordedForecasts,
} from "entente/wire-types";
import { request } from "./request.ts";

/** Options of {@link ledgerApi.record}. */
export interface RecordOptions {
  /** A stored scenario's id. */
  scenario: string;
  /** Its revision (the latest when absent). */
  revision?: number;
  /** Monte Carlo samples (the server's default when absent). */
  samples?: number;
  seed?: number;
}

/** Options of {@link ledgerApi.resolve}: what happened, when it was known, and where it is documented. */
export interface ResolveOptions {
  question: string;
  outcome: "yes" | "no" | number;
  /** YYYY-MM-DD. */
  date: string;
  source: string;
  note?: string;
}

/** Options of {@link ledgerApi.forecast}: a named analyst's probability for a yes/no question. */
export interface AnalystForecastOptions {
  question: string;
  forecaster: string;
  probability: number;
  /** YYYY-MM-DD (today on the server when absent). */
  date?: string;
  note?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkWhole(name: string, value: number | undefined, min: number): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= min)) {
    throw new RangeError(`${name}: expected a whole number ≥ ${min}, got ${value}`);
  }
}

function checkDate(name: string, value: string | undefined): void {
  if (value !== undefined && !DATE.test(value)) {
    throw new RangeError(`${name}: expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
}

function checkText(name: string, value: string): void {
  if (typeof value !== "string" || value.trim() === "") {
    throw new RangeError(`${name}: expected a non-empty text, got ${JSON.stringify(value)}`);
  }
}

/** Drop the keys whose value is undefined, so the JSON body carries only what was given. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The ledger endpoints of `entente serve`, relative to the page's origin.
 * @example
 * await ledgerApi.resolve({ question: "budapest-2025/summit", outcome: "no", date: "2025-11-30", source: "Reuters" });
 * const { groups } = await ledgerApi.scores({ by: "model" });
 */
export const ledgerApi = {
  /** Every question with its forecasts (in the order recorded) and its standing resolution. */
  async ledger(): Promise<LedgerView> {
    return request("GET", "/api/ledger");
  },

  /** Scores per forecaster or per model, with skill against `reference` (default 50 %). */
  async scores(
    options: { by?: ScoreGrouping; reference?: string } = {},
  ): Promise<LedgerScoreTable> {
    const { by = "forecaster", reference = FIFTY_FIFTY } = options;
    if (by !== "forecaster" && by !== "model") {
      throw new RangeError(`by: expected "forecaster" or "model", got ${JSON.stringify(by)}`);
    }
    checkText("reference", reference);
    const query = new URLSearchParams({ by, reference });
    return request("GET", `/api/ledger/scores?${query}`);
  },

  /** Recompute every hash of the chain. */
  async verify(): Promise<LedgerVerification> {
    return request("GET", "/api/ledger/verify");
  },

  /**
   * Simulate a stored scenario and record every question's probability per model, the sources'
   * stated figures and each issue's predictive distribution (201; takes a few seconds).
   */
  async record(options: RecordOptions): Promise<RecordedForecasts> {
    checkText("scenario", options.scenario);
    checkWhole("revision", options.revision, 1);
    checkWhole("samples", options.samples, 1);
    checkWhole("seed", options.seed, 0);
    return request("POST", "/api/ledger/record", defined(options));
  },

  /** Record what happened to a question (404 for an unknown question, 400 for a bad field). */
  async resolve(options: ResolveOptions): Promise<LedgerRecord> {
    checkText("question", options.question);
    const { outcome } = options;
    if (outcome !== "yes" && outcome !== "no" && !Number.isFinite(outcome)) {
      throw new RangeError(`outcome: expected "yes", "no" or a number, got ${String(outcome)}`);
    }
    checkDate("date", options.date);
    checkText("source", options.source);
    return request(
      "POST",
      "/api/ledger/resolutions",
      defined({ ...options, note: options.note?.trim() || undefined }),
    );
  },

  /** Record a named analyst's probability for a yes/no question. */
  async forecast(options: AnalystForecastOptions): Promise<LedgerRecord> {
    checkText("question", options.question);
    checkText("forecaster", options.forecaster);
    const p = options.probability;
    if (!(Number.isFinite(p) && p >= 0 && p <= 1)) {
      throw new RangeError(`probability: expected a number from 0 to 1, got ${p}`);
    }
    checkDate("date", options.date);
    return request(
      "POST",
      "/api/ledger/forecasts",
      defined({ ...options, note: options.note?.trim() || undefined }),
    );
  },
};

import type {
  ForecastEntry,
  ForecasterKind,
  LedgerRecord,
  ResolutionEntry,
} from "./ledger-entry.ts";
import { recordedMedian } from "./recorded-distribution.ts";

/** One forecast of a {@link LedgerQuestion}, in the order recorded. */
export interface QuestionForecast {
  seq: number;
  forecaster: string;
  forecasterKind: ForecasterKind;
  calibration?: string;
  probability?: number;
  /** A numeric forecast's median. */
  median?: number;
  note?: string;
  date: string;
  created: string;
  /** A later entry corrects it. */
  superseded: boolean;
}

/** A question of the ledger with its forecasts and its standing resolution. */
export interface LedgerQuestion {
  question: string;
  text: string;
  /** yes/no (forecasts are probabilities) or numeric (forecasts are distributions). */
  kind: "binary" | "numeric";
  forecasts: QuestionForecast[];
  /** The latest resolution (a later one corrects an earlier one), or null. */
  resolution: {
    seq: number;
    outcome: boolean | number;
    date: string;
    source: string;
    note?: string;
  } | null;
}

/**
 * Each forecaster's standing forecast: of its forecasts that no later entry supersedes, the one
 * with the latest date (the later entry when two share a date); one per forecaster, in the order
 * the forecasters first appear.
 */
export function standingForecasts(forecasts: readonly QuestionForecast[]): QuestionForecast[] {
  const standing = new Map<string, QuestionForecast>();
  for (const f of forecasts) {
    if (f.superseded) continue;
    const current = standing.get(f.forecaster);
    if (!current || f.date >= current.date) standing.set(f.forecaster, f);
  }
  return [...standing.values()];
}

/** The seq numbers that a later entry supersedes. */
export function supersededSeqs(records: readonly LedgerRecord[]): Set<number> {
  const out = new Set<number>();
  for (const r of records) if (r.entry.supersedes !== undefined) out.add(r.entry.supersedes);
  return out;
}

/**
 * The ledger's questions in the order they were first recorded: each with its forecasts and the
 * latest of its resolutions that no later entry supersedes.
 */
export function ledgerQuestions(records: readonly LedgerRecord[]): LedgerQuestion[] {
  const superseded = supersededSeqs(records);
  const byId = new Map<string, LedgerQuestion>();
  for (const r of records) {
    const e = r.entry;
    if (e.kind === "forecast") {
      let q = byId.get(e.question);
      if (!q) {
        q = {
          question: e.question,
          text: e.text,
          kind: e.distribution ? "numeric" : "binary",
          forecasts: [],
          resolution: null,
        };
        byId.set(e.question, q);
      }
      q.forecasts.push(questionForecast(r.seq, e, superseded.has(r.seq)));
    }
  }
  for (const r of records) {
    const e = r.entry;
    if (e.kind !== "resolution" || superseded.has(r.seq)) continue;
    const q = byId.get(e.question);
    if (q) q.resolution = resolutionOf(r.seq, e);
  }
  return [...byId.values()];
}

function questionForecast(seq: number, e: ForecastEntry, superseded: boolean): QuestionForecast {
  return {
    seq,
    forecaster: e.forecaster,
    forecasterKind: e.forecasterKind,
    ...(e.calibration === undefined ? {} : { calibration: e.calibration }),
    ...(e.probability === undefined ? {} : { probability: e.probability }),
    ...(e.distribution ? { median: recordedMedian(e.distribution) } : {}),
    ...(e.note === undefined ? {} : { note: e.note }),
    date: e.date,
    created: e.created,
    superseded,
  };
}

function resolutionOf(seq: number, e: ResolutionEntry): NonNullable<LedgerQuestion["resolution"]> {
  return {
    seq,
    outcome: e.outcome,
    date: e.date,
    source: e.source,
    ...(e.note === undefined ? {} : { note: e.note }),
  };
}

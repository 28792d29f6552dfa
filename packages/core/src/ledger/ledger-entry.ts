/**
 * The forecast ledger's entries: forecasts (a probability for a yes/no question, or a predictive
 * distribution for a number) and resolutions (what happened). Entries are only ever appended; a
 * correction is a new entry that names the one it supersedes.
 * @module
 */

/** Who gave a forecast: a model (with its calibration), a source the scenario cites, or an analyst. */
export type ForecasterKind = "model" | "source" | "analyst";

export const FORECASTER_KINDS: readonly ForecasterKind[] = ["model", "source", "analyst"];

/**
 * A recorded predictive distribution of a number on [min, max]: its 99 percentiles (levels
 * 0.01 … 0.99), read as linear between them and out to the scale's ends, each of the 100
 * stretches holding 1 % (equal percentiles make an atom).
 */
export interface RecordedDistribution {
  min: number;
  max: number;
  percentiles: number[];
}

/** The scenario a forecast was made on. */
export interface ForecastScenario {
  id: string;
  /** The stored revision, when the scenario came from the store. */
  revision?: number;
  /** SHA-256 of the scenario's canonical JSON. */
  hash: string;
}

/** A forecast on one question by one forecaster. */
export interface ForecastEntry {
  kind: "forecast";
  /** The ledger's question id (`<scenario>/<question or issue>` when recorded from a scenario). */
  question: string;
  /** The question in words. */
  text: string;
  forecaster: string;
  forecasterKind: ForecasterKind;
  /** For a model: the calibration its probabilities used ("none" for input uncertainty only). */
  calibration?: string;
  /** P(yes) for a yes/no question. */
  probability?: number;
  /** For a numeric question (an issue's outcome): the predictive distribution. */
  distribution?: RecordedDistribution;
  /** The day the forecast speaks for (YYYY-MM-DD); forecasts dated after a resolution are not scored. */
  date: string;
  /** When it was written to the ledger (ISO 8601). */
  created: string;
  scenario?: ForecastScenario;
  seed?: number;
  samples?: number;
  note?: string;
  /** The sequence number of the entry this one corrects. */
  supersedes?: number;
}

/** What happened: yes/no, or the number an issue landed on. */
export interface ResolutionEntry {
  kind: "resolution";
  question: string;
  outcome: boolean | number;
  /** The day it was known (YYYY-MM-DD). */
  date: string;
  /** Where the outcome is documented. */
  source: string;
  note?: string;
  created: string;
  supersedes?: number;
}

export type LedgerEntry = ForecastEntry | ResolutionEntry;

/** An entry as stored: its place in the chain and the hashes that chain it. */
export interface LedgerRecord {
  /** 1, 2, 3, … in the order entries were appended. */
  seq: number;
  /** SHA-256 (hex) of the previous record (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 (hex) of this record: sequence number, previous hash and canonical entry. */
  hash: string;
  entry: LedgerEntry;
}

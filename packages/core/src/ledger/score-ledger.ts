import { brierScore } from "../scores/brier-score.ts";
import { type CalibrationBin, calibrationTable } from "../scores/calibration-table.ts";
import { crps } from "../scores/crps.ts";
import { logScore } from "../scores/log-score.ts";
import { murphyDecomposition } from "../scores/murphy-decomposition.ts";
import type {
  ForecastEntry,
  ForecasterKind,
  LedgerRecord,
  ResolutionEntry,
} from "./ledger-entry.ts";
import { supersededSeqs } from "./ledger-questions.ts";
import { recordedDistribution } from "./recorded-distribution.ts";

/** How {@link scoreLedger} groups forecasts. */
export type ScoreGrouping = "forecaster" | "model";

/** The reference forecaster that always says 50 %. */
export const FIFTY_FIFTY = "50%";

/** A reference as typed: "50 %", "50%" or " 50 % " is {@link FIFTY_FIFTY}; any other name as given. */
export function referenceName(typed: string): string {
  return /^\s*50\s*%\s*$/.test(typed) ? FIFTY_FIFTY : typed;
}

/** One group's scores. */
export interface ForecasterScore {
  /** The forecaster (by model: the model and its calibration). */
  forecaster: string;
  kind: ForecasterKind;
  /** Scores on resolved yes/no questions (null when it forecast none). */
  binary: {
    n: number;
    brier: number;
    reliability: number;
    resolution: number;
    uncertainty: number;
    /** Mean ln p of what happened (−∞ when it gave 0 to something that happened). */
    logScore: number;
    /** Brier skill score 1 − BS / BS(reference) on the questions both forecast. */
    skill: number | null;
    /** The reference's Brier score on the questions both forecast, and how many those are. */
    referenceBrier: number | null;
    shared: number;
    calibration: CalibrationBin[];
  } | null;
  /** Mean CRPS of its predictive distributions on resolved numeric questions. */
  numeric: { n: number; crps: number } | null;
}

/** Every group's scores ({@link scoreLedger}). */
export interface LedgerScores {
  by: ScoreGrouping;
  reference: string;
  questions: { total: number; resolved: number };
  groups: ForecasterScore[];
}

/**
 * Score a ledger. For each resolved question and each group, the group's standing forecast is
 * scored: of its forecasts that no later entry supersedes, that are dated on or before the
 * resolution and that were written before the question was first resolved, the one with the
 * latest date (the later entry on a tie). So hindsight never counts. Groups: by forecaster (a
 * model, a source or an analyst, by name), or by model (model forecasts only, per model and
 * calibration version). A `reference` that names no forecaster of the ledger is a RangeError.
 * Yes/no questions get the Brier score with Murphy's decomposition (bins = exact forecast
 * values, so the parts sum to the score), the log score, the Brier skill score against
 * `reference` (a forecaster's name, or {@link FIFTY_FIFTY}) and a 10-bin calibration table;
 * numeric ones the mean CRPS (Gneiting & Raftery 2007) of the recorded distributions.
 */
export function scoreLedger(
  records: readonly LedgerRecord[],
  options: { by?: ScoreGrouping; reference?: string } = {},
): LedgerScores {
  const { by = "forecaster", reference = FIFTY_FIFTY } = options;
  if (by !== "forecaster" && by !== "model") {
    throw new RangeError(`by: expected "forecaster" or "model", got ${JSON.stringify(by)}`);
  }
  if (
    reference !== FIFTY_FIFTY &&
    !records.some((r) => r.entry.kind === "forecast" && r.entry.forecaster === reference)
  ) {
    throw new RangeError(
      `reference: no forecaster ${JSON.stringify(reference)} in the ledger; give a forecaster's name or "50%"`,
    );
  }
  const superseded = supersededSeqs(records);
  const resolutions = new Map<string, ResolutionEntry>();
  // Where each question was first resolved: forecasts written after it are hindsight.
  const firstResolved = new Map<string, number>();
  const questions = new Set<string>();
  for (const r of records) {
    if (r.entry.kind === "resolution" && !firstResolved.has(r.entry.question)) {
      firstResolved.set(r.entry.question, r.seq);
    }
    if (superseded.has(r.seq)) continue;
    if (r.entry.kind === "resolution") resolutions.set(r.entry.question, r.entry);
    else questions.add(r.entry.question);
  }
  // The latest eligible forecast per (question, group), and per (question, forecaster) for the reference.
  const latest = new Map<string, Map<string, ForecastEntry>>();
  const latestByName = new Map<string, Map<string, ForecastEntry>>();
  const kinds = new Map<string, ForecasterKind>();
  for (const r of records) {
    const e = r.entry;
    if (e.kind !== "forecast" || superseded.has(r.seq)) continue;
    const resolution = resolutions.get(e.question);
    if (!resolution || e.date > resolution.date) continue;
    if (r.seq > (firstResolved.get(e.question) as number)) continue;
    put(latestByName, e.question, e.forecaster, e);
    if (by === "model" && e.forecasterKind !== "model") continue;
    const key = by === "model" ? `${e.forecaster} · ${e.calibration ?? "none"}` : e.forecaster;
    kinds.set(key, e.forecasterKind);
    put(latest, e.question, key, e);
  }
  const groups: ForecasterScore[] = [];
  for (const [key, kind] of kinds) {
    const p: number[] = [];
    const o: boolean[] = [];
    const ref: number[] = [];
    const mine: number[] = [];
    const refO: boolean[] = [];
    let crpsSum = 0;
    let crpsN = 0;
    for (const [question, forecasts] of latest) {
      const e = forecasts.get(key);
      const resolution = resolutions.get(question) as ResolutionEntry;
      if (!e) continue;
      if (e.probability !== undefined && typeof resolution.outcome === "boolean") {
        p.push(e.probability);
        o.push(resolution.outcome);
        const r =
          reference === FIFTY_FIFTY ? 0.5 : latestByName.get(question)?.get(reference)?.probability;
        if (r !== undefined) {
          ref.push(r);
          mine.push(e.probability);
          refO.push(resolution.outcome);
        }
      } else if (e.distribution && typeof resolution.outcome === "number") {
        crpsSum += crps(recordedDistribution(e.distribution), resolution.outcome);
        crpsN++;
      }
    }
    let binary: ForecasterScore["binary"] = null;
    if (p.length > 0) {
      const parts = murphyDecomposition(p, o);
      const referenceBrier = ref.length > 0 ? brierScore(ref, refO) : null;
      binary = {
        n: p.length,
        brier: brierScore(p, o),
        reliability: parts.reliability,
        resolution: parts.resolution,
        uncertainty: parts.uncertainty,
        logScore: logScore(p, o),
        skill:
          referenceBrier !== null && referenceBrier > 0
            ? 1 - brierScore(mine, refO) / referenceBrier
            : null,
        referenceBrier,
        shared: ref.length,
        calibration: calibrationTable(p, o),
      };
    }
    groups.push({
      forecaster: key,
      kind,
      binary,
      numeric: crpsN > 0 ? { n: crpsN, crps: crpsSum / crpsN } : null,
    });
  }
  groups.sort(
    (a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.forecaster.localeCompare(b.forecaster),
  );
  return {
    by,
    reference,
    questions: {
      total: questions.size,
      resolved: [...questions].filter((q) => resolutions.has(q)).length,
    },
    groups,
  };
}

function put(
  map: Map<string, Map<string, ForecastEntry>>,
  question: string,
  key: string,
  e: ForecastEntry,
) {
  let m = map.get(question);
  if (!m) {
    m = new Map();
    map.set(question, m);
  }
  // The latest date wins; records come in order, so on a tie the later entry does.
  const current = m.get(key);
  if (!current || e.date >= current.date) m.set(key, e);
}

function kindOrder(kind: ForecasterKind): number {
  return kind === "model" ? 0 : kind === "source" ? 1 : 2;
}

/** The nominal interval levels Entente reports. */
export const INTERVAL_LEVELS = ["50", "80", "95"] as const;
export type IntervalLevel = (typeof INTERVAL_LEVELS)[number];

/**
 * One model's error law, learned from decisions with known outcomes by
 * {@link fitModelCalibration}; {@link predictiveDistribution} turns it and a forecast into a
 * predictive distribution.
 */
export interface ModelCalibration {
  /** Decisions it was fitted on. */
  n: number;
  /**
   * `atoms[r]`: the share of those decisions whose outcome equalled the (r+1)-th nearest distinct
   * position held by an actor (nearest to the model's forecast first).
   */
  atoms: number[];
  /**
   * The other decisions' errors, (outcome − forecast) / spread of the positions
   * ({@link positionSpread}), ascending.
   */
  residuals: number[];
  /**
   * For each nominal level, the central level of the predictive distribution whose interval
   * covers that share of outcomes (leave-one-out conformal, {@link fitModelCalibration}).
   */
  levels: Record<IntervalLevel, number>;
}

/** A calibration file: per model id, its error law, with where it came from. */
export interface Calibration {
  /** Format version of the file. */
  version: 1;
  /** How it was fitted: method name, its settings, data, split and date. */
  provenance: CalibrationProvenance;
  models: Record<string, ModelCalibration>;
}

export interface CalibrationProvenance {
  method: string;
  /** Candidate positions per forecast (atoms). */
  atoms: number;
  /** Whether errors are scaled by the spread of positions. */
  scale: "spread" | "none";
  data: string;
  /** SHA-256 of the data file, hex. */
  dataSha256: string;
  capability: string;
  split: string;
  date: string;
  reference: string;
}

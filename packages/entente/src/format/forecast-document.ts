import type { ExchangeRecord, ForecastTable, OutcomeForecasts } from "@entente/core";

/** What `entente forecast` prints: point forecasts, and their calibrated outcome distributions. */
export interface ForecastDocument extends ForecastTable {
  /** The calibration behind the ranges, in one line, or null without one. */
  calibration: string | null;
  /** Whether phases were checked for agreement. */
  agreement: boolean;
  /** Outcome distributions and each phase's chance of agreement. */
  outcomes: OutcomeForecasts;
  /**
   * The trades the exchange model expects (one round, every actor at the table), when it ran:
   * the model's account of what each actor can offer another.
   */
  trades?: ExchangeRecord[];
}

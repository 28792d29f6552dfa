import type { Calibration } from "../calibration/model-calibration.ts";
import type { RunOptions } from "../models/model.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { RangeDistribution } from "./uncertain-inputs.ts";

/** What to simulate; plain data, so it can be sent to workers and other machines. */
export interface SimulationPlan {
  scenario: Scenario;
  samples: number;
  seed: number;
  models: string[];
  modelOptions?: Record<string, RunOptions>;
  distribution?: RangeDistribution;
  /** Histogram bins per issue (default 100). */
  bins?: number;
  /** Extra thresholds per issue id, besides the scale's marks. */
  thresholds?: Record<string, number[]>;
  /**
   * Also count, per sample, whether some package is preferred to no deal by both parties
   * (the deal space on `grid` points per issue, default 5; {@link scenarioDealSpace}).
   */
  deal?: { between: [string, string]; grid?: number };
  /**
   * The models' error laws learned from real outcomes (`Calibration`); each sample's outcome is
   * drawn from the calibrated predictive distribution around each model's forecast. Absent or
   * null: outcomes are the forecasts themselves (input uncertainty only).
   */
  calibration?: Calibration | null;
  /**
   * Check each phase for an agreement (default true): a phase settles on its forecast with the
   * probability of {@link agreementProbability}, else its issues stay where they stood.
   */
  agreement?: boolean;
}

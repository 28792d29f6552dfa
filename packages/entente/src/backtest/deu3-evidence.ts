/**
 * The shipped calibration's evidence: each model's accuracy and interval coverage on the DEU III
 * decisions held out of its fit (`entente backtest deu3 test/fixtures/deu3/deu3.csv`, equal
 * capability, odd split), kept with the tool so that a report can show it without the data.
 * `deu3-evidence.test.ts` recomputes it from the data and compares (UPDATE_GOLDEN=1 rewrites it).
 * @module
 */

import shipped from "./deu3-evidence.json" with { type: "json" };
import type { BacktestResult } from "./run-backtest.ts";

/** One model's held-out scores, rounded for reading. */
export interface ModelEvidence {
  model: string;
  label: string;
  /** Held-out decisions scored. */
  n: number;
  /** Mean and median absolute error of the point forecast (0–100 scale). */
  mae: number;
  medianAE: number;
  /** Share of outcomes inside the calibrated 50 / 80 / 95 % intervals. */
  coverage: { "50": number; "80": number; "95": number };
  /** Mean width of the 80 % interval. */
  width80: number;
  /** Continuous ranked probability score, and the one-quantile baseline's (lower is better). */
  crps: number;
  baselineCrps: number;
}

/** The evidence document: where the numbers come from, then one row per model. */
export interface Deu3Evidence {
  source: string;
  command: string;
  split: string;
  models: ModelEvidence[];
}

const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** The held-out scores of a backtest, rounded (errors to 0.01, shares to 0.001). */
export function deu3Evidence(result: BacktestResult): Deu3Evidence {
  return {
    source:
      "DEU III: Arregui & Perarnaud (2022), JEPP 29(1), doi:10.1080/13501763.2021.1991983; data doi:10.34810/data53, CC BY 4.0",
    command: "entente backtest deu3 test/fixtures/deu3/deu3.csv -f json (heldOut)",
    split: result.split,
    models: result.models.map((m) => ({
      model: m.model,
      label: m.label,
      n: m.heldOut.n,
      mae: r(m.heldOut.mae, 2),
      medianAE: r(m.heldOut.medianAE, 2),
      coverage: {
        "50": r(m.heldOut.coverage["50"], 3),
        "80": r(m.heldOut.coverage["80"], 3),
        "95": r(m.heldOut.coverage["95"], 3),
      },
      width80: r(m.heldOut.width["80"], 2),
      crps: r(m.heldOut.crps, 2),
      baselineCrps: r(m.baseline.heldOut.crps, 2),
    })),
  };
}

/** The evidence for the shipped calibration (`deu3-calibration.json`). */
export const DEU3_EVIDENCE: Deu3Evidence = shipped as Deu3Evidence;

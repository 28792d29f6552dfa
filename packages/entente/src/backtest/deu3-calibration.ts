import {
  type Calibration,
  type CalibrationMethod,
  type CalibrationRecord,
  DEFAULT_CALIBRATION_METHOD,
  fitModelCalibration,
  type Model,
} from "@entente/core";
import type { Deu3Capability } from "./deu3-capability.ts";
import type { Deu3File } from "./deu3-parse.ts";
import { deu3Records } from "./run-backtest.ts";

/** Where the data came from, for the calibration's provenance. */
export interface Deu3Source {
  /** The data file's name (no directory), and its SHA-256 in hex. */
  file: string;
  sha256: string;
}

/**
 * Fit every model's error law on DEU III's training half — the usable issues at even positions
 * in file order; the odd half stays held out for `entente backtest deu3` — and return a
 * calibration file with its provenance. Deterministic: the same data, models, method and date
 * give the same bytes (`JSON.stringify(…, null, 2)`).
 */
export function calibrateDeu3(
  table: Deu3File,
  models: readonly Model[],
  options: {
    source: Deu3Source;
    capability: Deu3Capability;
    method?: CalibrationMethod;
    date: string;
  },
): Calibration {
  const method = { ...DEFAULT_CALIBRATION_METHOD, ...options.method };
  const { records } = deu3Records(table, models, options.capability);
  const fitted: Calibration["models"] = {};
  for (const [m, model] of models.entries()) {
    const train = (records[m] ?? []).filter(
      (r, k): r is CalibrationRecord => r !== undefined && k % 2 === 0,
    );
    if (train.length >= 2) fitted[model.id] = fitModelCalibration(train, method);
  }
  return {
    version: 1,
    provenance: {
      method:
        "split-conformal predictive distribution: the outcome is one of the nearest held positions with the shares seen in training, otherwise the forecast plus an error scaled by the spread of positions, equally likely in each gap between consecutive training errors (uniform within it, the outer gaps reaching the scale's ends); interval levels by leave-one-out conformal calibration (docs/calibration.md)",
      atoms: method.atoms,
      scale: method.scale,
      data: options.source.file,
      dataSha256: options.source.sha256,
      capability: options.capability,
      split:
        "training = usable issues (an outcome and at least 3 actors) at even positions in file order (0-based); odd positions held out",
      date: options.date,
      reference:
        "DEU III: Arregui & Perarnaud (2022), JEPP 29(1), doi:10.1080/13501763.2021.1991983; data doi:10.34810/data53, CC BY 4.0",
    },
    models: fitted,
  };
}

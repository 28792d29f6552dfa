import file from "./deu3-calibration.json" with { type: "json" };
import type { Calibration } from "./model-calibration.ts";

/**
 * The shipped calibration: every model's error law fitted on DEU III's training half by
 * `entente calibrate deu3 test/fixtures/deu3/deu3.csv` (provenance inside; a test refits it and
 * compares bytes). `forecast`, `simulate`, the API and the workbench use it by default.
 */
export const DEU3_CALIBRATION = file as Calibration;

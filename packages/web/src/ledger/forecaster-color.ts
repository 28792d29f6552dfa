import { modelColor } from "@entente/charts";
import type { ForecasterKind } from "@entente/core";

/** Colours for sources and analysts: darker tones, apart from the models' Tableau 10. */
const OTHERS = ["#3b3b3b", "#8c564b", "#17becf", "#7f7f00", "#9467bd", "#d62728", "#2ca02c"];

/**
 * The model a forecaster name stands for: the name itself, or the part before " · " when scores
 * are grouped by model and calibration ("eum · deu3-v1" → "eum").
 */
export function forecasterModel(name: string): string {
  return name.split(" · ")[0] ?? name;
}

/**
 * The colour of a forecaster in every ledger chart: a model keeps its colour from
 * model-colors.ts; a source or an analyst takes the next of a separate set of darker tones, by
 * its place in `others` (the names of the non-model forecasters on screen).
 * @example
 * forecasterColor("compromise", "model"); // => "#4e79a7"
 * forecasterColor("seed-003", "source", ["seed-001", "seed-003"]); // => "#8c564b"
 */
export function forecasterColor(
  name: string,
  kind: ForecasterKind,
  others: readonly string[] = [],
): string {
  if (kind === "model") return modelColor(forecasterModel(name));
  const j = Math.max(0, others.indexOf(name));
  return OTHERS[j % OTHERS.length] as string;
}

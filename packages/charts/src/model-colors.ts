import { models } from "@entente/core";

/**
 * Tableau 10 (colour-blind aware), then the lighter halves of Tableau 20's pairs: a model takes
 * the colour at its place in the registry, so twenty models have twenty colours.
 */
const PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#b07aa1",
  "#e15759",
  "#76b7b2",
  "#9c755f",
  "#edc948",
  "#ff9da7",
  "#bab0ac",
  "#a0cbe8",
  "#ffbe7d",
  "#8cd17d",
  "#d4a6c8",
  "#f1ce63",
  "#86bcb6",
  "#d37295",
  "#fabfd2",
  "#b6992d",
  "#499894",
];

/** The colour of anything that is not a registered model. */
export const UNKNOWN_MODEL_COLOR = "#999";

/**
 * The colour of a model, shared by every chart and table: the palette colour at the model's
 * place in the registry (`models` of @entente/core), so that a newly registered model gets the
 * next free colour. An id the registry does not hold is drawn in {@link UNKNOWN_MODEL_COLOR}.
 */
export function modelColor(id: string): string {
  const k = models.findIndex((m) => m.id === id);
  return k < 0 ? UNKNOWN_MODEL_COLOR : (PALETTE[k % PALETTE.length] as string);
}

/** The colour of the status quo. */
export const STATUS_QUO_COLOR = "#555";

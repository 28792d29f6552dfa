/** A fixed colour per model id, shared by every chart and table (Tableau 10, colour-blind aware). */
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
];

const KNOWN = [
  "compromise",
  "weighted-median",
  "nash",
  "kalai-smorodinsky",
  "eum",
  "smp",
  "pce",
  "exchange",
];

/** The colour of a model: known models keep theirs; others take the next free ones. */
export function modelColor(id: string, order: readonly string[] = KNOWN): string {
  const k = KNOWN.indexOf(id);
  if (k >= 0) return PALETTE[k] as string;
  const j = order.indexOf(id);
  return PALETTE[(KNOWN.length + Math.max(0, j)) % PALETTE.length] as string;
}

/** The colour of the status quo. */
export const STATUS_QUO_COLOR = "#555";

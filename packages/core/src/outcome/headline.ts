import type { Issue } from "../scenario/schema.ts";

/** What a headline needs of an issue's outcome (from a forecast or a simulation). */
export interface HeadlineInput {
  /** Probability of each named outcome (band around each labelled point). */
  bands: ReadonlyArray<{ at: number; probability: number }>;
  median: number;
  interval80: readonly [number, number];
  /** Probability that the status quo holds; omitted when agreement is not checked. */
  statusQuoHolds?: number | undefined;
}

/**
 * One plain line an analyst can quote, built from the scale's labels: the most likely named
 * outcome (the mark or scale end whose band is likeliest — or, on a scale without marks, the
 * median), the 80 % range, and the chance that no agreement changes the issue — e.g.
 * "Most likely: Talks open without a prior ceasefire (47 %; 80 %: 38–66); no agreement, status
 * quo holds: 12 %". The status-quo part is left out for an issue without a status quo.
 */
export function issueHeadline(issue: Issue, input: HeadlineInput, decimals = 0): string {
  const marks = issue.scale.marks ?? [];
  const [lo, hi] = input.interval80;
  const unit = issue.scale.unit ? ` ${issue.scale.unit}` : "";
  const range = `80 %: ${lo.toFixed(decimals)}–${hi.toFixed(decimals)}${unit}`;
  let first: string;
  if (marks.length === 0) {
    // Two bands (the halves) say too little: name the value instead.
    first = `Most likely around ${input.median.toFixed(decimals)}${unit} (${range})`;
  } else {
    let best = input.bands[0];
    for (const b of input.bands) if (!best || b.probability > best.probability) best = b;
    const label = best ? pointLabel(issue, best.at) : "—";
    first = `Most likely: ${label} (${percent(best?.probability ?? Number.NaN)}; ${range})`;
  }
  const parts = [first];
  if (input.statusQuoHolds !== undefined && issue.statusQuo !== undefined) {
    parts.push(`no agreement, status quo holds: ${percent(input.statusQuoHolds)}`);
  }
  return parts.join("; ");
}

/** The label of a labelled point of an issue's scale: an end's label, or the mark's. */
export function pointLabel(issue: Pick<Issue, "scale">, at: number): string {
  const { min = 0, max = 100, marks = [] } = issue.scale;
  if (at === min) return issue.scale.minLabel;
  if (at === max) return issue.scale.maxLabel;
  return marks.find((m) => m.at === at)?.label ?? String(at);
}

/** A probability for reading: never "0 %" or "100 %" unless it is exactly that. */
export function percent(p: number): string {
  if (!Number.isFinite(p)) return "—";
  if (p === 0) return "0 %";
  if (p === 1) return "100 %";
  if (p < 0.001) return "< 0.1 %";
  if (p > 0.999) return "> 99.9 %";
  return `${(p * 100).toFixed(p < 0.1 || p > 0.9 ? 1 : 0)} %`;
}

/** The labelled points bands are centred on: the scale's ends and the marks between them. */
export function bandCentres(min: number, max: number, marks: readonly number[]): number[] {
  return [...new Set([min, ...marks.filter((t) => t > min && t < max), max])].sort((a, b) => a - b);
}

/** The boundaries between the bands around the labelled points: the midpoints between them. */
export function bandBoundaries(min: number, max: number, marks: readonly number[]): number[] {
  const centres = bandCentres(min, max, marks);
  return centres.slice(1).map((x, i) => ((centres[i] as number) + x) / 2);
}

/** A named outcome: the stretch of the scale nearest one labelled point, and its probability. */
export interface OutcomeBand {
  /** The labelled point (a scale end or a mark). */
  at: number;
  from: number;
  to: number;
  probability: number;
}

/**
 * The named outcomes of a scale ({@link bandCentres}, split at {@link bandBoundaries}) with their
 * probabilities, from `midAbove(b, j)` = P(X > b) + ½·P(X = b) at boundary j: an outcome exactly
 * on a boundary is as near one label as the other and counts half for each.
 */
export function bandProbabilities(
  min: number,
  max: number,
  marks: readonly number[],
  midAbove: (boundary: number, j: number) => number,
): OutcomeBand[] {
  const centres = bandCentres(min, max, marks);
  const boundaries = bandBoundaries(min, max, marks);
  const above = boundaries.map((b, j) => midAbove(b, j));
  return centres.map((at, j) => {
    const lower = j === 0 ? 1 : (above[j - 1] as number);
    const upper = j === centres.length - 1 ? 0 : (above[j] as number);
    return {
      at,
      from: j === 0 ? min : (boundaries[j - 1] as number),
      to: j === centres.length - 1 ? max : (boundaries[j] as number),
      probability: Math.max(0, lower - upper),
    };
  });
}

/**
 * The points at which each issue's outcome probabilities are summed: its marks and thresholds,
 * and the boundaries of the bands around each labelled point (the scale's ends and its marks):
 * the midpoints between consecutive labelled points.
 */
export function outcomePoints(
  min: number,
  max: number,
  marks: readonly number[],
  thresholds: readonly number[],
): number[] {
  const labelled = bandCentres(min, max, marks);
  const mids = labelled.slice(1).map((x, i) => ((labelled[i] as number) + x) / 2);
  return [...new Set([...marks, ...thresholds, ...mids])].sort((a, b) => a - b);
}

/** The labelled points bands are centred on: the scale's ends and the marks between them. */
export function bandCentres(min: number, max: number, marks: readonly number[]): number[] {
  return [...new Set([min, ...marks.filter((t) => t > min && t < max), max])].sort((a, b) => a - b);
}

/** The boundaries between the bands around the labelled points: the midpoints between them. */
export function bandBoundaries(min: number, max: number, marks: readonly number[]): number[] {
  const centres = bandCentres(min, max, marks);
  return centres.slice(1).map((x, i) => ((centres[i] as number) + x) / 2);
}

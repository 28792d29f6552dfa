/**
 * What every bargaining-solution function in `deals/` returns, and the individual-rationality
 * test they share.
 *
 * Solutions are computed on a list of candidate utility vectors — usually the Pareto frontier
 * ({@link Frontier}), given as one `Float64Array` per party aligned by candidate. Ties go to the
 * first candidate in list order (for a frontier: the highest utility for party 0).
 * @module
 */

/** A chosen candidate: its position in the candidate list, its utilities and the score. */
export interface SolutionPoint {
  /** Position in the candidate list (for a {@link Frontier}: index into `outcomes`). */
  at: number;
  /** Each party's utility of the chosen candidate. */
  utilities: number[];
  /** The value of the objective the solution optimises (e.g. the Nash product). */
  score: number;
}

/**
 * True when candidate `j` is individually rational: every party's utility strictly above its
 * reservation value (the deal beats no deal for everyone).
 */
export function isRational(
  points: readonly Float64Array[],
  j: number,
  reservations: ArrayLike<number>,
): boolean {
  for (let p = 0; p < points.length; p++) {
    if (!(((points[p] as Float64Array)[j] as number) > (reservations[p] as number))) return false;
  }
  return true;
}

/** Number of candidates in the list (the common length of the per-party arrays). */
export function candidateCount(points: readonly Float64Array[]): number {
  const m = points[0]?.length ?? 0;
  for (const u of points) {
    if (u.length !== m)
      throw new RangeError(`candidates: utility arrays of lengths ${m} and ${u.length}`);
  }
  return m;
}

/** Utilities of candidate `j` as a plain array. */
export function utilitiesAt(points: readonly Float64Array[], j: number): number[] {
  return points.map((u) => u[j] as number);
}

/** Count the candidates that are individually rational ({@link isRational}). */
export function countRational(
  points: readonly Float64Array[],
  reservations: ArrayLike<number>,
): number {
  const m = candidateCount(points);
  let c = 0;
  for (let j = 0; j < m; j++) if (isRational(points, j, reservations)) c++;
  return c;
}

/**
 * The individually rational candidate with the highest `score` (first on ties), or `undefined`
 * when no candidate is strictly above every reservation value. Shared by the Nash and
 * egalitarian points, which differ only in what they maximise.
 */
export function bestRationalPoint(
  points: readonly Float64Array[],
  reservations: ArrayLike<number>,
  score: (gains: (p: number) => number) => number,
): SolutionPoint | undefined {
  const m = candidateCount(points);
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < m; j++) {
    if (!isRational(points, j, reservations)) continue;
    const s = score(
      (p) => ((points[p] as Float64Array)[j] as number) - (reservations[p] as number),
    );
    if (s > bestScore) {
      bestScore = s;
      best = j;
    }
  }
  return best < 0
    ? undefined
    : { at: best, utilities: utilitiesAt(points, best), score: bestScore };
}

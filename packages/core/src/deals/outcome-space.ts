/**
 * Multi-issue outcome spaces: every package (outcome) picks one option per issue, and is
 * encoded as one integer in mixed radix — issue 0 is the most significant digit, the last issue
 * the least — so a whole space fits in typed arrays indexed by outcome.
 *
 * Continuous issues of a scenario are discretised on a grid the caller controls ({@link
 * gridValues}: `points` evenly spaced values, or explicit values). Categorical issues (Genius
 * domains) have labels only.
 *
 * Sources: Raiffa, *The Art and Science of Negotiation* (1982), ch. 11–13 (packages over several
 * issues); the enumeration order is Genius's and negmas's Cartesian order
 * (`docs/research/deal-space.md` §3.1, §4).
 * @module
 */

/** Where an issue stands when nothing is agreed: an option, or a point on a numeric scale. */
export type IssueStatusQuo = { option: number } | { value: number };

/** One issue of an outcome space: its options, and for numeric issues their values and scale. */
export interface DealIssue {
  /** Identifier (a scenario issue id, or a Genius issue name). */
  id: string;
  /** Human-readable name. */
  title: string;
  /** One label per option, in option order. */
  labels: readonly string[];
  /** Numeric value of each option on the issue's scale; `undefined` for categorical issues. */
  values: Float64Array | undefined;
  /** Scale bounds of a numeric issue (value functions measure distances on it). */
  scale: { min: number; max: number } | undefined;
  /** Where the issue stands with no agreement, when known. */
  statusQuo: IssueStatusQuo | undefined;
}

/** A Cartesian product of issues with mixed-radix outcome indices. */
export interface OutcomeSpace {
  issues: readonly DealIssue[];
  /** Options per issue. */
  radices: Int32Array;
  /** Place value of each issue's digit: `index = Σ option[k] · strides[k]`. */
  strides: Float64Array;
  /** Number of outcomes, `Π radices` (may exceed what can be enumerated). */
  size: number;
}

/**
 * `points` evenly spaced values from `min` to `max` inclusive; value `j` is computed as
 * `min + (max − min) · j / (points − 1)` so both ends are exact. Throws RangeError for fewer than
 * two points or a non-finite or empty range.
 */
export function gridValues(min: number, max: number, points: number): Float64Array {
  if (!Number.isInteger(points) || points < 2) {
    throw new RangeError(`grid: expected at least 2 points per issue, got ${points}`);
  }
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min)) {
    throw new RangeError(`grid: expected a finite scale with min < max, got ${min}–${max}`);
  }
  const out = new Float64Array(points);
  for (let j = 0; j < points; j++) out[j] = min + ((max - min) * j) / (points - 1);
  out[points - 1] = max;
  return out;
}

/**
 * A numeric issue discretised on a grid: `grid` is a number of evenly spaced points
 * ({@link gridValues}) or explicit values (sorted ascending, duplicates dropped, each within the
 * scale). With `statusQuoOnGrid` (default true) a status quo that falls between grid points is
 * added as an option, so the no-deal package is itself in the space. Labels are the values
 * (`String(value)`); callers label them with the scale's end labels.
 */
export function gridIssue(spec: {
  id: string;
  title?: string;
  min: number;
  max: number;
  grid: number | ArrayLike<number>;
  statusQuo?: number | undefined;
  statusQuoOnGrid?: boolean;
}): DealIssue {
  const { id, min, max } = spec;
  let values: number[];
  if (typeof spec.grid === "number") values = Array.from(gridValues(min, max, spec.grid));
  else {
    values = Array.from(spec.grid);
    if (values.length === 0) throw new RangeError(`issue "${id}": expected grid values, got none`);
    for (const v of values) {
      if (!Number.isFinite(v) || v < min || v > max) {
        throw new RangeError(`issue "${id}": grid value ${v} is outside the scale ${min}–${max}`);
      }
    }
  }
  const sq = spec.statusQuo;
  if (sq !== undefined) {
    if (!Number.isFinite(sq) || sq < min || sq > max) {
      throw new RangeError(`issue "${id}": status quo ${sq} is outside the scale ${min}–${max}`);
    }
    if ((spec.statusQuoOnGrid ?? true) && !values.includes(sq)) values.push(sq);
  }
  values = [...new Set(values)].sort((a, b) => a - b);
  return {
    id,
    title: spec.title ?? id,
    labels: values.map(String),
    values: Float64Array.from(values),
    scale: { min, max },
    statusQuo: sq === undefined ? undefined : { value: sq },
  };
}

/** A categorical issue: named options, optionally the index of the status-quo option. */
export function categoricalIssue(spec: {
  id: string;
  title?: string;
  labels: readonly string[];
  statusQuo?: number | undefined;
}): DealIssue {
  if (spec.labels.length === 0) {
    throw new RangeError(`issue "${spec.id}": expected at least one option, got none`);
  }
  const sq = spec.statusQuo;
  if (sq !== undefined && !(Number.isInteger(sq) && sq >= 0 && sq < spec.labels.length)) {
    throw new RangeError(
      `issue "${spec.id}": status-quo option ${sq} is not one of 0–${spec.labels.length - 1}`,
    );
  }
  return {
    id: spec.id,
    title: spec.title ?? spec.id,
    labels: [...spec.labels],
    values: undefined,
    scale: undefined,
    statusQuo: sq === undefined ? undefined : { option: sq },
  };
}

/** The outcome space of the given issues (at least one; each with at least one option). */
export function outcomeSpace(issues: readonly DealIssue[]): OutcomeSpace {
  if (issues.length === 0) throw new RangeError("outcome space: expected at least one issue");
  const k = issues.length;
  const radices = new Int32Array(k);
  const strides = new Float64Array(k);
  let size = 1;
  for (let i = k - 1; i >= 0; i--) {
    const issue = issues[i] as DealIssue;
    const r = issue.labels.length;
    if (r === 0) throw new RangeError(`issue "${issue.id}" has no options`);
    if (issue.values !== undefined && issue.values.length !== r) {
      throw new RangeError(`issue "${issue.id}": ${issue.values.length} values for ${r} labels`);
    }
    radices[i] = r;
    strides[i] = size;
    size *= r;
  }
  return { issues, radices, strides, size };
}

/** Outcome index of a choice of one option per issue. Throws RangeError for a bad choice. */
export function encodeOutcome(space: OutcomeSpace, options: ArrayLike<number>): number {
  const k = space.radices.length;
  if (options.length !== k) {
    throw new RangeError(`outcome: expected ${k} options (one per issue), got ${options.length}`);
  }
  let index = 0;
  for (let i = 0; i < k; i++) {
    const o = options[i] as number;
    const r = space.radices[i] as number;
    if (!Number.isInteger(o) || o < 0 || o >= r) {
      throw new RangeError(
        `outcome: option ${o} of issue "${space.issues[i]?.id}" is not 0–${r - 1}`,
      );
    }
    index = index * r + o;
  }
  return index;
}

/** The option chosen on each issue by outcome `index` (written into `out` when given). */
export function decodeOutcome(
  space: OutcomeSpace,
  index: number,
  out: Int32Array = new Int32Array(space.radices.length),
): Int32Array {
  let rest = index;
  for (let i = space.radices.length - 1; i >= 0; i--) {
    const r = space.radices[i] as number;
    out[i] = rest % r;
    rest = Math.floor(rest / r);
  }
  return out;
}

/** One issue's part of a package, ready for display: ids, option index, label and value. */
export interface OutcomePart {
  issue: string;
  option: number;
  label: string;
  /** The option's value on a numeric issue's scale (undefined for categorical issues). */
  value: number | undefined;
}

/** An outcome spelt out issue by issue. */
export function describeOutcome(space: OutcomeSpace, index: number): OutcomePart[] {
  const options = decodeOutcome(space, index);
  return space.issues.map((issue, k) => {
    const option = options[k] as number;
    return {
      issue: issue.id,
      option,
      label: issue.labels[option] as string,
      value: issue.values?.[option],
    };
  });
}

/**
 * The status-quo option of each issue (`-1` where the issue has none, or where a numeric status
 * quo is not one of the options).
 */
export function statusQuoOptions(space: OutcomeSpace): Int32Array {
  return Int32Array.from(space.issues, (issue) => {
    const sq = issue.statusQuo;
    if (sq === undefined) return -1;
    if ("option" in sq) return sq.option;
    return issue.values ? issue.values.indexOf(sq.value) : -1;
  });
}

/** Index of the status-quo package, or `undefined` when some issue has no status-quo option. */
export function statusQuoOutcome(space: OutcomeSpace): number | undefined {
  const options = statusQuoOptions(space);
  return options.includes(-1) ? undefined : encodeOutcome(space, options);
}

import { type Predictive, predictiveAtLeast } from "../calibration/predictive-distribution.ts";
import type { CompiledQuestion } from "./compile-question.ts";

/** A step that decided an issue in one sample: its phase (−1: no phase), forecast and law. */
export interface DecidedStep {
  phase: number;
  forecast: number;
  predictive: Predictive | undefined;
}

/**
 * The probability that a question's predicate holds, given one sample's inputs: exact over the
 * agreements of the phases involved (independent, phase p agreeing with probability `agree[p]`;
 * the no-phase step always stands) and over each issue's predictive distribution (independent
 * across issues); an issue's outcome is the forecast of the last step that agreed, else its
 * status quo. Rao–Blackwellised: averaging it over samples estimates the probability with less
 * noise than counting, and never gives 0 or 1 unless every outcome the laws allow decides it.
 */
export function questionProbability(
  q: CompiledQuestion,
  stepsOf: ReadonlyArray<readonly DecidedStep[]>,
  statusQuo: ArrayLike<number>,
  agree: ArrayLike<number>,
): number {
  const issues = q.issues.length;
  // Group probabilities per read issue and component (its steps in order, then the status quo),
  // laid out issue by issue: offset[n] + c·groups[n] + g.
  let size = 0;
  for (let n = 0; n < issues; n++) {
    size += ((stepsOf[q.issues[n] as number]?.length ?? 0) + 1) * (q.groups[n] as number);
  }
  const probs = scratch(size);
  if (ints.offset.length < issues) ints.offset = new Int32Array(2 * issues);
  const offset = ints.offset;
  let at = 0;
  for (let n = 0; n < issues; n++) {
    offset[n] = at;
    const k = q.issues[n] as number;
    const steps = stepsOf[k] ?? [];
    const g = q.groups[n] as number;
    for (let c = 0; c <= steps.length; c++) {
      const s = steps[c];
      regionGroups(
        q.cuts[n] as Float64Array,
        q.groupOf[n] as Int32Array,
        s ? s.forecast : (statusQuo[k] as number),
        s?.predictive,
        probs,
        at,
      );
      at += g;
    }
  }
  if (issues === 1 && q.phases.length === 0) {
    // One issue, no agreement named: a mixture over which step is the last to agree.
    const steps = stepsOf[q.issues[0] as number] ?? [];
    const g = q.groups[0] as number;
    let later = 1;
    let total = 0;
    for (let c = steps.length - 1; c >= 0; c--) {
      const step = steps[c] as DecidedStep;
      const a = step.phase < 0 ? 1 : (agree[step.phase] as number);
      total += a * later * truthSum(q, 0, probs, c * g, g);
      later *= 1 - a;
    }
    total += later * truthSum(q, 0, probs, steps.length * g, g);
    return clamp01(total);
  }
  // Phases whose agreement matters: those named, then those deciding a read issue.
  const phases = [...q.phases];
  for (const k of q.issues) {
    for (const s of stepsOf[k] ?? [])
      if (s.phase >= 0 && !phases.includes(s.phase)) phases.push(s.phase);
  }
  const flagsSpan = 1 << q.phases.length;
  if (ints.component.length < issues) {
    ints.component = new Int32Array(2 * issues);
    ints.group = new Int32Array(2 * issues);
  }
  const component = ints.component;
  let total = 0;
  for (let pattern = 0; pattern < 1 << phases.length; pattern++) {
    let weight = 1;
    for (let f = 0; f < phases.length; f++) {
      const a = agree[phases[f] as number] as number;
      weight *= (pattern >> f) & 1 ? a : 1 - a;
    }
    if (!(weight > 0)) continue;
    // The step deciding each read issue under this pattern: the last whose phase agreed.
    for (let n = 0; n < issues; n++) {
      const steps = stepsOf[q.issues[n] as number] ?? [];
      let c = steps.length; // the status quo
      for (let j = steps.length - 1; j >= 0; j--) {
        const phase = (steps[j] as DecidedStep).phase;
        if (phase < 0 || (pattern >> phases.indexOf(phase)) & 1) {
          c = j;
          break;
        }
      }
      component[n] = (offset[n] as number) + c * (q.groups[n] as number);
    }
    total += weight * tableSum(q, pattern & (flagsSpan - 1), flagsSpan, probs, component, issues);
  }
  return clamp01(total);
}

/** Σ over groups g of one issue's component where the predicate holds (no agreement named). */
function truthSum(q: CompiledQuestion, flags: number, probs: Float64Array, at: number, g: number) {
  let sum = 0;
  for (let x = 0; x < g; x++) if (q.truth[flags + x]) sum += probs[at + x] as number;
  return sum;
}

/**
 * Σ over combinations of one group per read issue where the predicate holds of the product of
 * their probabilities (`component[n]`: where issue n's group probabilities start in `probs`).
 */
function tableSum(
  q: CompiledQuestion,
  flags: number,
  flagsSpan: number,
  probs: Float64Array,
  component: Int32Array,
  n: number,
): number {
  const group = ints.group;
  group.fill(0, 0, n);
  let sum = 0;
  for (;;) {
    let index = 0;
    let stride = 1;
    let p = 1;
    for (let i = 0; i < n; i++) {
      const x = group[i] as number;
      index += x * stride;
      stride *= q.groups[i] as number;
      p *= probs[(component[i] as number) + x] as number;
    }
    if (p > 0 && q.truth[flags + flagsSpan * index]) sum += p;
    // Odometer over the groups.
    let i = 0;
    while (i < n) {
      const next = (group[i] as number) + 1;
      if (next < (q.groups[i] as number)) {
        group[i] = next;
        break;
      }
      group[i] = 0;
      i++;
    }
    if (i === n) return sum;
  }
}

/**
 * Probability of each group of regions (−∞,c₁), {c₁}, (c₁,c₂), …, (cₘ,∞) for one component,
 * added into `out` from `at`.
 */
function regionGroups(
  cuts: Float64Array,
  of: Int32Array,
  forecast: number,
  predictive: Predictive | undefined,
  out: Float64Array,
  at: number,
): void {
  let above = 1; // P(x > previous cut), or 1 before the first
  for (let i = 0; i < cuts.length; i++) {
    const c = cuts[i] as number;
    const geq = predictive ? predictiveAtLeast(predictive, c, false) : forecast >= c ? 1 : 0;
    const gt = predictive ? predictiveAtLeast(predictive, c, true) : forecast > c ? 1 : 0;
    add(out, at + (of[2 * i] as number), Math.max(0, above - geq)); // (previous cut, c)
    add(out, at + (of[2 * i + 1] as number), Math.max(0, geq - gt)); // {c}
    above = gt;
  }
  add(out, at + (of[2 * cuts.length] as number), above);
}

function add(a: Float64Array, i: number, x: number): void {
  a[i] = (a[i] as number) + x;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

let buffer = new Float64Array(64);
/** Scratch index arrays, grown on demand (not re-entrant). */
const ints = {
  offset: new Int32Array(8),
  component: new Int32Array(8),
  group: new Int32Array(8),
};

/** A zeroed scratch buffer of at least `size` (reused across calls; not re-entrant). */
function scratch(size: number): Float64Array {
  if (buffer.length < size) buffer = new Float64Array(2 * size);
  buffer.fill(0, 0, size);
  return buffer;
}

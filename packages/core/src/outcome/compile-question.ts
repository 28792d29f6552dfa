import type { Predicate } from "../scenario/schema.ts";

/** A question's predicate compiled to a truth table over what the outcome can be. */
export interface CompiledQuestion {
  id: string;
  /** Issue indices the predicate reads. */
  issues: number[];
  /** Per issue read: its cut points, ascending; regions are (−∞,c₁), {c₁}, (c₁,c₂), …, (cₘ,∞). */
  cuts: Float64Array[];
  /** Per issue read: the group (distinct truth of its conditions) of each of the 2m+1 regions. */
  groupOf: Int32Array[];
  /** Per issue read: number of groups. */
  groups: number[];
  /** Phase indices of the predicate's `agreement` conditions. */
  phases: number[];
  /**
   * Truth of the predicate for each combination: index = flags (bit f = phase `phases[f]`
   * agreed) + 2^|phases| × (group of issue 0 + groups₀ × (group of issue 1 + …)).
   */
  truth: Uint8Array;
}

/** Largest truth table a question may need (combinations of agreements and issue groups). */
export const MAX_QUESTION_COMBINATIONS = 1 << 16;

/**
 * Compile a predicate (issue and phase ids resolved to indices by `issueIndex` and
 * `phaseIndex`). Each issue's conditions split its scale into regions between their cut points;
 * regions where every condition reads the same fall into one group, so the predicate becomes a
 * table over (agreements × one group per issue). Throws RangeError for an unknown id or a
 * predicate too large to tabulate.
 */
export function compileQuestion(
  id: string,
  predicate: Predicate,
  issueIndex: ReadonlyMap<string, number>,
  phaseIndex: ReadonlyMap<string, number>,
): CompiledQuestion {
  const conditions = new Map<number, Array<{ atLeast?: number; atMost?: number }>>();
  const phaseSet: number[] = [];
  const walk = (p: Predicate) => {
    if ("issue" in p) {
      const k = issueIndex.get(p.issue);
      if (k === undefined) throw new RangeError(`question "${id}": unknown issue "${p.issue}"`);
      const list = conditions.get(k) ?? [];
      list.push({
        ...(p.atLeast !== undefined ? { atLeast: p.atLeast } : {}),
        ...(p.atMost !== undefined ? { atMost: p.atMost } : {}),
      });
      conditions.set(k, list);
    } else if ("agreement" in p) {
      const f = phaseIndex.get(p.agreement);
      if (f === undefined) {
        throw new RangeError(`question "${id}": unknown phase "${p.agreement}"`);
      }
      if (!phaseSet.includes(f)) phaseSet.push(f);
    } else if ("all" in p) p.all.forEach(walk);
    else if ("any" in p) p.any.forEach(walk);
    else walk(p.not);
  };
  walk(predicate);
  const issues = [...conditions.keys()].sort((a, b) => a - b);
  const cuts: Float64Array[] = [];
  const groupOf: Int32Array[] = [];
  const groups: number[] = [];
  // Per issue and group: the truth of each of its conditions (in walk order).
  const groupTruth: boolean[][][] = [];
  for (const k of issues) {
    const list = conditions.get(k) as Array<{ atLeast?: number; atMost?: number }>;
    const c = [
      ...new Set(list.flatMap((x) => [x.atLeast, x.atMost].filter((v) => v !== undefined))),
    ].sort((a, b) => a - b);
    const at = (x: number) =>
      list.map(
        (cond) =>
          (cond.atLeast === undefined || x >= cond.atLeast) &&
          (cond.atMost === undefined || x <= cond.atMost),
      );
    const representatives: number[] = [];
    for (let i = 0; i < c.length; i++) {
      const here = c[i] as number;
      const below = i === 0 ? here - 1 : ((c[i - 1] as number) + here) / 2;
      representatives.push(below, here);
    }
    representatives.push(c.length > 0 ? (c[c.length - 1] as number) + 1 : 0);
    const seen = new Map<string, number>();
    const truths: boolean[][] = [];
    const of = Int32Array.from(representatives, (x) => {
      const t = at(x);
      const key = t.map(Number).join("");
      let g = seen.get(key);
      if (g === undefined) {
        g = truths.length;
        seen.set(key, g);
        truths.push(t);
      }
      return g;
    });
    cuts.push(Float64Array.from(c));
    groupOf.push(of);
    groups.push(truths.length);
    groupTruth.push(truths);
  }
  let size = 1 << phaseSet.length;
  for (const g of groups) size *= g;
  if (size > MAX_QUESTION_COMBINATIONS) {
    throw new RangeError(
      `question "${id}": its conditions combine into ${size} cases; at most ${MAX_QUESTION_COMBINATIONS} are allowed (use fewer issues, thresholds or agreements)`,
    );
  }
  const truth = new Uint8Array(size);
  const slot = new Map(issues.map((k, n) => [k, n]));
  for (let index = 0; index < size; index++) {
    const flags = index % (1 << phaseSet.length);
    let rest = Math.floor(index / (1 << phaseSet.length));
    const group = groups.map((g) => {
      const x = rest % g;
      rest = Math.floor(rest / g);
      return x;
    });
    // Conditions are consumed in walk order, per issue, by a second walk.
    const used = new Map<number, number>();
    const evaluate = (p: Predicate): boolean => {
      if ("issue" in p) {
        const k = issueIndex.get(p.issue) as number;
        const n = slot.get(k) as number;
        const c = used.get(k) ?? 0;
        used.set(k, c + 1);
        return (groupTruth[n] as boolean[][])[group[n] as number]?.[c] as boolean;
      }
      if ("agreement" in p) {
        return ((flags >> phaseSet.indexOf(phaseIndex.get(p.agreement) as number)) & 1) === 1;
      }
      // Evaluate every child (no short-circuit), so each condition is consumed in order.
      if ("all" in p) return p.all.map(evaluate).every(Boolean);
      if ("any" in p) return p.any.map(evaluate).some(Boolean);
      return !evaluate(p.not);
    };
    truth[index] = evaluate(predicate) ? 1 : 0;
  }
  return { id, issues, cuts, groupOf, groups, phases: phaseSet, truth };
}

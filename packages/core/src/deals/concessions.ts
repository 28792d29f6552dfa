/**
 * "What can A offer B": starting from a package (the status quo by default), the single-issue
 * concessions A can make that raise B's utility, ranked by how much B gains per unit A gives up,
 * and the two-issue logrolls — A concedes on an issue B cares about more, B concedes on one A
 * cares about more — that leave both better off.
 *
 * With additive utilities each move's effect on either party is the change of that party's
 * weighted value on the issue (`wₖ · (vₖ(new) − vₖ(old))`), so the ranking comes straight from the
 * parties' saliences and value functions: B gains a lot per unit of A's loss exactly where B's
 * salience (or value slope) is high and A's low — Raiffa's logrolling / "trading on differences".
 *
 * Ranking of concessions: moves that cost A nothing (`ΔA ≥ 0`) first, by B's gain; then by the
 * exchange rate `ΔB / −ΔA` (descending), ties by B's gain. Logrolls: only pairs with `ΔA ≥ 0`
 * and `ΔB ≥ 0` (not both 0), ranked by B's gain, then A's gain.
 *
 * Sources: Raiffa, *The Art and Science of Negotiation* (1982), ch. 10–13 (logrolling, packages,
 * the efficient frontier); Raiffa, Richardson & Metcalfe, *Negotiation Analysis* (2002), ch. 12.
 * @module
 */
import type { AdditiveUtility } from "./additive-utility.ts";
import { decodeOutcome, type OutcomeSpace, statusQuoOutcome } from "./outcome-space.ts";

/** One option of one issue, with what a CLI needs to label it. */
export interface OptionRef {
  option: number;
  label: string;
  /** Value on the issue's numeric scale (undefined for categorical issues). */
  value: number | undefined;
}

/** A change of one issue from one option to another. */
export interface IssueChange {
  /** Issue index in the space. */
  issue: number;
  /** Issue id (scenario issue id or Genius issue name). */
  issueId: string;
  from: OptionRef;
  to: OptionRef;
}

/** A single-issue move and its effect on both parties. */
export interface Concession extends IssueChange {
  /** Change of A's utility (negative: A gives something up). */
  deltaA: number;
  /** Change of B's utility. */
  deltaB: number;
  /** `ΔB / −ΔA`: B's gain per unit of A's loss (`Infinity` when A loses nothing). */
  rate: number;
}

/** A two-issue trade: A's concession on one issue, B's on another. */
export interface Logroll {
  /** The move A makes towards B. */
  give: Concession;
  /** The move B makes towards A in return. */
  take: Concession;
  deltaA: number;
  deltaB: number;
}

/** Option reference for option `o` of issue `k`. */
export function optionRef(space: OutcomeSpace, k: number, o: number): OptionRef {
  const issue = space.issues[k];
  if (!issue) throw new RangeError(`issue ${k} is not in the space`);
  return { option: o, label: issue.labels[o] as string, value: issue.values?.[o] };
}

/** The starting package: an outcome index, or the status quo (throws when there is none). */
export function startingOptions(space: OutcomeSpace, from?: number): Int32Array {
  const start = from ?? statusQuoOutcome(space);
  if (start === undefined) {
    throw new RangeError(
      "no starting package: some issue has no status-quo option; pass the outcome to start from",
    );
  }
  if (!Number.isInteger(start) || start < 0 || start >= space.size) {
    throw new RangeError(`outcome ${start} is not in the space (0–${space.size - 1})`);
  }
  return decodeOutcome(space, start);
}

/** Every single-issue move from `options` with both parties' utility changes. */
export function singleIssueMoves(
  space: OutcomeSpace,
  a: AdditiveUtility,
  b: AdditiveUtility,
  options: Int32Array,
): Concession[] {
  const out: Concession[] = [];
  space.issues.forEach((issue, k) => {
    const cur = options[k] as number;
    const ca = a.contributions[k] as Float64Array;
    const cb = b.contributions[k] as Float64Array;
    for (let o = 0; o < issue.labels.length; o++) {
      if (o === cur) continue;
      const deltaA = (ca[o] as number) - (ca[cur] as number);
      const deltaB = (cb[o] as number) - (cb[cur] as number);
      out.push({
        issue: k,
        issueId: issue.id,
        from: optionRef(space, k, cur),
        to: optionRef(space, k, o),
        deltaA,
        deltaB,
        rate: deltaA >= 0 ? Number.POSITIVE_INFINITY : deltaB / -deltaA,
      });
    }
  });
  return out;
}

/**
 * Ranked single-issue concessions A can offer B and two-issue logrolls between them, from the
 * package `from` (an outcome index; default the status quo). `limit` (default 10) caps each list.
 * Utilities here ignore Genius's `min(1, Σ)` cap (the changes are the additive terms).
 */
export function whatCanAOfferB(
  space: OutcomeSpace,
  a: AdditiveUtility,
  b: AdditiveUtility,
  options: { from?: number; limit?: number } = {},
): { concessions: Concession[]; logrolls: Logroll[] } {
  const limit = options.limit ?? 10;
  const start = startingOptions(space, options.from);
  const moves = singleIssueMoves(space, a, b, start);
  const concessions = moves
    .filter((m) => m.deltaB > 0)
    .sort((x, y) => {
      const fx = x.deltaA >= 0;
      const fy = y.deltaA >= 0;
      if (fx !== fy) return fx ? -1 : 1;
      if (fx) return y.deltaB - x.deltaB || y.deltaA - x.deltaA;
      return y.rate - x.rate || y.deltaB - x.deltaB;
    })
    .slice(0, limit);
  const gives = moves.filter((m) => m.deltaA < 0 && m.deltaB > 0);
  const takes = moves.filter((m) => m.deltaB < 0 && m.deltaA > 0);
  const logrolls: Logroll[] = [];
  for (const give of gives) {
    for (const take of takes) {
      if (give.issue === take.issue) continue;
      const deltaA = give.deltaA + take.deltaA;
      const deltaB = give.deltaB + take.deltaB;
      if (deltaA >= 0 && deltaB >= 0 && deltaA + deltaB > 0) {
        logrolls.push({ give, take, deltaA, deltaB });
      }
    }
  }
  logrolls.sort((x, y) => y.deltaB - x.deltaB || y.deltaA - x.deltaA);
  return { concessions, logrolls: logrolls.slice(0, limit) };
}

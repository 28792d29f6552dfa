/**
 * Win-sets of Putnam's two-level games: the packages every party whose consent is required — the
 * ratifiers (veto players) of the issues the package settles — prefers to no deal, i.e. values
 * strictly above its reservation value (by default the utility of the status quo).
 *
 * Which consents a package needs (`scope`):
 * - `"touched"` (default): the ratifiers of each issue on which the package departs from the
 *   status quo (an issue left at its status quo needs no ratification; an issue without a
 *   status-quo option always counts as touched);
 * - `"all"`: the ratifiers of every issue, whatever the package does.
 * `alsoRequired` adds level-I parties (e.g. the chief negotiators) to every package.
 * The all-status-quo package is "no deal" and is never part of the win-set.
 *
 * Besides the win-set, the scan reports the package that maximises the smallest slack
 * `uᵢ − rᵢ` over its required parties: the most robust deal when the win-set is non-empty, the
 * nearest miss when it is empty — with each binding party's shortfall `rᵢ − uᵢ` — and, per
 * party, how many packages it rejects and how many it alone blocks (dropping that party's
 * constraint would admit them: the constraints that empty the win-set).
 *
 * Source: Putnam, "Diplomacy and Domestic Politics: The Logic of Two-Level Games",
 * *International Organization* 42(3), 1988; modelling recipe `docs/research/deal-space.md` §6.3.
 * @module
 */
import type { AdditiveUtility } from "./additive-utility.ts";
import { assertEnumerable, DEFAULT_MAX_OUTCOMES, evaluateInto } from "./evaluate-outcomes.ts";
import { type OutcomeSpace, statusQuoOptions } from "./outcome-space.ts";

/** Which ratifiers a package needs: of the issues it changes, or of every issue. */
export type WinSetScope = "touched" | "all";

/** A party's slack on a package: utility minus reservation (positive = accepts). */
export interface PartySlack {
  party: number;
  slack: number;
}

/** The package with the largest smallest slack among its required parties. */
export interface RobustPackage {
  outcome: number;
  /** Smallest slack over the package's required parties (> 0 iff it is in the win-set). */
  minSlack: number;
  /** Every required party's slack on it. */
  slacks: PartySlack[];
  /** Required parties that do not accept it (slack ≤ 0), with `shortfall = r − u ≥ 0`. */
  binding: Array<{ party: number; shortfall: number }>;
}

/** Result of {@link winSet}. */
export interface WinSet {
  /** Parties whose consent at least one package needs (ascending). */
  required: Int32Array;
  /** Number of packages in the win-set. */
  size: number;
  /** Win-set packages (outcome indices, ascending), at most `maxListed`. */
  packages: Uint32Array;
  /** True when `packages` was cut at `maxListed`. */
  truncated: boolean;
  /** Aligned with `required`: packages each party is asked to ratify and rejects. */
  rejects: Float64Array;
  /** Aligned with `required`: packages each party alone blocks (all other required accept). */
  soleVetoes: Float64Array;
  /** Max-min-slack package ({@link RobustPackage}); undefined only if no package exists. */
  robust: RobustPackage | undefined;
}

/**
 * The win-set of `space` given every party's utility (`utilities`, indexed by party) and, per
 * issue, the parties that must ratify a deal on it (`ratifiers[k]`, party indices — a
 * scenario's `IssueData.ratifiers`). Throws RangeError for a party index out of range or a space
 * too large to enumerate.
 */
export function winSet(
  space: OutcomeSpace,
  utilities: readonly AdditiveUtility[],
  ratifiers: ReadonlyArray<ArrayLike<number>>,
  options: {
    scope?: WinSetScope;
    alsoRequired?: ArrayLike<number>;
    maxOutcomes?: number;
    maxListed?: number;
  } = {},
): WinSet {
  const scope = options.scope ?? "touched";
  const maxListed = options.maxListed ?? 10_000;
  const k = space.issues.length;
  if (ratifiers.length !== k) {
    throw new RangeError(`win-set: ${ratifiers.length} ratifier lists for ${k} issues`);
  }
  const n = utilities.length;
  const check = (p: number) => {
    if (!Number.isInteger(p) || p < 0 || p >= n) {
      throw new RangeError(`win-set: party index ${p} is not one of 0–${n - 1}`);
    }
    return p;
  };
  const always = new Set(Array.from(options.alsoRequired ?? [], check));
  const byIssue = ratifiers.map((list) => [...new Set(Array.from(list, check))]);
  const requiredSet = new Set(always);
  for (const list of byIssue) for (const p of list) requiredSet.add(p);
  const required = Int32Array.from([...requiredSet].sort((a, b) => a - b));
  const slot = new Map(Array.from(required, (p, s) => [p, s]));
  assertEnumerable(space, options.maxOutcomes ?? DEFAULT_MAX_OUTCOMES);
  const values = Array.from(required, (p) =>
    evaluateInto(space, utilities[p] as AdditiveUtility, new Float64Array(space.size)),
  );
  const reservation = Float64Array.from(
    required,
    (p) => (utilities[p] as AdditiveUtility).reservation,
  );
  const sq = statusQuoOptions(space);
  const r = required.length;
  // touched[s] = how many issues ratified by party slot s the current package changes.
  const touched = new Int32Array(r);
  const permanent = new Uint8Array(r);
  for (const p of always) permanent[slot.get(p) as number] = 1;
  const issueSlots = byIssue.map((list) => list.map((p) => slot.get(p) as number));
  if (scope === "all") for (const list of issueSlots) for (const s of list) permanent[s] = 1;
  const options_ = new Int32Array(k);
  const isTouched = new Uint8Array(k);
  const setTouched = (i: number, on: boolean) => {
    if ((isTouched[i] === 1) === on) return;
    isTouched[i] = on ? 1 : 0;
    for (const s of issueSlots[i] as number[]) touched[s] = (touched[s] as number) + (on ? 1 : -1);
  };
  for (let i = 0; i < k; i++) setTouched(i, (sq[i] as number) !== 0);
  const rejects = new Float64Array(r);
  const soleVetoes = new Float64Array(r);
  const listed: number[] = [];
  let size = 0;
  let best = -1;
  let bestSlack = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < space.size; index++) {
    if (index > 0) {
      // Odometer step: increment the last digit, carrying leftwards.
      for (let i = k - 1; i >= 0; i--) {
        const next = (options_[i] as number) + 1;
        if (next < (space.radices[i] as number)) {
          options_[i] = next;
          setTouched(i, next !== sq[i]);
          break;
        }
        options_[i] = 0;
        setTouched(i, sq[i] !== 0);
      }
    }
    let anyTouched = false;
    for (let i = 0; i < k; i++) if (isTouched[i] === 1) anyTouched = true;
    if (!anyTouched) continue; // the status quo itself: no deal
    let minSlack = Number.POSITIVE_INFINITY;
    let failures = 0;
    let failing = -1;
    for (let s = 0; s < r; s++) {
      if (permanent[s] === 0 && touched[s] === 0) continue;
      const slack = ((values[s] as Float64Array)[index] as number) - (reservation[s] as number);
      if (slack < minSlack) minSlack = slack;
      if (!(slack > 0)) {
        failures++;
        failing = s;
        rejects[s] = (rejects[s] as number) + 1;
      }
    }
    if (failures === 0) {
      size++;
      if (listed.length < maxListed) listed.push(index);
    } else if (failures === 1) soleVetoes[failing] = (soleVetoes[failing] as number) + 1;
    if (minSlack > bestSlack) {
      bestSlack = minSlack;
      best = index;
    }
  }
  let robust: RobustPackage | undefined;
  if (best >= 0) {
    const opts = new Int32Array(k);
    let rest = best;
    for (let i = k - 1; i >= 0; i--) {
      opts[i] = rest % (space.radices[i] as number);
      rest = Math.floor(rest / (space.radices[i] as number));
    }
    const slacks: PartySlack[] = [];
    for (let s = 0; s < r; s++) {
      const needed =
        permanent[s] === 1 ||
        (byIssue as number[][]).some(
          (list, i) => list.includes(required[s] as number) && opts[i] !== sq[i],
        );
      if (!needed) continue;
      slacks.push({
        party: required[s] as number,
        slack: ((values[s] as Float64Array)[best] as number) - (reservation[s] as number),
      });
    }
    robust = {
      outcome: best,
      minSlack: bestSlack,
      slacks,
      binding: slacks
        .filter((x) => !(x.slack > 0))
        .map((x) => ({ party: x.party, shortfall: -x.slack })),
    };
  }
  return {
    required,
    size,
    packages: Uint32Array.from(listed),
    truncated: size > listed.length,
    rejects,
    soleVetoes,
    robust,
  };
}

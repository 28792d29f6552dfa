/**
 * A package path for two parties from the status quo (or any package) to their Pareto frontier:
 * a sequence of small, mutually beneficial changes — single-issue moves and two-issue logrolls —
 * each leaving both parties at least as well off and one better off.
 *
 * Greedy rule: at every step take the move (one issue, or two issues at once) with the largest
 * Nash product of gains over the starting package, `(u_A − u_A⁰)(u_B − u_B⁰)`, ties by the
 * largest joint gain `ΔA + ΔB`. When no single or double move improves both any more but the
 * package is still dominated (gains that need three or more issues at once), a last step jumps
 * to the frontier package dominating it with the largest Nash product. The joint gain rises at
 * every step, so the path is finite and ends on the frontier.
 *
 * Sources: Raiffa, *The Art and Science of Negotiation* (1982), ch. 11 and 13 (joint
 * improvements from a tentative package to the efficient frontier, "post-settlement
 * settlements"); Nash (1950) for the product used to choose between improvements.
 * @module
 */
import { type AdditiveUtility, utilityOf } from "./additive-utility.ts";
import { type IssueChange, optionRef, startingOptions } from "./concessions.ts";
import { encodeOutcome, type OutcomeSpace } from "./outcome-space.ts";
import { paretoOutcomes } from "./pareto-outcomes.ts";

/** One step of a package path. */
export interface PathStep {
  /** The issues changed (one or two; more for a final jump to the frontier). */
  changes: IssueChange[];
  deltaA: number;
  deltaB: number;
  /** Utilities after the step. */
  utilityA: number;
  utilityB: number;
  /** The package after the step (outcome index). */
  outcome: number;
}

/** Result of {@link packagePath}. */
export interface PackagePath {
  start: { outcome: number; utilityA: number; utilityB: number };
  steps: PathStep[];
  /** True when the last package is Pareto-optimal for A and B (always, unless `maxSteps` hit). */
  onFrontier: boolean;
}

/**
 * Greedy package path for parties `a` and `b` from outcome `from` (default: the status quo) to
 * their frontier. `maxSteps` (default 1000) bounds the loop; `maxOutcomes` bounds the frontier
 * search of the final step.
 */
export function packagePath(
  space: OutcomeSpace,
  a: AdditiveUtility,
  b: AdditiveUtility,
  options: { from?: number; maxSteps?: number; maxOutcomes?: number } = {},
): PackagePath {
  const maxSteps = options.maxSteps ?? 1000;
  const current = startingOptions(space, options.from);
  const ua0 = utilityOf(a, current);
  const ub0 = utilityOf(b, current);
  let ua = ua0;
  let ub = ub0;
  const start = { outcome: encodeOutcome(space, current), utilityA: ua, utilityB: ub };
  const steps: PathStep[] = [];
  const k = space.issues.length;
  const trial = new Int32Array(k);
  const score = (xa: number, xb: number) => (xa - ua0) * (xb - ub0);
  while (steps.length < maxSteps) {
    let best: { changes: Array<[number, number]>; xa: number; xb: number } | undefined;
    const consider = (changes: Array<[number, number]>) => {
      trial.set(current);
      for (const [i, o] of changes) trial[i] = o;
      const xa = utilityOf(a, trial);
      const xb = utilityOf(b, trial);
      // Neither side may lose beyond rounding (equal sums in another order differ in the last
      // bit), and together they must gain.
      const eps = 1e-12 * (1 + Math.abs(ua) + Math.abs(ub));
      if (xa < ua - eps || xb < ub - eps) return;
      if (xa + xb <= ua + ub + eps) return;
      if (
        !best ||
        score(xa, xb) > score(best.xa, best.xb) ||
        (score(xa, xb) === score(best.xa, best.xb) && xa + xb > best.xa + best.xb)
      ) {
        best = { changes, xa, xb };
      }
    };
    for (let i = 0; i < k; i++) {
      const ri = space.radices[i] as number;
      for (let o = 0; o < ri; o++) {
        if (o === current[i]) continue;
        consider([[i, o]]);
        for (let j = i + 1; j < k; j++) {
          const rj = space.radices[j] as number;
          for (let q = 0; q < rj; q++)
            if (q !== current[j])
              consider([
                [i, o],
                [j, q],
              ]);
        }
      }
    }
    if (!best) break;
    steps.push(
      applyStep(space, current, best.changes, best.xa - ua, best.xb - ub, best.xa, best.xb),
    );
    ua = best.xa;
    ub = best.xb;
  }
  let onFrontier = false;
  if (steps.length < maxSteps) {
    const frontier = paretoOutcomes(space, [a, b], options.maxOutcomes);
    const [fa, fb] = frontier.utilities as [Float64Array, Float64Array];
    let jump = -1;
    // Frontier utilities are summed in another order than utilityOf's, so compare within
    // rounding: a point that equals the current package is not a step; one that beats it in
    // either utility (and loses in neither) is, and the best of those by the Nash product wins.
    const eps = 1e-12 * (1 + Math.abs(ua) + Math.abs(ub));
    const gainScore = (xa: number, xb: number) =>
      Math.max(0, xa - ua0) * Math.max(0, xb - ub0) + 1e-9 * (xa + xb);
    for (let j = 0; j < frontier.outcomes.length; j++) {
      const xa = fa[j] as number;
      const xb = fb[j] as number;
      if (xa < ua - eps || xb < ub - eps) continue;
      if (xa <= ua + eps && xb <= ub + eps) continue;
      if (jump < 0 || gainScore(xa, xb) > gainScore(fa[jump] as number, fb[jump] as number))
        jump = j;
    }
    if (jump >= 0) {
      const target = new Int32Array(k);
      let rest = frontier.outcomes[jump] as number;
      for (let i = k - 1; i >= 0; i--) {
        target[i] = rest % (space.radices[i] as number);
        rest = Math.floor(rest / (space.radices[i] as number));
      }
      const changes: Array<[number, number]> = [];
      for (let i = 0; i < k; i++)
        if (target[i] !== current[i]) changes.push([i, target[i] as number]);
      const xa = fa[jump] as number;
      const xb = fb[jump] as number;
      steps.push(applyStep(space, current, changes, xa - ua, xb - ub, xa, xb));
    }
    onFrontier = true;
  }
  return { start, steps, onFrontier };
}

function applyStep(
  space: OutcomeSpace,
  current: Int32Array,
  changes: Array<[number, number]>,
  deltaA: number,
  deltaB: number,
  utilityA: number,
  utilityB: number,
): PathStep {
  const described: IssueChange[] = changes.map(([i, o]) => ({
    issue: i,
    issueId: (space.issues[i] as { id: string }).id,
    from: optionRef(space, i, current[i] as number),
    to: optionRef(space, i, o),
  }));
  for (const [i, o] of changes) current[i] = o;
  return {
    changes: described,
    deltaA,
    deltaB,
    utilityA,
    utilityB,
    outcome: encodeOutcome(space, current),
  };
}

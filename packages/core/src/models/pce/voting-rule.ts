/**
 * KTAB's voting rules: how strongly a voter of weight w backs option a over option b given its
 * utilities for the two. Source: KTAB `Model::vote` (KTAB/kmodel/libsrc/kmodel.cpp, commit
 * 3b5b063); Entente spec `docs/research/spec-ktab-smp.md` §5.2. Method: Wise, "An Introduction to
 * KTAB" and "Group Choice with Interdependent Sublinear Voting" (KAPSARC).
 */

/**
 * KTAB's voting-rule names, in KTAB's enum order (index 0–5).
 * Source: KTAB `Model::vote` and the `VotingRule` enum (KTAB/kmodel/libsrc/kmodel.cpp, kmodel.h;
 * commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2, §5.10. Method: Wise, "Group Choice
 * with Interdependent Sublinear Voting" (KAPSARC).
 */
export const VOTING_RULES = ["Binary", "PropBin", "Prop", "PropCbc", "Cubic", "ASymProsp"] as const;

/**
 * One of {@link VOTING_RULES}; `Prop` is KTAB's default.
 * Source: KTAB `Model::vote` and the `VotingRule` enum (KTAB/kmodel/libsrc/kmodel.cpp, kmodel.h;
 * commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2, §5.10. Method: Wise, "Group Choice
 * with Interdependent Sublinear Voting" (KAPSARC).
 */
export type VotingRule = (typeof VOTING_RULES)[number];

/**
 * The index of a voting rule name in {@link VOTING_RULES} (the code {@link vote} takes).
 * Source: KTAB `Model::vote` and the `VotingRule` enum (KTAB/kmodel/libsrc/kmodel.cpp, kmodel.h;
 * commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.2, §5.10. Method: Wise, "Group Choice
 * with Interdependent Sublinear Voting" (KAPSARC).
 */
export function votingRuleCode(rule: VotingRule): number {
  return VOTING_RULES.indexOf(rule);
}

/**
 * The vote of a voter of weight `w` for option a over option b, with utilities `ua`, `ub`
 * (Δ = ua − ub): Binary w·clip(Δ/1e-8, −1, 1); PropBin w·(0.8Δ + 0.2·clip(Δ/1e-8, −1, 1));
 * Prop w·Δ; PropCbc w·(0.5Δ + 0.5Δ³); Cubic w·Δ³; ASymProsp w·Δ for a loss and (2/3)·w·Δ for a
 * gain. Positive favours a. `rule` is the index in {@link VOTING_RULES}.
 * KTAB throws for w ≤ 0; here a zero weight simply casts a zero vote.
 * Source: KTAB `Model::vote` (kmodel.cpp); spec §5.2.
 * Method: Wise, "Group Choice with Interdependent Sublinear Voting" (KAPSARC).
 */
export function vote(rule: number, w: number, ua: number, ub: number): number {
  const d = ua - ub;
  switch (rule) {
    case 2:
      return w * d;
    case 0:
      return w * clipUnit(d / 1e-8);
    case 1:
      return w * (0.8 * d + 0.2 * clipUnit(d / 1e-8));
    case 3:
      return w * (0.5 * d + 0.5 * d * d * d);
    case 4:
      return w * (d * d * d);
    default:
      if (d < 0) return w * d;
      if (d > 0) return ((2 * w) / 3) * d;
      return 0;
  }
}

function clipUnit(x: number): number {
  return Math.min(1, Math.max(-1, x));
}

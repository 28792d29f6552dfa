import { PCE_MODELS } from "../pce/condorcet-solvers.ts";
import { VICTORY_PROB_MODELS } from "../pce/victory-probability.ts";
import { VOTING_RULES } from "../pce/voting-rule.ts";

/**
 * The settings of one SMP run as KTAB names them, with their value lists in KTAB's enum order
 * (the index is what KTAB stores in its ScenarioDesc table). Source: KTAB `smp.h`, `kmodel.h`
 * (examples/smp/libsrc, KTAB/kmodel/libsrc, commit 3b5b063) and the tutorial
 * web/tutorial/SMPTutorial.md "Model Parameters"; spec `docs/research/spec-ktab-smp.md` §3.2, §5.10.
 * Method: Wise, "An Introduction to KTAB" (KAPSARC).
 */
export const SMP_ENUMS = {
  VictoryProbModel: VICTORY_PROB_MODELS,
  PCEModel: PCE_MODELS,
  StateTransitions: ["Deterministic", "Stochastic"],
  VotingRule: VOTING_RULES,
  BigRAdjust: ["None", "OneThird", "Half", "TwoThirds", "Full"],
  BigRRange: ["Min", "Mid", "Max"],
  ThirdPartyCommit: ["NoCommit", "SemiCommit", "FullCommit"],
  InterVecBrgn: ["S1P1", "S2P2", "S2PMax"],
  BargnModel: ["InitOnlyInterp", "InitRcvrInterp", "PWCompInterp"],
} as const;

/**
 * KTAB's defaults for the nine model parameters (spec §5.10; `smpc` CSV runs use these).
 * Source: KTAB `SMPModel` and `Model` parameter enums (examples/smp/libsrc/smp.h,
 * KTAB/kmodel/libsrc/kmodel.h; commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.10, §5.11,
 * §5.12; docs/ktab-differences.md. Method: Wise, "An Introduction to KTAB".
 */
export const SMP_DEFAULTS = {
  VictoryProbModel: "Linear",
  PCEModel: "Conditional",
  StateTransitions: "Deterministic",
  VotingRule: "Prop",
  BigRAdjust: "OneThird",
  BigRRange: "Mid",
  ThirdPartyCommit: "SemiCommit",
  InterVecBrgn: "S2P2",
  BargnModel: "InitOnlyInterp",
} as const;

/**
 * The nine KTAB parameter names.
 * Source: KTAB `SMPModel` and `Model` parameter enums (examples/smp/libsrc/smp.h,
 * KTAB/kmodel/libsrc/kmodel.h; commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.10, §5.11,
 * §5.12; docs/ktab-differences.md. Method: Wise, "An Introduction to KTAB".
 */
export type SmpEnumName = keyof typeof SMP_ENUMS;

/**
 * "ktab" reproduces KTAB's behaviour including the bugs of spec §5.12; "corrected" (Entente's
 * default) fixes them — see docs/ktab-differences.md.
 * Source: KTAB `SMPModel` and `Model` parameter enums (examples/smp/libsrc/smp.h,
 * KTAB/kmodel/libsrc/kmodel.h; commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.10, §5.11,
 * §5.12; docs/ktab-differences.md. Method: Wise, "An Introduction to KTAB".
 */
export type SmpCompat = "ktab" | "corrected";

/**
 * A resolved SMP run configuration: the nine KTAB parameters as indices into
 * {@link SMP_ENUMS}, the compatibility mode and KTAB's run-control constants.
 * Source: KTAB `SMPModel` and `Model` parameter enums (examples/smp/libsrc/smp.h,
 * KTAB/kmodel/libsrc/kmodel.h; commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.10, §5.11,
 * §5.12; docs/ktab-differences.md. Method: Wise, "An Introduction to KTAB".
 */
export interface SmpSettings {
  victoryProbModel: number;
  pceModel: number;
  stateTransitions: number;
  votingRule: number;
  bigRAdjust: number;
  bigRRange: number;
  thirdPartyCommit: number;
  interVecBrgn: number;
  bargnModel: number;
  compat: SmpCompat;
  /** Maximum number of turns (KTAB: 100). */
  maxTurns: number;
  /** Minimum number of turns before the stop ratio is tested (KTAB: 2). */
  minTurns: number;
  /** Stop when this turn's movement / (first turn's movement + 1e-4) falls below this (KTAB: 0.02). */
  stopRatio: number;
  /** Positions closer than this (Euclidean, on [0,1]^m) count as one outcome (KTAB: 1e-3). */
  positionTolerance: number;
  /** Seed of KTAB's PRNG (mt19937_64 + qTrans) for StateTransitions=Stochastic. */
  seed: bigint;
}

/**
 * KTAB's default PRNG seed, 0xD67CC16FE69C185C (spec §3.1).
 * Source: KTAB `SMPModel` and `Model` parameter enums (examples/smp/libsrc/smp.h,
 * KTAB/kmodel/libsrc/kmodel.h; commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.10, §5.11,
 * §5.12; docs/ktab-differences.md. Method: Wise, "An Introduction to KTAB".
 */
export const KTAB_DEFAULT_SEED = 0xd67cc16fe69c185cn;

/**
 * Settings from KTAB parameter names (defaults for anything omitted): the nine enums by KTAB
 * value name, plus compat and run control. Throws RangeError on an unknown value name.
 * Source: KTAB `SMPModel` and `Model` parameter enums (examples/smp/libsrc/smp.h,
 * KTAB/kmodel/libsrc/kmodel.h; commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.10, §5.11,
 * §5.12; docs/ktab-differences.md. Method: Wise, "An Introduction to KTAB".
 */
export function smpSettings(
  values: Partial<Record<SmpEnumName, string>> & {
    compat?: SmpCompat;
    maxTurns?: number;
    minTurns?: number;
    stopRatio?: number;
    positionTolerance?: number;
    seed?: bigint;
  } = {},
): SmpSettings {
  const code = (name: SmpEnumName): number => {
    const v = values[name] ?? SMP_DEFAULTS[name];
    const i = (SMP_ENUMS[name] as readonly string[]).indexOf(v);
    if (i < 0) {
      throw new RangeError(`${name}: expected one of ${SMP_ENUMS[name].join(", ")}, got "${v}"`);
    }
    return i;
  };
  return {
    victoryProbModel: code("VictoryProbModel"),
    pceModel: code("PCEModel"),
    stateTransitions: code("StateTransitions"),
    votingRule: code("VotingRule"),
    bigRAdjust: code("BigRAdjust"),
    bigRRange: code("BigRRange"),
    thirdPartyCommit: code("ThirdPartyCommit"),
    interVecBrgn: code("InterVecBrgn"),
    bargnModel: code("BargnModel"),
    compat: values.compat ?? "corrected",
    maxTurns: values.maxTurns ?? 100,
    minTurns: values.minTurns ?? 2,
    stopRatio: values.stopRatio ?? 0.02,
    positionTolerance: values.positionTolerance ?? 1e-3,
    seed: values.seed ?? KTAB_DEFAULT_SEED,
  };
}

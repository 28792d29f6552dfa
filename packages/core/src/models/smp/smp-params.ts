import type { ParamSpec } from "../params.ts";
import { SMP_DEFAULTS, SMP_ENUMS, type SmpEnumName } from "./smp-settings.ts";

const enumParam = (name: SmpEnumName, description: string): ParamSpec => ({
  name,
  kind: "enum",
  values: SMP_ENUMS[name],
  default: SMP_DEFAULTS[name],
  description,
});

/**
 * The SMP's parameters: KTAB's nine model parameters under KTAB's names and value names (spec
 * `docs/research/spec-ktab-smp.md` §5.10, KTAB `smp.h`/`kmodel.h`, commit 3b5b063), then ideal
 * adjustment, KTAB's run control, the Stochastic seed, the forecast rule and the compat mode.
 * Source: KTAB examples/smp/libsrc/smp.h, smp.cpp (commit 3b5b063) and web/tutorial/SMPTutorial.md;
 * spec `docs/research/spec-ktab-smp.md` §5.9, §5.10; docs/ktab-differences.md. Method: Wise,
 * "Multidimensional Bargaining Using KTAB".
 */
export const SMP_PARAMS: readonly ParamSpec[] = [
  enumParam(
    "VictoryProbModel",
    "pairwise victory probability from coalition strengths: odds ∝ s (Linear), s², s⁴, s⁸ or a 1.1-ratio threshold (Binary)",
  ),
  enumParam(
    "PCEModel",
    "Probabilistic Condorcet Election solver: Conditional (product of pairwise wins), MarkovIncentive or MarkovUniform",
  ),
  enumParam(
    "StateTransitions",
    "Deterministic: each actor takes its most probable bargain; Stochastic: draws one (KTAB's PRNG, param seed)",
  ),
  enumParam(
    "VotingRule",
    "how a vote scales with the utility difference Δ: Prop w·Δ, Binary w·sign, Cubic w·Δ³, …",
  ),
  enumParam(
    "BigRAdjust",
    "how much of i's own risk attitude h sees when estimating i's utilities (None: h projects its own; Full: i's true one)",
  ),
  enumParam(
    "BigRRange",
    "range of risk attitudes from position probabilities: Min [0,1], Mid [−½,1], Max [−1,1]",
  ),
  enumParam(
    "ThirdPartyCommit",
    "what a third party in a challenge commits to (SemiCommit: the losing side adopts the winner's position)",
  ),
  enumParam(
    "InterVecBrgn",
    "bargain interpolation: weights salience·probability (S1P1), their squares (S2P2), or S2PMax",
  ),
  enumParam(
    "BargnModel",
    "offers: initiator's interpolation only, plus the receiver's view (InitRcvrInterp), or their power-weighted mean",
  ),
  {
    name: "idealAdjustment",
    kind: "number",
    default: 1,
    min: 0,
    max: 1,
    description:
      "how far each actor's ideal follows its own new position each turn (KTAB accommodation A = a·I): 1 = ideals equal positions (KTAB's default), 0 = ideals stay at the inputs",
  },
  {
    name: "maxTurns",
    kind: "integer",
    default: 100,
    min: 1,
    max: 10000,
    description: "maximum number of bargaining turns (KTAB: 100)",
  },
  {
    name: "stopRatio",
    kind: "number",
    default: 0.02,
    min: 0,
    max: 1,
    description:
      "stop (from turn 2) when a turn's total movement falls below this fraction of the first turn's (KTAB: 0.02)",
  },
  {
    name: "positionTolerance",
    kind: "number",
    default: 0.001,
    min: 0,
    max: 1,
    description:
      "positions closer than this (Euclidean distance, every scale mapped to [0,1]) count as one outcome (KTAB: 0.001)",
  },
  {
    name: "seed",
    kind: "integer",
    default: 0,
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    description:
      "PRNG seed for StateTransitions=Stochastic; 0 = KTAB's default seed 0xD67CC16FE69C185C",
  },
  {
    name: "forecast",
    kind: "enum",
    values: ["expected", "modal"],
    default: "expected",
    description:
      "the number reported per issue: the final turn's PCE-probability-weighted mean of the distinct positions (expected) or the most probable one (modal)",
  },
  {
    name: "compat",
    kind: "enum",
    values: ["corrected", "ktab"],
    default: "corrected",
    description:
      "corrected: fix KTAB's bugs (docs/ktab-differences.md) and run in an input-order-independent actor order; ktab: reproduce KTAB exactly",
  },
];

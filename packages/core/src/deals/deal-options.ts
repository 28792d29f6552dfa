/**
 * Options of the deal-space analysis as {@link ParamSpec}s, so the CLI parses and checks them
 * like model parameters (`resolveParams(dealAnalysis, { params })`), and their typed form.
 * Defaults reproduce `docs/research/deal-space.md` §5.
 * @module
 */
import type { ParamSpec, ParamValues } from "../models/params.ts";
import { DEFAULT_MAX_OUTCOMES } from "./evaluate-outcomes.ts";
import type { GeniusDuplicates } from "./genius-space.ts";
import type { KsConvention } from "./kalai-smorodinsky-point.ts";
import type { ValueLoss } from "./value-function.ts";
import type { WinSetScope } from "./win-set.ts";

/** The deal-space analysis options, typed. */
export interface DealOptions {
  gridPoints: number;
  loss: ValueLoss;
  statusQuoOnGrid: boolean;
  ks: KsConvention;
  ksUtopia: "ideal" | "rational";
  winSetScope: WinSetScope;
  maxOutcomes: number;
  geniusDuplicates: GeniusDuplicates;
}

/** Parameters of the deal-space analysis (ParamSpec style of `models/params.ts`). */
export const dealParams: readonly ParamSpec[] = [
  {
    name: "gridPoints",
    kind: "integer",
    default: 11,
    min: 2,
    max: 101,
    description: "points per continuous issue of a scenario (evenly spaced over its scale)",
  },
  {
    name: "loss",
    kind: "enum",
    values: ["linear", "quadratic"],
    default: "linear",
    description:
      "value of an option to an actor: 1 − |x − ideal|/range or 1 − ((x − ideal)/range)²",
  },
  {
    name: "statusQuoOnGrid",
    kind: "boolean",
    default: true,
    description: "add each issue's status quo as a grid point when it falls between points",
  },
  {
    name: "ks",
    kind: "enum",
    values: ["textbook", "negmas", "genius"],
    default: "textbook",
    description:
      "Kalai–Smorodinsky convention: textbook max-min normalised gain, negmas min spread, Genius min |u₁ − u₂|",
  },
  {
    name: "ksUtopia",
    kind: "enum",
    values: ["ideal", "rational"],
    default: "ideal",
    description: "textbook KS utopia: best utility over all outcomes, or over acceptable ones",
  },
  {
    name: "winSetScope",
    kind: "enum",
    values: ["touched", "all"],
    default: "touched",
    description: "a package needs the ratifiers of the issues it changes, or of every issue",
  },
  {
    name: "maxOutcomes",
    kind: "integer",
    default: DEFAULT_MAX_OUTCOMES,
    min: 1,
    max: 2 ** 32 - 1,
    description: "largest number of packages enumerated (memory: 8 bytes per package and party)",
  },
  {
    name: "geniusDuplicates",
    kind: "enum",
    values: ["last", "first"],
    default: "last",
    description:
      "a value listed twice in a Genius profile keeps its last (Genius) or first evaluation",
  },
];

/** The deal analysis as a parameterised "model" for `resolveParams`. */
export const dealAnalysis = { id: "deals", params: dealParams } as const;

/** Typed options from resolved parameter values (`resolveParams(dealAnalysis, …)`). */
export function dealOptions(values: ParamValues): DealOptions {
  return {
    gridPoints: values.gridPoints as number,
    loss: values.loss as ValueLoss,
    statusQuoOnGrid: values.statusQuoOnGrid as boolean,
    ks: values.ks as KsConvention,
    ksUtopia: values.ksUtopia as "ideal" | "rational",
    winSetScope: values.winSetScope as WinSetScope,
    maxOutcomes: values.maxOutcomes as number,
    geniusDuplicates: values.geniusDuplicates as GeniusDuplicates,
  };
}

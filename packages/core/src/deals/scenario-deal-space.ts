/**
 * The deal space of an Entente scenario: every issue discretised on a grid, every actor an
 * additive utility over the packages.
 *
 * - Issues: the scale `min`–`max` on `grid` points (default 11 evenly spaced, or explicit values
 *   per issue), plus the status quo when it falls between grid points (`statusQuoOnGrid`).
 * - Actor `i`'s ideal on an issue is its position; its weight is its salience divided by the sum
 *   of its saliences over all issues (weights sum to 1; all 0 for an actor with no salience);
 *   its value function is linear or quadratic loss from the ideal over the scale's length
 *   (`loss`, per actor and issue via `lossOverrides`).
 * - An actor with no stance on an issue is indifferent to it (weight 0).
 * - Reservation value: the actor's utility of the status quo; an issue without a status quo
 *   counts at the **midpoint of its scale** (there is no other neutral point on a bipolar scale).
 * - Ratifiers: the scenario's per-issue `ratifiers` (actor indices), for {@link winSet}.
 *
 * Sources: spatial utility of the expected-utility literature (Bueno de Mesquita 1994; Achen
 * 2006) turned into Raiffa's (1982) additive scoring over packages; Putnam (1988) for ratifiers.
 * @module
 */
import type { ScenarioData } from "../scenario/prepare.ts";
import { type AdditiveUtility, additiveUtility } from "./additive-utility.ts";
import { gridIssue, type OutcomeSpace, outcomeSpace } from "./outcome-space.ts";
import { lossValue, type ValueFunction, type ValueLoss } from "./value-function.ts";

/** How to turn a scenario into a deal space. */
export interface ScenarioDealOptions {
  /** Points per issue (default 11), or per issue id a number of points or explicit values. */
  grid?: number | Readonly<Record<string, number | readonly number[]>>;
  /** Default loss shape of every value function (default `"linear"`). */
  loss?: ValueLoss;
  /** Loss shape for particular actors and issues: `{ [actorId]: { [issueId]: loss } }`. */
  lossOverrides?: Readonly<Record<string, Readonly<Record<string, ValueLoss>>>>;
  /** Add the status quo as a grid point when it falls between points (default true). */
  statusQuoOnGrid?: boolean;
}

/** A scenario's deal space: the packages, one utility per actor, and per-issue ratifiers. */
export interface ScenarioDealSpace {
  space: OutcomeSpace;
  /** Aligned with `ScenarioData.actors`. */
  utilities: AdditiveUtility[];
  /** Per issue, the actor indices whose consent a deal on it needs. */
  ratifiers: Int32Array[];
}

/** Default number of grid points per continuous issue. */
export const DEFAULT_GRID_POINTS = 11;

/**
 * Build the deal space of a prepared scenario ({@link ScenarioData}). Throws RangeError for a
 * grid option naming an unknown issue, grid values off the scale, or fewer than 2 points.
 */
export function scenarioDealSpace(
  data: ScenarioData,
  options: ScenarioDealOptions = {},
): ScenarioDealSpace {
  const grid = options.grid ?? DEFAULT_GRID_POINTS;
  if (typeof grid === "object") {
    for (const id of Object.keys(grid)) {
      if (!data.issues.some((i) => i.id === id)) {
        throw new RangeError(
          `grid: unknown issue "${id}"; issues: ${data.issues.map((i) => i.id).join(", ")}`,
        );
      }
    }
  }
  const space = outcomeSpace(
    data.issues.map((issue) =>
      gridIssue({
        id: issue.id,
        title: issue.title,
        min: issue.min,
        max: issue.max,
        grid: typeof grid === "number" ? grid : (grid[issue.id] ?? DEFAULT_GRID_POINTS),
        statusQuo: issue.statusQuo,
        statusQuoOnGrid: options.statusQuoOnGrid ?? true,
      }),
    ),
  );
  const loss = options.loss ?? "linear";
  const utilities = data.actors.map((actor, a) => {
    let total = 0;
    for (const issue of data.issues) {
      const at = issue.actors.indexOf(a);
      if (at >= 0) total += issue.saliences[at] as number;
    }
    const weights = new Float64Array(data.issues.length);
    const valueFunctions: ValueFunction[] = data.issues.map((issue, k) => {
      const at = issue.actors.indexOf(a);
      if (at < 0 || total <= 0) return { kind: "flat" };
      weights[k] = (issue.saliences[at] as number) / total;
      const shape = options.lossOverrides?.[actor.id]?.[issue.id] ?? loss;
      return lossValue(shape, issue.positions[at] as number, issue.max - issue.min);
    });
    return additiveUtility(space, { id: actor.id, name: actor.name, weights, valueFunctions });
  });
  return {
    space,
    utilities,
    ratifiers: data.issues.map((issue) => Int32Array.from(issue.ratifiers)),
  };
}

import { nashPoint } from "../deals/nash-point.ts";
import { paretoOutcomes } from "../deals/pareto-outcomes.ts";
import { scenarioDealSpace } from "../deals/scenario-deal-space.ts";
import type { ScenarioData } from "../scenario/prepare.ts";

/**
 * Whether some package of the scenario's deal space (grid points per issue) gives both parties
 * more than no deal: the Nash point over their Pareto frontier exists.
 */
export function dealExists(data: ScenarioData, [a, b]: [number, number], grid: number): boolean {
  const { space, utilities } = scenarioDealSpace(data, { grid });
  const ua = utilities[a];
  const ub = utilities[b];
  if (!ua || !ub) return false;
  const frontier = paretoOutcomes(space, [ua, ub]);
  return (
    nashPoint(frontier.utilities, Float64Array.of(ua.reservation, ub.reservation)) !== undefined
  );
}

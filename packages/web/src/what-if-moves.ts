/**
 * What-if moves: positions dragged or slid in the issue view to explore, forecast but never
 * saved unless the analyst keeps them as edits.
 * @module
 */
import type { Scenario } from "@entente/core";
import { setStanceValue } from "./scenario-edit.ts";

/** A what-if move: an actor's position on an issue, for exploring only. */
export interface WhatIfMove {
  actor: string;
  issue: string;
  position: number;
}

/**
 * The scenario with every move's position set (later moves win).
 * @example
 * applyMoves(draft, [{ actor: "rus", issue: "security", position: 20 }]);
 */
export function applyMoves(scenario: Scenario, moves: readonly WhatIfMove[]): Scenario {
  return moves.reduce(
    (s, m) => setStanceValue(s, m.actor, m.issue, "position", m.position),
    scenario,
  );
}

/** The moves with `move` in place of any earlier move of the same actor on the same issue. */
export function withMove(moves: readonly WhatIfMove[], move: WhatIfMove): WhatIfMove[] {
  return [...moves.filter((m) => m.actor !== move.actor || m.issue !== move.issue), move];
}

import { fmt } from "@entente/charts";
import type { Scenario } from "@entente/core";
import type { WhatIfMove } from "../what-if-moves.ts";

/** Props of {@link WhatIfNotice}. */
export interface WhatIfNoticeProps {
  /** The draft the moves explore (for actors' names and issues' titles). */
  draft: Scenario;
  moves: readonly WhatIfMove[];
  /** Drop the moves. */
  onReset: () => void;
  /** Write the moves into the draft as edits. */
  onKeep: () => void;
}

const actorName = (s: Scenario, id: string) => s.actors.find((a) => a.id === id)?.name ?? id;
const issueTitle = (s: Scenario, id: string) => s.issues.find((i) => i.id === id)?.title ?? id;

/**
 * The what-if under way: which positions were moved where, that the forecast shows them but
 * the draft does not hold them, and the choice to reset them or keep them as edits.
 */
export function WhatIfNotice({ draft, moves, onReset, onKeep }: WhatIfNoticeProps) {
  return (
    <div className="notice what-if" role="status" data-testid="what-if">
      <p>
        <strong>What-if:</strong> {moves.length} position{moves.length === 1 ? "" : "s"} moved to
        explore (
        {moves
          .map(
            (m) =>
              `${actorName(draft, m.actor)} on ${issueTitle(draft, m.issue)} → ${fmt(m.position)}`,
          )
          .join("; ")}
        ). The forecast shows them; they are not part of the draft and are not saved.
      </p>
      <div className="save-actions">
        <button type="button" onClick={onReset}>
          Reset the what-if
        </button>
        <button type="button" onClick={onKeep}>
          Keep as edits
        </button>
      </div>
    </div>
  );
}

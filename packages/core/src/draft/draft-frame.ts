import { draftId } from "./draft-id.ts";
import type { DraftFrame } from "./draft-prompt.ts";
import type { DraftResponse } from "./draft-response.ts";

/**
 * The frame the answers so far establish: every actor, issue, shock and phase under its
 * scenario id, first definition first. Each next article is drafted against it.
 */
export function draftFrame(responses: readonly DraftResponse[]): DraftFrame {
  const frame: DraftFrame = { actors: [], issues: [], shocks: [], phases: [] };
  const seen = new Set<string>();
  const add = <T extends { id: string }>(kind: string, list: T[], item: T) => {
    if (seen.has(`${kind}:${item.id}`)) return;
    seen.add(`${kind}:${item.id}`);
    list.push(item);
  };
  for (const r of responses) {
    for (const a of r.actors) add("a", frame.actors, { id: draftId(a.id), name: a.name });
    for (const i of r.issues) {
      const { title, minLabel, maxLabel } = i;
      add("i", frame.issues, { id: draftId(i.id), title, minLabel, maxLabel });
    }
    for (const s of r.shocks) add("s", frame.shocks, { id: draftId(s.id), title: s.title });
    for (const p of r.phases) add("p", frame.phases, { id: draftId(p.id), title: p.title });
  }
  return frame;
}

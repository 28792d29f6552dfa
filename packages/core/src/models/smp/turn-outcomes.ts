import type { SmpRun } from "./run-smp.ts";

/** What every issue's details share per turn: win probabilities and the outcome clusters. */
export interface TurnOutcome {
  /** KTAB's "probability that actor i's position wins", by actor id. */
  win: Record<string, number>;
  /** Representatives (indices into the state's outcome), most probable first. */
  byProbability: number[];
  /** The actors of each representative's cluster. */
  members: string[][];
}

/** The per-turn outcome data, computed once and shared by every issue's details. */
export function turnOutcomes(run: SmpRun, ids: string[], rank: Int32Array): TurnOutcome[] {
  const n = ids.length;
  return run.states.map((st) => {
    const win: Record<string, number> = {};
    for (let i = 0; i < n; i++)
      win[ids[i] as string] = st.outcome.actorProbabilities[rank[i] as number] as number;
    const { representatives, probabilities, cluster } = st.outcome;
    const members = representatives.map((): string[] => []);
    for (let i = 0; i < n; i++)
      members[cluster[rank[i] as number] as number]?.push(ids[i] as string);
    const first = members.map((list) => ids.indexOf(list[0] as string));
    const byProbability = representatives
      .map((_, u) => u)
      .sort(
        (a, b) =>
          (probabilities[b] as number) - (probabilities[a] as number) ||
          (first[a] as number) - (first[b] as number),
      );
    return { win, byProbability, members };
  });
}

import type { IssueData } from "../../scenario/prepare.ts";
import type { IssueForecast, Round } from "../model.ts";
import { finalOutcome } from "./final-outcome.ts";
import type { SmpRun } from "./run-smp.ts";
import type { SmpDetails } from "./smp-details.ts";
import type { SmpCompat } from "./smp-settings.ts";
import type { TurnOutcome } from "./turn-outcomes.ts";

/**
 * Issue q's forecast from a joint SMP run: the forecast number, the positions per turn on the
 * issue's scale (round 0 = inputs; unmoved positions exactly as input, actors without a stance
 * left out) and the {@link SmpDetails}. `rank[i]` is where scenario actor i sits in the run.
 * Source: KTAB examples/smp/libsrc/smp.cpp (commit 3b5b063); spec
 * `docs/research/spec-ktab-smp.md` §5.9.
 */
export function issueResult(
  run: SmpRun,
  turns: TurnOutcome[],
  ids: string[],
  rank: Int32Array,
  m: number,
  q: number,
  data: IssueData,
  opts: {
    dimensions: string[];
    compat: SmpCompat;
    forecastRule: "expected" | "modal";
    ideals: boolean;
    normalized: string[];
  },
): IssueForecast {
  const n = ids.length;
  const { id: issue, min, max } = data;
  const width = max - min;
  // Positions that never moved are reported as the exact inputs (the [0,1] round trip can be
  // an ulp off); actor i's input on this issue:
  const input = new Float64Array(n).fill(Number.NaN);
  data.actors.forEach((actor, r) => {
    input[actor] = data.positions[r] as number;
  });
  // Actors without a stance here take no part in this dimension: not reported on it.
  const absent = ids.filter((_, i) => Number.isNaN(input[i]));
  const initial = (run.states[0] as SmpRun["states"][number]).positions;
  const report = (t: number, i: number, r: number) =>
    t === initial[r * m + q] ? (input[i] as number) : toScale(t);
  const toScale = (t: number) => Math.min(max, Math.max(min, min + t * width));
  const rounds: Round[] = [];
  const ideals: Round[] = [];
  const outcomes: SmpDetails["outcomes"] = [];
  const winProbabilities: Record<string, number>[] = [];
  run.states.forEach((st, turn) => {
    const positions: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const r = rank[i] as number;
      if (!Number.isNaN(input[i]))
        positions[ids[i] as string] = report(st.positions[r * m + q] as number, i, r);
    }
    rounds.push({ round: turn, positions });
    if (opts.ideals) {
      const idl: Record<string, number> = {};
      for (let i = 0; i < n; i++) {
        const r = rank[i] as number;
        if (!Number.isNaN(input[i]))
          idl[ids[i] as string] = report(st.ideals[r * m + q] as number, i, r);
      }
      ideals.push({ round: turn, positions: idl });
    }
    const { win, byProbability, members } = turns[turn] as TurnOutcome;
    winProbabilities.push(win);
    const { representatives, probabilities } = st.outcome;
    outcomes.push({
      turn,
      ...(st.ratio === undefined ? {} : { ratio: st.ratio }),
      positions: byProbability.map((u) => ({
        position: toScale(st.positions[(representatives[u] as number) * m + q] as number),
        probability: probabilities[u] as number,
        actors: members[u] as string[],
      })),
    });
  });
  const final = finalOutcome(run, m, q, data);
  const details: SmpDetails = {
    dimensions: opts.dimensions,
    compat: opts.compat,
    stop: run.stop,
    turns: run.states.length - 1,
    forecastRule: opts.forecastRule,
    ...final,
    outcomes,
    winProbabilities,
    ...(opts.ideals ? { ideals } : {}),
    ...(opts.normalized.length > 0 ? { normalizedSaliences: opts.normalized } : {}),
    ...(absent.length > 0 ? { absent } : {}),
  };
  return {
    issue,
    forecast: opts.forecastRule === "modal" ? details.modal : details.expected,
    rounds,
    details: details as unknown as Record<string, unknown>,
  };
}

import type { ScenarioData } from "../../scenario/prepare.ts";
import type { Model } from "../model.ts";
import { resolveParams } from "../params.ts";
import { atTheTable } from "./at-the-table.ts";
import { canonicalOrder } from "./canonical-order.ts";
import { finalOutcome } from "./final-outcome.ts";
import { issueResult } from "./issue-result.ts";
import { runSmp } from "./run-smp.ts";
import { smpInput } from "./smp-input.ts";
import { SMP_PARAMS } from "./smp-params.ts";
import {
  KTAB_DEFAULT_SEED,
  SMP_ENUMS,
  type SmpCompat,
  type SmpEnumName,
  smpSettings,
} from "./smp-settings.ts";
import { turnOutcomes } from "./turn-outcomes.ts";

/** The model's per-issue details, re-exported beside the model that produces them. */

/**
 * KTAB's Spatial Model of Politics (SMP) as an Entente model: all issues of the scenario are
 * the dimensions of one joint run. An actor without a stance on an issue takes no part in that
 * dimension: zero salience on it (its distances ignore it, its bargains on it follow the other
 * side), starting at the salience·capability-weighted mean of the actors with a stance, so its
 * position there is irrelevant to it and pulls no side; it is left out of that issue's rounds.
 * Positions map from each issue's [min,max] to KTAB's [0,1] and back; saliences are divided by 100 (an actor
 * whose saliences sum to over 100 — which KTAB rejects — has them scaled to sum to 100); raw
 * capabilities. Forecast: the final turn's PCE-probability-weighted mean of the distinct
 * positions ("expected"), or the most probable distinct position ("modal"); KTAB itself reports
 * no single number (spec §5.9). `rounds` are the positions per turn (round 0 = inputs).
 * Deterministic tie rule: exact probability ties between bargains go to the status quo, then to
 * the bargain of the earliest initiator, in input order under compat "ktab" (matching KTAB's
 * single-threaded order), in {@link canonicalOrder} under "corrected" (so the result does not
 * depend on how the scenario lists the actors).
 * Source: KTAB examples/smp/libsrc/{smp.cpp,smpbcn.cpp}, KTAB/kmodel/libsrc/kmodel.cpp (commit
 * 3b5b063); spec `docs/research/spec-ktab-smp.md` §5. Method: Wise, "An Introduction to KTAB" and
 * "Multidimensional Bargaining Using KTAB"; Wise & Bankes (2015), "Non-spatial Probabilistic
 * Condorcet Election Methodology" (KAPSARC).
 */
export const smpModel: Model = {
  id: "smp",
  label: "KTAB spatial model (SMP)",
  reference:
    "Wise et al., KTAB Spatial Model of Politics (KAPSARC 2015–2019): multi-dimensional bargaining with probabilistic Condorcet elections",
  dynamic: true,
  params: SMP_PARAMS,
  run(scenarioData: ScenarioData, options) {
    const v = resolveParams(smpModel, options);
    const data = atTheTable(scenarioData);
    const compat = v.compat as SmpCompat;
    const settings = smpSettings({
      ...(Object.fromEntries(
        (Object.keys(SMP_ENUMS) as SmpEnumName[]).map((k) => [k, String(v[k])]),
      ) as Record<SmpEnumName, string>),
      compat,
      maxTurns: v.maxTurns as number,
      stopRatio: v.stopRatio as number,
      positionTolerance: v.positionTolerance as number,
      seed: (v.seed as number) === 0 ? KTAB_DEFAULT_SEED : BigInt(v.seed as number),
    });
    if (data.issues.length === 0) return { model: "smp", issues: [] };
    const input = smpInput(data, compat);
    const { n, m } = input;
    const order =
      compat === "corrected"
        ? canonicalOrder(n, m, input.positions, input.saliences, input.capabilities)
        : Int32Array.from({ length: n }, (_, i) => i);
    const permute = (src: Float64Array, w: number) => {
      const out = new Float64Array(n * w);
      for (let r = 0; r < n; r++)
        out.set(src.subarray((order[r] as number) * w, (order[r] as number) * w + w), r * w);
      return out;
    };
    const a = v.idealAdjustment as number;
    let accommodation: Float64Array | undefined;
    if (a !== 1) {
      accommodation = new Float64Array(n * n);
      for (let i = 0; i < n; i++) accommodation[i * n + i] = a;
    }
    const run = runSmp(
      {
        n,
        m,
        capabilities: permute(input.capabilities, 1),
        positions: permute(input.positions, m),
        saliences: permute(input.saliences, m),
        accommodation,
      },
      settings,
      options?.forecastOnly ? "last" : "all",
    );
    // rank[i] = where scenario actor i sits in the run's order.
    const rank = new Int32Array(n);
    order.forEach((i, r) => {
      rank[i] = r;
    });
    const ids = data.actors.map((actor) => actor.id);
    const forecastRule = v.forecast as "expected" | "modal";
    if (options?.forecastOnly) {
      return {
        model: "smp",
        issues: data.issues.map((issue, q) => {
          const final = finalOutcome(run, m, q, issue);
          return {
            issue: issue.id,
            forecast: forecastRule === "modal" ? final.modal : final.expected,
          };
        }),
      };
    }
    const turns = turnOutcomes(run, ids, rank);
    return {
      model: "smp",
      issues: data.issues.map((issue, q) =>
        issueResult(run, turns, ids, rank, m, q, issue, {
          dimensions: data.issues.map((i) => i.id),
          compat,
          forecastRule,
          ideals: a !== 1,
          normalized: input.normalized,
        }),
      ),
    };
  },
};

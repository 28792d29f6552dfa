/**
 * The brief's "Phases" section: who takes part in each phase, on which issues, and the chance
 * it ends in an agreement beside the analysts' prior.
 * @module
 */
import { percent } from "@entente/core";
import type { Section } from "./brief.ts";
import { cite, p } from "./brief-blocks.ts";
import type { BriefContext } from "./brief-context.ts";
import { estimateText } from "./estimate-text.ts";

/** The section on the scenario's phases (or a note that it has none). */
export function phasesSection(ctx: BriefContext): Section {
  const { scenario, d } = ctx;
  const phases = scenario.phases ?? [];
  if (phases.length === 0) {
    return {
      id: "phases",
      title: "Phases",
      blocks: [p(["The scenario has no phases: every model settles all issues at once."])],
    };
  }
  const reported = d.simulation.report.phases;
  return {
    id: "phases",
    title: "Phases",
    blocks: [
      p(
        [
          "The talks run through these phases in order. A phase ends in an agreement when every party whose consent its issues need prefers some package to no deal, combined with the analysts' prior where the scenario gives one; otherwise the status quo holds on its issues.",
        ],
        "note",
      ),
      {
        kind: "table",
        caption:
          "Each phase: who takes part, on which issues, and the chance it ends in an agreement",
        head: ["Phase", "actors", "issues", "agreement", "analysts' prior"],
        numeric: [false, false, false, true, true],
        rows: phases.map((ph) => {
          const r = reported.find((x) => x.phase === ph.id);
          const prior = ph.agreement?.probability;
          return [
            [ph.title, ...cite(ph.sources ?? [])],
            [ph.actors.map(ctx.actorName).join(", ")],
            [ph.issues.map(ctx.issueTitle).join("; ")],
            [r ? `${percent(r.probability)} ± ${(r.se * 100).toFixed(1)} pp` : "not checked"],
            prior === undefined ? ["–"] : estimateText(prior, percent, " to "),
          ];
        }),
      },
    ],
  };
}

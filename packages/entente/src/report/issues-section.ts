/**
 * The brief's "Issues" section: how to read it, then one sub-section per issue.
 * @module
 */
import type { Section } from "./brief.ts";
import { p } from "./brief-blocks.ts";
import type { BriefContext } from "./brief-context.ts";
import { issueSection } from "./issue-section.ts";

/** The section on where each issue lands, with a sub-section per issue. */
export function issuesSection(ctx: BriefContext): Section {
  const { scenario } = ctx;
  return {
    id: "issues",
    title: "Issues: where each one lands",
    blocks: [
      p(
        [
          `Each issue is a scale with named ends. The headline gives the most likely named outcome, the 80 % range and the chance that no agreement changes the status quo, from the ${ctx.lead.label} model ${errorClause(ctx)}. Dots are actors (size: capability; colour: salience), grey whiskers the range of a position, ticks each source's reading; vertical lines are each model's point forecast and the status quo; the shaded band is the 80 % range.`,
        ],
        "note",
      ),
    ],
    sections: scenario.issues.map((issue, k) => issueSection(ctx, issue, k)),
  };
}

/** How the distributions treat each model's error, as a clause ("with its error …"). */
function errorClause(ctx: BriefContext): string {
  switch (ctx.d.calibration) {
    case "shipped":
      return "with its error measured on real decisions (see Models)";
    case "custom":
      return `with its error from the calibration file in use (${ctx.d.simulation.calibration})`;
    default:
      return "with input uncertainty only (no model error: ranges are too narrow on real decisions)";
  }
}

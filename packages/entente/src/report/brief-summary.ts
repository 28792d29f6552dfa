/**
 * The brief's summary paragraph: the talks in one line each for phases, status quo, questions,
 * the deal space and the assumption that matters most.
 * @module
 */
import { percent } from "@entente/core";
import type { Inline, Text } from "./brief.ts";
import { cite } from "./brief-blocks.ts";
import type { BriefContext } from "./brief-context.ts";
import { issueDecimals } from "./issue-decimals.ts";
import { topSwing } from "./top-swing.ts";

/** The summary at the head of a brief. */
export function briefSummary(ctx: BriefContext): Text {
  const { scenario, d } = ctx;
  const out: Inline[] = [
    `${scenario.actors.length} actors negotiate ${scenario.issues.length} issue${scenario.issues.length === 1 ? "" : "s"}`,
    scenario.phases?.length
      ? ` over ${scenario.phases.length} phase${scenario.phases.length === 1 ? "" : "s"}. `
      : ". ",
  ];
  const phases = d.simulation.report.phases;
  if (phases.length) {
    const hardest = phases.reduce((a, b) => (b.probability < a.probability ? b : a));
    const title = scenario.phases?.find((x) => x.id === hardest.phase)?.title ?? hardest.phase;
    out.push(
      phases.length === 1
        ? `The one phase, “${title}”, ends in an agreement with a probability of ${percent(hardest.probability)}. `
        : `The least likely step is “${title}”, which ends in an agreement with a probability of ${percent(hardest.probability)}. `,
    );
  }
  const sq = scenario.issues
    .map((issue) => ({ issue, o: ctx.leadOutcome(issue.id) }))
    .filter((x) => x.o && x.issue.statusQuo !== undefined && phases.length > 0);
  if (sq.length) {
    const most = sq.reduce((a, b) =>
      (b.o?.outcome.statusQuoHolds ?? 0) > (a.o?.outcome.statusQuoHolds ?? 0) ? b : a,
    );
    const least = sq.reduce((a, b) =>
      (b.o?.outcome.statusQuoHolds ?? 1) < (a.o?.outcome.statusQuoHolds ?? 1) ? b : a,
    );
    const hold = (x: typeof most) => percent(x.o?.outcome.statusQuoHolds ?? Number.NaN);
    out.push(
      hold(most) === hold(least)
        ? `Without an agreement the status quo holds; the chance of that is ${hold(most)} on every issue. `
        : `The status quo is most likely to hold on “${most.issue.title}” (${hold(most)}) and least likely on “${least.issue.title}” (${hold(least)}). `,
    );
  }
  const questions = d.simulation.report.questions;
  if (questions.length) {
    const top = questions
      .map((q) => ({
        q,
        p: q.models.find((m) => m.model === ctx.lead.id)?.probability ?? Number.NaN,
      }))
      .reduce((a, b) => (b.p > a.p ? b : a));
    const question = scenario.questions?.find((x) => x.id === top.q.question);
    const said = (question?.estimates ?? []).map((e) => percent(e.probability));
    out.push(
      questions.length === 1
        ? `“${question?.title ?? top.q.question}”: `
        : `Of the questions, the likeliest is “${question?.title ?? top.q.question}”: `,
      `${percent(top.p)}${said.length ? ` (the sources say ${said.join(", ")}` : ""}`,
      ...(said.length ? [...cite(question?.estimates?.map((e) => e.source) ?? []), ")"] : []),
      ". ",
    );
  }
  if (typeof d.deals !== "string") {
    const [a, b] = d.deals.parties.map(ctx.actorName);
    const rational = d.deals.rationalPackages;
    out.push(
      rational === undefined
        ? `Between ${a} and ${b} there are too many packages to count those both prefer to no deal. `
        : rational > 0
          ? `${a} and ${b} both prefer ${rational.toLocaleString("en-GB")} of ${d.deals.packages.toLocaleString("en-GB")} packages to no deal`
          : `No package is better than no deal for both ${a} and ${b}`,
    );
    const w = d.deals.winSet;
    if (rational !== undefined && w) {
      out.push(
        w.size > 0
          ? `; ${w.size.toLocaleString("en-GB")} of them also satisfy every required ratifier. `
          : `, but none satisfies every required ratifier${w.nearest?.binding.length ? ` (${w.nearest.binding.map((x) => ctx.actorName(x.party)).join(", ")} would block the nearest)` : ""}. `,
      );
    } else if (rational !== undefined) out.push(". ");
  }
  const top = topSwing(ctx);
  if (top) {
    out.push(
      `The assumption that matters most is “${ctx.inputName(top.input)}”: across its range it moves the forecast on “${top.issue.title}” by ${Math.abs(top.swing).toFixed(issueDecimals(top.issue))}${top.issue.scale.unit ? ` ${top.issue.scale.unit}` : ""} (${(top.share * 100).toFixed(0)} % of the scale).`,
    );
  }
  return out;
}

/**
 * The brief's "Questions" section: each model's probability of yes beside the sources' figures.
 * @module
 */
import { percent } from "@entente/core";
import type { Inline, Section } from "./brief.ts";
import type { BriefContext } from "./brief-context.ts";

/** The section on the scenario's questions. */
export function questionsSection(ctx: BriefContext): Section {
  const { scenario, d } = ctx;
  const models = d.models;
  return {
    id: "questions",
    title: "Questions",
    blocks: [
      {
        kind: "table",
        caption:
          "Each question: each model's probability of yes (Monte Carlo), and the sources' own figures",
        head: ["Question", ...models.map((m) => m.label), "sources say"],
        numeric: [false, ...models.map(() => true), false],
        rows: (scenario.questions ?? []).map((q) => {
          const r = d.simulation.report.questions.find((x) => x.question === q.id);
          const said: Inline[] = [];
          for (const [k, e] of (q.estimates ?? []).entries()) {
            if (k > 0) said.push("; ");
            said.push(percent(e.probability), " ", { cite: [e.source] });
          }
          return [
            [q.title],
            ...models.map((m) => [
              percent(r?.models.find((x) => x.model === m.id)?.probability ?? Number.NaN),
            ]),
            said.length ? said : ["–"],
          ];
        }),
      },
    ],
  };
}

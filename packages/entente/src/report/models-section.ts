/**
 * The brief's "Models" section: how each model's error is measured, and its held-out record on
 * the DEU III decisions.
 * @module
 */
import type { Section } from "./brief.ts";
import { p } from "./brief-blocks.ts";
import type { BriefContext } from "./brief-context.ts";

/** The section on the models and their record on real decisions. */
export function modelsSection(ctx: BriefContext): Section {
  const { d } = ctx;
  const pct = (x: number) => (x * 100).toFixed(0);
  const simulated = new Set(d.models.map((m) => m.id));
  return {
    id: "models",
    title: "Models and their record on real decisions",
    blocks: [
      ...(d.calibration === "shipped"
        ? []
        : [
            p([
              d.calibration === "none"
                ? "This report adds no model error (calibration none): its ranges cover the inputs' uncertainty only, and real outcomes fall outside such ranges far more often than their level says. The record below is that of the shipped calibration, which this report does not use."
                : `This report uses another calibration (${d.simulation.calibration}); its record is not shown here (measure it with \`entente backtest\`). The record below is that of the shipped calibration, for comparison.`,
            ]),
          ]),
      p([
        `With the shipped calibration, each model's forecast is turned into a distribution with its own error on real outcomes: the DEU III data set of EU legislative decisions (${d.evidence.source}). The shipped calibration was fitted on half of the decisions; the scores below are on the other half, which it never saw (${d.evidence.split}). Coverage is the share of real outcomes inside the 50 / 80 / 95 % ranges; well calibrated means close to 50 / 80 / 95. CRPS is lower for sharper, better-placed distributions; the baseline is one global error band around the same forecast. A negotiation outside EU legislation may err differently, so applying this error to it is a transfer, not a guarantee.`,
      ]),
      {
        kind: "table",
        caption: `Models (simulated: ${d.models.map((m) => m.label).join(", ")}) and their held-out scores on DEU III with the shipped calibration`,
        head: [
          "Model",
          "reference",
          "n",
          "mean abs. error",
          "coverage 50 / 80 / 95 %",
          "80 % width",
          "CRPS (baseline)",
        ],
        numeric: [false, false, true, true, true, true, true],
        // A model with no record on DEU III (not yet in the shipped evidence) that this report
        // did not simulate has nothing to show here: its row would be dashes.
        rows: d.forecast.models
          .filter(
            (m) =>
              m.unavailable === undefined &&
              (simulated.has(m.id) || d.evidence.models.some((x) => x.model === m.id)),
          )
          .map((m) => {
            const e = d.evidence.models.find((x) => x.model === m.id);
            return [
              [simulated.has(m.id) ? { strong: m.label } : m.label],
              [m.reference ?? ""],
              [e ? String(e.n) : "–"],
              [e ? e.mae.toFixed(1) : "–"],
              [
                e
                  ? `${pct(e.coverage["50"])} / ${pct(e.coverage["80"])} / ${pct(e.coverage["95"])}`
                  : "–",
              ],
              [e ? e.width80.toFixed(0) : "–"],
              [e ? `${e.crps.toFixed(1)} (${e.baselineCrps.toFixed(1)})` : "–"],
            ];
          }),
      },
    ],
  };
}

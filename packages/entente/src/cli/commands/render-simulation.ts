/**
 * What `entente simulate` and `entente merge` print: the simulation document as JSON or as a
 * table, with the sensitivity analysis when one was run.
 * @module
 */
import type { IssueSensitivity, Scenario } from "@entente/core";
import { type SimulationDocument, simulationTable } from "../../format/simulation.ts";

/**
 * The simulation result as printed: pretty JSON (with `sensitivity` when given), or the table
 * followed by each issue's and model's three largest one-at-a-time swings and Sobol indices.
 */
export function renderSimulation(
  doc: SimulationDocument,
  scenario: Scenario,
  format: "table" | "json",
  extra?: IssueSensitivity[],
): string {
  if (format === "json")
    return `${JSON.stringify(extra ? { ...doc, sensitivity: extra } : doc, null, 2)}\n`;
  let text = simulationTable(doc, scenario);
  if (extra) {
    text += "\nSensitivity (largest one-at-a-time swings; first-order Sobol index):\n";
    for (const s of extra) {
      const top = s.tornado.slice(0, 3).map((t) => {
        const sobol = s.sobol.find((x) => x.input === t.input)?.firstOrder ?? 0;
        return `${t.input} ${t.swing >= 0 ? "+" : ""}${t.swing.toFixed(1)} (S1 ${sobol.toFixed(2)})`;
      });
      if (top.length) text += `  ${s.issue} / ${s.model}: ${top.join("; ")}\n`;
    }
  }
  return text;
}

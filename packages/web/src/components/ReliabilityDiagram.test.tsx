// @vitest-environment happy-dom
import type { CalibrationBin } from "@entente/core";
import { cleanup, render, screen } from "@testing-library/react";
import type { LedgerScoreTable } from "entente/wire-types";
import { afterEach, describe, expect, it } from "vitest";
import { ReliabilityDiagram } from "./ReliabilityDiagram.tsx";

afterEach(cleanup);

/** Ten bins, with one forecast in bin `k` that did (or did not) happen. */
function oneIn(k: number, p: number, happened: boolean): CalibrationBin[] {
  return Array.from({ length: 10 }, (_, j) => ({
    from: j / 10,
    to: (j + 1) / 10,
    n: j === k ? 1 : 0,
    meanForecast: j === k ? p : null,
    observed: j === k ? (happened ? 1 : 0) : null,
    interval: j === k ? (happened ? [0.27, 1] : [0, 0.73]) : null,
  }));
}

function scores(resolved: number, groups: LedgerScoreTable["groups"]): LedgerScoreTable {
  return { by: "forecaster", reference: "50%", questions: { total: 20, resolved }, groups };
}

const binary = (calibration: CalibrationBin[]) => ({
  n: 1,
  brier: 0.1,
  reliability: 0.1,
  resolution: 0,
  uncertainty: 0,
  logScore: -0.3,
  skill: 0.6,
  referenceBrier: 0.25,
  shared: 1,
  calibration,
});

describe("ReliabilityDiagram", () => {
  it("draws nothing, and says so, while no question is resolved", () => {
    const { container } = render(<ReliabilityDiagram scores={scores(0, [])} others={[]} />);
    expect(screen.getByTestId("reliability-empty").textContent).toMatch(
      /^No resolved questions yet/,
    );
    expect(container.querySelector("svg")).toBeNull();
  });

  it("says only numeric questions are resolved when no yes/no forecast is scored", () => {
    const only = scores(1, [
      { forecaster: "eum", kind: "model", binary: null, numeric: { n: 1, crps: 3 } },
    ]);
    render(<ReliabilityDiagram scores={only} others={[]} />);
    expect(screen.getByTestId("reliability-empty").textContent).toMatch(
      /^No resolved yes\/no questions yet/,
    );
  });

  it("draws one point and one interval per forecaster and bin, beside the diagonal, with a label", () => {
    const { container } = render(
      <ReliabilityDiagram
        scores={scores(1, [
          { forecaster: "eum", kind: "model", binary: binary(oneIn(8, 0.82, true)), numeric: null },
          {
            forecaster: "seed-003",
            kind: "source",
            binary: binary(oneIn(4, 0.4, true)),
            numeric: null,
          },
        ])}
        others={["seed-003"]}
      />,
    );
    const svg = container.querySelector('svg[aria-label^="Reliability diagram"]');
    expect(svg?.getAttribute("aria-label")).toBe(
      "Reliability diagram: observed frequency against mean forecast, 2 scored forecasts by 2 forecasters",
    );
    expect(svg?.querySelectorAll('g[aria-label="dot"] path')).toHaveLength(2);
    expect(svg?.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(2);
    // The diagonal, and one line per forecaster through its points.
    expect(svg?.querySelectorAll('g[aria-label="line"] path')).toHaveLength(3);
    const titles = [...(svg?.querySelectorAll('g[aria-label="dot"] title') ?? [])].map(
      (t) => t.textContent,
    );
    expect(titles).toEqual([
      "eum: 1 forecast in 80 %–90 %, mean 82 %, happened 100 % (90 %: 27 %–100 %)",
      "seed-003: 1 forecast in 40 %–50 %, mean 40 %, happened 100 % (90 %: 27 %–100 %)",
    ]);
    expect(screen.getByTestId("reliability-diagram").dataset.points).toBe("2");
  });
});

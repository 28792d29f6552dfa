import { distributionPlotOptions, fmt } from "@entente/charts";
import { issueHeadline, pointLabel, type Scenario } from "@entente/core";
import type { ModelInfo } from "entente/wire-types";
import { useMemo } from "react";
import type { SimulationResult } from "../simulation.ts";
import { ChanceTable } from "./ChanceTable.tsx";
import { PlotFigure } from "./PlotFigure.tsx";
import { SimulationAllIssues } from "./SimulationAllIssues.tsx";
import { SimulationIntervals } from "./SimulationIntervals.tsx";
import { SimulationPhases } from "./SimulationPhases.tsx";
import { SimulationQuestions } from "./SimulationQuestions.tsx";
import { SimulationTornado } from "./SimulationTornado.tsx";

/** Props of {@link SimulationDistributions}. */
export interface SimulationDistributionsProps {
  result: SimulationResult;
  scenario: Scenario;
  /** The issue whose details are shown. */
  issue: string;
  onIssue: (id: string) => void;
  /** The models the server lists (for their labels). */
  models: readonly ModelInfo[];
}

/**
 * A finished simulation: every issue at a glance, then on the chosen issue the headline, each
 * model's outcome distribution and intervals, the chance of each named outcome and marked
 * point, each phase's chance of agreement, the questions, and the tornado charts.
 */
export function SimulationDistributions(props: SimulationDistributionsProps) {
  const { result, scenario, issue, onIssue, models } = props;
  const info = scenario.issues.find((i) => i.id === issue);
  const entry = result.report.issues.find((i) => i.issue === issue);
  const label = useMemo(
    () => (id: string) => models.find((m) => m.id === id)?.label ?? id,
    [models],
  );
  const options = useMemo(
    () =>
      entry && info
        ? distributionPlotOptions({
            min: info.scale.min,
            max: info.scale.max,
            models: entry.models,
            label,
          })
        : undefined,
    [entry, info, label],
  );

  if (!entry || !info) return <p>No results for this issue.</p>;
  const tornado = result.sensitivity?.filter((s) => s.issue === issue) ?? [];
  const lead = entry.models.find((m) => m.n > 0);
  const checked = result.report.phases.length > 0;
  const columns = entry.models.map((d) => ({ id: d.model, label: label(d.model) }));
  return (
    <div className="distributions">
      <SimulationAllIssues
        result={result}
        scenario={scenario}
        issue={issue}
        onIssue={onIssue}
        label={label}
      />
      {lead && (
        <p className="headline" data-testid="sim-headline">
          {issueHeadline(info, {
            bands: lead.outcome.bands,
            median: lead.outcome.median,
            interval80: lead.outcome.intervals["80"],
            statusQuoHolds: checked ? lead.outcome.statusQuoHolds : undefined,
          })}{" "}
          <span className="hint">({label(lead.model)})</span>
        </p>
      )}
      <h3>Outcome distributions on “{info.title}”</h3>
      {options && (
        <figure className="chart" data-testid="distribution-plot">
          <PlotFigure options={options} />
          <figcaption>
            Bars: share of samples per bin of the outcome (forecast plus the model's calibrated
            error, or the status quo where no phase agrees); shaded: the 80 % interval; black line:
            the median; red tick: the mean point forecast.
          </figcaption>
        </figure>
      )}
      <SimulationIntervals models={entry.models} label={label} checked={checked} />
      <ChanceTable
        testId="bands"
        caption="Named outcomes: the chance the outcome is nearest each labelled point"
        head="Outcome"
        models={columns}
        rows={(lead?.outcome.bands ?? []).map((band, j) => ({
          key: band.at,
          label: (
            <>
              {pointLabel(info, band.at)}{" "}
              <span className="hint">
                ({fmt(band.from)}–{fmt(band.to)})
              </span>
            </>
          ),
          chance: (k) => entry.models[k]?.outcome.bands[j]?.probability ?? Number.NaN,
        }))}
      />
      {(lead?.outcome.atLeast.length ?? 0) > 0 && (
        <ChanceTable
          testId="thresholds"
          caption="Chance the outcome is at least each marked point"
          head="At least"
          models={columns}
          rows={(lead?.outcome.atLeast ?? []).map((t, j) => ({
            key: t.threshold,
            label: (
              <>
                {pointLabel(info, t.threshold)} <span className="hint">(≥ {fmt(t.threshold)})</span>
              </>
            ),
            chance: (k) => entry.models[k]?.outcome.atLeast[j]?.probability ?? Number.NaN,
          }))}
        />
      )}
      {checked && <SimulationPhases phases={result.report.phases} scenario={scenario} />}
      {result.report.questions.length > 0 && (
        <SimulationQuestions
          questions={result.report.questions}
          scenario={scenario}
          label={label}
        />
      )}
      {tornado.length > 0 ? (
        tornado.map((s) => (
          <SimulationTornado
            key={s.model}
            sensitivity={s}
            scenario={scenario}
            label={label(s.model)}
          />
        ))
      ) : (
        <p className="notice">
          No tornado chart: this simulation was run without sensitivity (tick “Sensitivity
          (tornado)” and run it again).
        </p>
      )}
    </div>
  );
}

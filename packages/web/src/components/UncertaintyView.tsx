import type { Scenario } from "@entente/core";
import type { ModelInfo } from "entente/wire-types";
import { useSimulation } from "../use-simulation.ts";
import { IssuePicker } from "./IssuePicker.tsx";
import { PastSimulations } from "./PastSimulations.tsx";
import { SimulationDistributions } from "./SimulationDistributions.tsx";
import { SimulationForm } from "./SimulationForm.tsx";
import { SimulationStatus } from "./SimulationStatus.tsx";

/** Props of {@link UncertaintyView}. */
export interface UncertaintyViewProps {
  scenarioId: string;
  /** The saved revision the server simulates. */
  revision: number;
  scenario: Scenario;
  /** The models the server lists. */
  models: readonly ModelInfo[];
  issue: string;
  onIssue: (id: string) => void;
  /** The draft has unsaved edits (which the simulation does not include). */
  dirty: boolean;
}

/**
 * Monte Carlo on the server: start a simulation, follow its progress over server-sent events,
 * then show each model's outcome distribution on an issue — the headline, 50 / 80 / 95 %
 * intervals, the chance of each named outcome, each phase's chance of agreement, the questions
 * beside the sources' own figures — and a tornado chart when the result carries sensitivity data.
 */
export function UncertaintyView(props: UncertaintyViewProps) {
  const { scenarioId, revision, scenario, models, issue, onIssue, dirty } = props;
  const { progress, past, start, cancel, open } = useSimulation(scenarioId, revision);

  return (
    <section className="uncertainty" aria-labelledby="uncertainty-title">
      <div className="toolbar">
        <h2 id="uncertainty-title">Uncertainty</h2>
        <IssuePicker scenario={scenario} issue={issue} onIssue={onIssue} />
      </div>
      <p className="hint">
        Samples every range and disagreeing source, and each shock with its probability; adds each
        model's own error as measured on real decisions (DEU III) and the chance that a phase ends
        without agreement, on the server (revision {revision}
        {dirty ? "; unsaved edits are not included" : ""}).
      </p>
      <SimulationForm
        models={models}
        running={progress.status === "running"}
        cancellable={progress.status === "running" && progress.runId !== ""}
        onStart={(options) => void start(options)}
        onCancel={() => void cancel()}
      />
      <SimulationStatus progress={progress} />
      <PastSimulations
        runs={past}
        revision={revision}
        shown={progress.status === "done" ? progress.runId : undefined}
        onOpen={(id) => void open(id)}
      />
      {progress.status === "done" && (
        <SimulationDistributions
          result={progress.result}
          scenario={scenario}
          issue={issue}
          onIssue={onIssue}
          models={models}
        />
      )}
    </section>
  );
}

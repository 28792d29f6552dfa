import type { Scenario, ValidationIssue } from "@entente/core";
import type { ApiFieldError, RevisionInfo } from "../api.ts";
import { RevisionHistory } from "./RevisionHistory.tsx";
import { StanceGrid } from "./StanceGrid.tsx";
import { ValidationList } from "./ValidationList.tsx";

export interface ScenarioEditorProps {
  draft: Scenario;
  /** Problems found by validating the draft in the browser. */
  issues: readonly ValidationIssue[];
  /** Problems the server reported on the last save (400). */
  serverErrors: readonly ApiFieldError[];
  onChange: (next: Scenario) => void;
  revisions: readonly RevisionInfo[];
  current: number;
  latest: number;
  onOpenRevision: (revision: number) => void;
}

/** The actors × issues grid with its validation, beside the revision history. */
export function ScenarioEditor(props: ScenarioEditorProps) {
  const { draft, issues, serverErrors, onChange } = props;
  return (
    <div className="editor">
      <div className="editor-main">
        <h2>Positions and saliences</h2>
        <p className="hint">
          Each cell holds an actor's position on the issue's scale (<em>pos</em>) and how much the
          issue matters to it (<em>sal</em>, 0–100); capabilities are in the first column. Cells
          marked <span className="tag range">range</span> or{" "}
          <span className="tag disputed">disputed</span> carry a range or disagreeing sources: hover
          or focus the mark to see them. Editing such a number moves its range or every source's
          estimate with it.
        </p>
        <StanceGrid scenario={draft} issues={issues} onChange={onChange} />
        <ValidationList issues={issues} scenario={draft} />
        {serverErrors.length > 0 && (
          <ValidationList
            title="The server refused the last save"
            issues={serverErrors.map((e) => ({
              path: e.path.split("."),
              message: e.message,
              line: e.line,
              col: e.col,
            }))}
            scenario={draft}
          />
        )}
      </div>
      <RevisionHistory
        revisions={props.revisions}
        current={props.current}
        latest={props.latest}
        onOpen={props.onOpenRevision}
      />
    </div>
  );
}

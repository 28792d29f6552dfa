import type { Scenario, ValidationIssue } from "@entente/core";
import type { ApiErrorItem, RevisionInfo } from "entente/wire-types";
import { useState } from "react";
import { FieldInput } from "../editor/FieldInput.tsx";
import { SCENARIO_FIELDS, SECTIONS } from "../editor/fields.ts";
import { RecordSection } from "../editor/RecordSection.tsx";
import { StanceDetail } from "../editor/StanceDetail.tsx";
import { RevisionHistory } from "./RevisionHistory.tsx";
import { StanceGrid } from "./StanceGrid.tsx";
import { ValidationList } from "./ValidationList.tsx";

/** Props of {@link ScenarioEditor}. */
export interface ScenarioEditorProps {
  draft: Scenario;
  /** Problems found by validating the draft in the browser. */
  issues: readonly ValidationIssue[];
  /** Problems the server reported on the last save (400). */
  serverErrors: readonly ApiErrorItem[];
  onChange: (next: Scenario, group?: string) => void;
  /** A scenario not saved yet: its id can still be chosen, and it has no history. */
  isNew?: boolean;
  revisions?: readonly RevisionInfo[];
  current?: number;
  latest?: number;
  onOpenRevision?: (revision: number) => void;
  /** Compare two revisions, or restore one as the newest. */
  history?: React.ReactNode;
}

/** The parts of the editor, in the order an analyst fills them in. */
const PARTS = [
  { id: "scenario", label: "Scenario" },
  { id: "sources", label: "Sources" },
  { id: "actors", label: "Actors" },
  { id: "issues", label: "Issues" },
  { id: "stances", label: "Positions & saliences" },
  { id: "shocks", label: "Shocks" },
  { id: "phases", label: "Phases" },
  { id: "questions", label: "Questions" },
] as const;
type Part = (typeof PARTS)[number]["id"];

/**
 * Everything the scenario format holds, part by part: the scenario's own fields, its sources,
 * actors, issues, the actors × issues grid (with each stance's full estimate below it), shocks
 * and phases; every problem shown at its field and listed below, beside the revision history.
 */
export function ScenarioEditor(props: ScenarioEditorProps) {
  const { draft, issues, serverErrors, onChange, isNew } = props;
  const [part, setPart] = useState<Part>(isNew ? "scenario" : "stances");
  const [detail, setDetail] = useState<{ actor: string; issue: string } | undefined>();
  const count = (id: Part) =>
    id === "scenario"
      ? undefined
      : (((draft as Record<string, unknown>)[id] as unknown[] | undefined)?.length ?? 0);
  const section = SECTIONS.find((s) => s.id === part);
  return (
    <div className="editor">
      <div className="editor-main">
        <nav className="editor-parts" aria-label="Parts of the scenario">
          {PARTS.map((p) => {
            const n = count(p.id);
            const bad = issues.some((i) =>
              p.id === "scenario"
                ? typeof i.path[0] !== "string" || !PARTS.some((q) => q.id === i.path[0])
                : i.path[0] === p.id,
            );
            return (
              <button
                key={p.id}
                type="button"
                aria-pressed={part === p.id}
                className={bad ? "has-errors" : undefined}
                onClick={() => setPart(p.id)}
              >
                {p.label}
                {n !== undefined && <span className="count"> {n}</span>}
              </button>
            );
          })}
        </nav>
        {part === "scenario" && (
          <section className="record-section" aria-labelledby="section-scenario">
            <h2 id="section-scenario">Scenario</h2>
            {isNew && (
              <FieldInput
                field={{
                  kind: "text",
                  key: ["id"],
                  label:
                    "Id (a letter, then letters, digits, '_', '-' or '.'; it cannot change once saved)",
                }}
                at={[]}
                scenario={draft}
                problems={issues}
                onChange={onChange}
              />
            )}
            {SCENARIO_FIELDS.map((field) => (
              <FieldInput
                key={field.key.join(".")}
                field={field}
                at={[]}
                scenario={draft}
                problems={issues}
                onChange={onChange}
              />
            ))}
          </section>
        )}
        {section && (
          <RecordSection section={section} scenario={draft} problems={issues} onChange={onChange} />
        )}
        {part === "stances" && (
          <>
            <h2>Positions and saliences</h2>
            <p className="hint">
              Each cell holds an actor's position on the issue's scale (<em>pos</em>) and how much
              the issue matters to it (<em>sal</em>, 0–100); capabilities are in the first column.
              Cells marked <span className="tag range">range</span> or{" "}
              <span className="tag disputed">disputed</span> carry a range or disagreeing sources.
              Choose <em>details</em> in a cell to give a range, cite sources or list each source's
              estimate.
            </p>
            {draft.actors.length === 0 || draft.issues.length === 0 ? (
              <p className="empty">Add at least one actor and one issue first.</p>
            ) : (
              <StanceGrid
                scenario={draft}
                issues={issues}
                onChange={onChange}
                onDetails={(actor, issue) => setDetail({ actor, issue })}
              />
            )}
            {detail && (
              <StanceDetail
                scenario={draft}
                actor={detail.actor}
                issue={detail.issue}
                problems={issues}
                onChange={onChange}
                onClose={() => setDetail(undefined)}
              />
            )}
          </>
        )}
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
      {!isNew && props.revisions && props.onOpenRevision && (
        <div className="editor-side">
          <RevisionHistory
            revisions={props.revisions}
            current={props.current ?? 0}
            latest={props.latest ?? 0}
            onOpen={props.onOpenRevision}
          />
          {props.history}
        </div>
      )}
    </div>
  );
}
